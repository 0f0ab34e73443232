import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { RateLimitName } from '../../config/rate-limit.config';
import { RATE_LIMIT } from './rate-limit.decorator';
import { RateLimitService } from './rate-limit.service';

// requests whose default budget is spent already (a GraphQL request resolves several root fields)
const counted = new WeakSet<Request>();

/**
 * A declared @RateLimit policy per call, otherwise the default budget once per request (per
 * person, or per address for nobody). A global guard registered right after the sign-in guard
 * (IdentityModule), so it knows who is signed in; a guard rather than an interceptor because
 * Nest wraps each intercepted call in rxjs and two AsyncResource bindings, which cost a profile
 * request more than the limit itself (docs/benchmarks.md, "The cost of a request").
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declared = this.reflector.getAllAndOverride<RateLimitName | null | undefined>(
      RATE_LIMIT,
      [context.getHandler(), context.getClass()],
    );
    if (declared === null) return true;
    const req =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: Request }>().req
        : context.switchToHttp().getRequest<Request>();
    const res = (req.res ?? undefined) as Response | undefined;
    const staffId = (req.user as { staff?: { id: number } } | undefined)?.staff?.id;
    const key = staffId !== undefined ? `person:${staffId}` : `address:${req.ip}`;
    if (declared) {
      await this.limits.consume(declared, key, res);
    } else if (!counted.has(req)) {
      counted.add(req);
      await this.limits.consume(staffId !== undefined ? 'perPerson' : 'unauthenticated', key, res);
    }
    return true;
  }
}
