import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  ValidationContext,
  ASTVisitor,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from './connection';

/** Like GitHub's API: a list field costs its page size times what each item asks for. */
export const MAX_QUERY_COST = 25_000;
export const MAX_ALIASES = 30;

function pageSizeEstimator({ args, childComplexity }: ComplexityEstimatorArgs): number | void {
  const first = typeof args.first === 'number' ? Math.min(args.first, MAX_PAGE_SIZE) : undefined;
  if (first !== undefined) return 1 + first * Math.max(1, childComplexity);
}

/** Refuses an operation whose estimated cost is over the limit, before anything resolves. */
export function queryCostPlugin(schema: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema: schema(),
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // bad variables: execution refuses them with BAD_USER_INPUT before anything runs
            return;
          }
          if (cost > MAX_QUERY_COST) {
            throw new GraphQLError(
              `Query cost ${cost} is over the limit of ${MAX_QUERY_COST}: ask for fewer items or fields`,
              {
                extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: MAX_QUERY_COST },
              },
            );
          }
        },
      };
    },
  };
}

/** Aliases multiply work without nesting; cap them per operation. */
export function aliasLimitRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      let aliases = 0;
      const visit = (
        selections: readonly {
          kind: Kind;
          alias?: unknown;
          selectionSet?: { selections: readonly unknown[] };
        }[],
      ) => {
        for (const selection of selections) {
          if (selection.kind === Kind.FIELD && selection.alias) aliases += 1;
          if (selection.selectionSet) visit(selection.selectionSet.selections as never);
        }
      };
      visit(node.selectionSet.selections as never);
      if (aliases > MAX_ALIASES) {
        context.reportError(
          new GraphQLError(`Too many aliases (${aliases}); at most ${MAX_ALIASES} per operation`, {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
}
