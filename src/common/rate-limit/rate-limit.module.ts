import { Global, Module } from '@nestjs/common';
import { RedisModule } from '../redis/redis.module';
import { AddressRateLimitMiddleware } from './address-rate-limit.middleware';
import { RateLimitService } from './rate-limit.service';

/**
 * Rate limits everywhere: per address in front (bootstrap mounts AddressRateLimitMiddleware before
 * any body is read), per person or @RateLimit policy per call (RateLimitGuard, which
 * IdentityModule registers after its sign-in guard).
 */
@Global()
@Module({
  imports: [RedisModule],
  providers: [RateLimitService, AddressRateLimitMiddleware],
  exports: [RateLimitService, AddressRateLimitMiddleware],
})
export class RateLimitModule {}
