import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { AppConfig } from '../../config/app.config';
import { APP_CONFIG } from '../../config/config.module';
import { LoadersFactory } from '../loaders/loaders';
import { LoadersModule } from '../loaders/loaders.module';
import { formatError } from './format-error';
import { GraphQLContext } from './graphql-context';
import { aliasLimitRule, queryCostPlugin } from './query-limits';

export const MAX_QUERY_DEPTH = 12;

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
          plugins: [ApolloServerPluginLandingPageDisabled(), queryCostPlugin(() => schema)],
          validationRules: [depthLimit(MAX_QUERY_DEPTH), aliasLimitRule],
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
