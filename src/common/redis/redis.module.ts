import { Global, Module } from '@nestjs/common';
import { InstanceBroadcast } from './instance-broadcast';
import { RedisConnections } from './redis-connections';

/** Redis for every feature that shares state across instances: rate limits, and pub/sub. */
@Global()
@Module({
  providers: [RedisConnections, InstanceBroadcast],
  exports: [RedisConnections, InstanceBroadcast],
})
export class RedisModule {}
