import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { ScimError } from './scim.errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** SCIM callers present the shared secret SCIM_TOKEN as a bearer token; compared in constant time. */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly limits: RateLimitService,
  ) {
    this.expected = config.scimToken ? digest(config.scimToken) : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.expected) {
      throw new ScimError(401, 'SCIM provisioning is not configured on this server (SCIM_TOKEN)');
    }
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    // an address that has guessed wrong too often is refused, right token or not, for a while
    const address = `address:${req.ip}`;
    await this.limits.refuseIfSpent('scimAuthFailures', address, res);
    const match = /^Bearer\s+(.+)$/i.exec((req.headers.authorization ?? '').trim());
    // hashing first makes both sides the same length, so the comparison leaks nothing
    if (!match || !timingSafeEqual(digest(match[1]), this.expected)) {
      await this.limits.consume('scimAuthFailures', address, res);
      throw new ScimError(401, 'A valid SCIM bearer token is required');
    }
    return true;
  }
}
