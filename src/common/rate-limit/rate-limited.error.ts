import { CommonErrorReason, DomainError } from '../errors/domain-error';

/** Over a rate limit: 429 with Retry-After, `extensions.code` RATE_LIMITED on /graphql. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly httpStatus = 429;

  constructor(readonly retryAfterSeconds: number) {
    super(CommonErrorReason.RATE_LIMITED, `Too many requests: try again in ${retryAfterSeconds} s`);
  }
}
