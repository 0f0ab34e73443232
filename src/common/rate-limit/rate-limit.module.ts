import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RedisModule } from '../redis/redis.module';
import { AddressRateLimitMiddleware } from './address-rate-limit.middleware';
import { RateLimitInterceptor } from './rate-limit.interceptor';
import { RateLimitService } from './rate-limit.service';

/**
 * Rate limits everywhere: per address in front (bootstrap mounts AddressRateLimitMiddleware before
 * any body is read), per person or @RateLimit policy per call.
 */
@Global()
@Module({
  imports: [RedisModule],
  providers: [
    RateLimitService,
    AddressRateLimitMiddleware,
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
  ],
  exports: [RateLimitService, AddressRateLimitMiddleware],
})
export class RateLimitModule {}
