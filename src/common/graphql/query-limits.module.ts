import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { QueryLimitsMiddleware } from './query-limits.middleware';

/** Puts QueryLimitsMiddleware in front of /graphql. */
@Module({ providers: [QueryLimitsMiddleware] })
export class QueryLimitsModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(QueryLimitsMiddleware).forRoutes('graphql');
  }
}
