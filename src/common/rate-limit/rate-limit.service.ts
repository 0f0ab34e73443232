import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app.config';
import { APP_CONFIG } from '../../config/config.module';
import { RateLimitName } from '../../config/rate-limit.config';
import { RedisConnections } from '../redis/redis-connections';
import { RateLimitedError } from './rate-limited.error';

/**
 * One limiter per policy (src/config/rate-limit.config.ts): in this process's memory, or shared
 * by every instance through Redis when REDIS_URL is set, falling back to memory while Redis
 * cannot be reached.
 */
@Injectable()
export class RateLimitService {
  private readonly limiters = new Map<RateLimitName, RateLimiterAbstract>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisConnections,
  ) {
    const storeClient = redis.connection('rate-limits');
    for (const [name, budget] of Object.entries(config.rateLimits) as [
      RateLimitName,
      AppConfig['rateLimits'][RateLimitName],
    ][]) {
      const options = {
        keyPrefix: `${config.redisKeyPrefix}rate:${name}`,
        points: budget.points,
        duration: budget.durationSeconds,
      };
      const memory = new RateLimiterMemory(options);
      this.limiters.set(
        name,
        storeClient
          ? new RateLimiterRedis({ ...options, storeClient, insuranceLimiter: memory })
          : memory,
      );
    }
  }

  /** Spends one request of `key`'s budget, or throws RateLimitedError (and sets Retry-After). */
  async consume(name: RateLimitName, key: string, res?: Response): Promise<void> {
    try {
      await this.limiters.get(name)!.consume(key);
    } catch (error) {
      throw this.refusal(error, res);
    }
  }

  /** Throws RateLimitedError when `key` has already spent its budget, without spending any. */
  async refuseIfSpent(name: RateLimitName, key: string, res?: Response): Promise<void> {
    const spent = await this.limiters.get(name)!.get(key);
    if (spent && spent.consumedPoints >= this.config.rateLimits[name].points) {
      throw this.refusal(spent, res);
    }
  }

  private refusal(error: unknown, res: Response | undefined): unknown {
    if (!(error instanceof RateLimiterRes)) return error;
    const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    if (res && !res.headersSent) res.setHeader('Retry-After', String(retryAfter));
    return new RateLimitedError(retryAfter);
  }
}
