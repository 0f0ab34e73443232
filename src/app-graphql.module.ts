import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { Request } from 'express';
import { ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { formatError } from './common/graphql/format-error';
import { GraphQLContext } from './common/graphql/graphql-context';
import { noStorePlugins } from './common/graphql/no-store.plugin';
import { QUERY_LIMITS, queryCostPlugin } from './common/graphql/query-limits';
import { rateLimitedResponsePlugin } from './common/rate-limit/rate-limited-response.plugin';
import { LoaderRegistry } from './common/loaders/loaders';
import { AppConfig } from './config/app.config';
import { APP_CONFIG } from './config/config.module';

/** graphql-ws on /graphql, with the same error mapping as over HTTP (Apollo's does not see it). */
const graphqlWsOptions = {
  path: '/graphql',
  onNext: (
    _ctx: unknown,
    _id: unknown,
    _payload: unknown,
    _args: unknown,
    result: ExecutionResult,
  ) =>
    result.errors
      ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
      : undefined,
  onError: (_ctx: unknown, _id: unknown, _payload: unknown, errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error.originalError ?? error)),
} as GraphQLWsSubscriptionsConfig;

/** What the guard reads of a request, for an operation over graphql-ws. */
function webSocketRequest(connectionParams: Record<string, unknown> = {}): Request {
  const raw = connectionParams.authorization ?? connectionParams.Authorization;
  const authorization = typeof raw === 'string' ? raw : undefined;
  return { headers: authorization ? { authorization } : {} } as Request;
}

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
            ...noStorePlugins(),
            queryCostPlugin(() => schema),
            rateLimitedResponsePlugin(),
          ],
          parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
          // errors carry no HTTP status of their own (DomainErrorFilter); a rate limit is 429
          preserveHttpStatusForExecutionErrors: false,
          hideSchemaDetailsFromClientErrors: config.isProduction,
          transformSchema: (built: GraphQLSchema) => (schema = built),
          formatError,
          // subscriptions (leaderboardUpdated) over graphql-ws on the same path; the bearer token
          // comes in connectionParams and passes the same guard as over HTTP
          subscriptions: {
            'graphql-ws': graphqlWsOptions,
          },
          context: ({
            req,
            connectionParams,
          }: {
            req?: Request;
            connectionParams?: Record<string, unknown>;
          }): GraphQLContext => ({
            req: req ?? webSocketRequest(connectionParams),
            loaders: loaders.create(),
          }),
        };
      },
    }),
  ],
})
export class AppGraphQLModule {}
