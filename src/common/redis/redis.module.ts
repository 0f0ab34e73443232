import { Global, Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections';

/** Redis for every feature that shares state across instances (rate limits; pub/sub next). */
@Global()
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}
