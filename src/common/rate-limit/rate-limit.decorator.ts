import { SetMetadata } from '@nestjs/common';
import type { RateLimitName } from '../../config/rate-limit.config';

export const RATE_LIMIT = 'rateLimit:policy';

/**
 * This resolver or route (or every one in the class) is limited by `policy`, per person or, with
 * nobody signed in, per address, instead of the default budget (RATE_LIMIT_PER_PERSON or
 * RATE_LIMIT_UNAUTHENTICATED). Each call counts: aliases too. `null` exempts it (health checks).
 */
export const RateLimit = (policy: RateLimitName | null) => SetMetadata(RATE_LIMIT, policy);
