import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLSchema } from 'graphql';
import { formatError } from './common/graphql/format-error';
import { GraphQLContext } from './common/graphql/graphql-context';
import { QUERY_LIMITS, queryCostPlugin } from './common/graphql/query-limits';
import { rateLimitedResponsePlugin } from './common/rate-limit/rate-limited-response.plugin';
import { LoaderRegistry } from './common/loaders/loaders';
import { AppConfig } from './config/app.config';
import { APP_CONFIG } from './config/config.module';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, LoaderRegistry],
      useFactory: (config: AppConfig, loaders: LoaderRegistry): ApolloDriverConfig => {
        let schema: GraphQLSchema;
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: !config.isProduction,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          plugins: [
            ApolloServerPluginLandingPageDisabled(),
            queryCostPlugin(() => schema),
            rateLimitedResponsePlugin(),
          ],
          parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
          // errors carry no HTTP status of their own (DomainErrorFilter); a rate limit is 429
          preserveHttpStatusForExecutionErrors: false,
          hideSchemaDetailsFromClientErrors: config.isProduction,
          transformSchema: (built: GraphQLSchema) => (schema = built),
          formatError,
          context: ({ req }: { req: Request }): GraphQLContext => ({
            req,
            loaders: loaders.create(),
          }),
        };
      },
    }),
  ],
})
export class AppGraphQLModule {}
