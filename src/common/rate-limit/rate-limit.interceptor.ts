import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import type { RateLimitName } from '../../config/rate-limit.config';
import { RATE_LIMIT } from './rate-limit.decorator';
import { RateLimitService } from './rate-limit.service';

// requests whose default budget is spent already (a GraphQL request resolves several root fields)
const counted = new WeakSet<Request>();

/**
 * Runs after every guard, so it knows who is signed in: a declared @RateLimit policy per call,
 * otherwise the default budget once per request (per person, or per address for nobody).
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const declared = this.reflector.getAllAndOverride<RateLimitName | null | undefined>(
      RATE_LIMIT,
      [context.getHandler(), context.getClass()],
    );
    if (declared === null) return next.handle();
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
    return next.handle();
  }
}
