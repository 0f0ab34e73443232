import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { sendErrorAnswer } from '../http/error-response';
import { RateLimitedError } from './rate-limited.error';
import { RateLimitService } from './rate-limit.service';

/** RATE_LIMIT_PER_ADDRESS on /graphql, /api and /scim, before a body is read or a token checked. */
@Injectable()
export class AddressRateLimitMiddleware implements NestMiddleware {
  constructor(private readonly limits: RateLimitService) {}

  use(req: Request, res: Response, next: NextFunction) {
    this.limits.consume('perAddress', `address:${req.ip}`, res).then(
      () => next(),
      (error: unknown) => {
        if (!(error instanceof RateLimitedError)) return next(error);
        sendErrorAnswer(req, res, {
          status: 429,
          code: error.code,
          message: error.message,
          scimType: 'tooMany',
        });
      },
    );
  }
}
