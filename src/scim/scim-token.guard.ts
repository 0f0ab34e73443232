import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { ScimError } from './scim.errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** SCIM callers present the shared secret SCIM_TOKEN as a bearer token; compared in constant time. */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.scimToken ? digest(config.scimToken) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) {
      throw new ScimError(401, 'SCIM provisioning is not configured on this server (SCIM_TOKEN)');
    }
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    // hashing first makes both sides the same length, so the comparison leaks nothing
    if (!match || !timingSafeEqual(digest(match[1]), this.expected)) {
      throw new ScimError(401, 'A valid SCIM bearer token is required');
    }
    return true;
  }
}
