import { Module } from '@nestjs/common';
import { EventLoopDelay } from './event-loop-delay';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [EventLoopDelay] })
export class HealthModule {}
