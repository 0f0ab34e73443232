import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { AppConfig } from '../../config/app.config';
import { APP_CONFIG } from '../../config/config.module';
import { DomainError } from '../errors/domain-error';
import { describeForLog } from '../logging/loggable-error';
import { LoadersFactory } from '../loaders/loaders';
import { LoadersModule } from '../loaders/loaders.module';
import { GraphQLContext } from './graphql-context';
import { rateLimitedResponsePlugin } from '../rate-limit/rate-limited-response.plugin';
import { QUERY_LIMITS, queryCostPlugin } from './query-limits';

const logger = new Logger('GraphQL');

/** Domain errors keep their code and field; anything unexpected is logged and masked. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' || !formatted.extensions?.code) {
    logger.error(describeForLog(original));
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [LoadersModule],
      inject: [APP_CONFIG, LoadersFactory],
      useFactory: (config: AppConfig, loaders: LoadersFactory): ApolloDriverConfig => {
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
