import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  Kind,
  Lexer,
  OperationDefinitionNode,
  parse,
  Source,
  TokenKind,
} from 'graphql';
import { MAX_PAGE_SIZE } from './connection';
import { measureDocument, measureOperation } from './query-shape';

/**
 * What one GraphQL request may ask for. Each holds on the operation as executed (fragments
 * counted wherever they are spread) and is checked in time linear in the document's size,
 * before graphql-js validates it. A refusal is HTTP 400 with a specific `extensions.code`.
 */
export const QUERY_LIMITS = {
  /** Characters in the query text (variables not counted). */
  maxLength: 20_000,
  /** Lexical tokens; also Apollo's parseOptions.maxTokens, so the parser stops there too. */
  maxTokens: 2_000,
  /** Operations in one document (one runs; batched requests are off). */
  maxOperations: 10,
  maxFragments: 20,
  /** Nested field levels: `{ me { organisation { id } } }` is 3. */
  maxDepth: 12,
  maxAliases: 30,
  /** Same response name at the same place, counted in pairs (see DocumentShape). */
  maxRepeatedFieldPairs: 100,
  /** A list costs `first` × what each item asks for; every other field costs 1 + its fields. */
  maxCost: 25_000,
} as const;

type Limits = typeof QUERY_LIMITS;

/** A refusal: HTTP 400 with a specific `extensions.code`, before anything runs. */
function refuse(code: string, message: string, limit: number, actual?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      limit,
      ...(actual !== undefined ? { actual } : {}),
      http: { status: 400 },
    },
  });
}

/** Counts tokens, stopping as soon as there are more than `max` (the lexer is linear). */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count; // a syntax error: the parser reports it
  }
  return count;
}

export function checkSource(query: string, limits: Limits = QUERY_LIMITS): void {
  if (query.length > limits.maxLength) {
    throw refuse(
      'QUERY_TOO_LARGE',
      `The query is ${query.length} characters; at most ${limits.maxLength}`,
      limits.maxLength,
      query.length,
    );
  }
  const tokens = countTokens(query, limits.maxTokens);
  if (tokens > limits.maxTokens) {
    throw refuse(
      'QUERY_TOO_LARGE',
      `The query has more than ${limits.maxTokens} tokens; send a smaller one`,
      limits.maxTokens,
    );
  }
}

/** Everything that does not depend on variables, for every operation in the document. */
export function checkDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: Limits = QUERY_LIMITS,
): void {
  const shape = measureDocument(document);
  if (shape.operations > limits.maxOperations) {
    throw refuse(
      'TOO_MANY_OPERATIONS',
      `The document holds ${shape.operations} operations; at most ${limits.maxOperations}`,
      limits.maxOperations,
      shape.operations,
    );
  }
  if (shape.fragments > limits.maxFragments) {
    throw refuse(
      'TOO_MANY_FRAGMENTS',
      `The document holds ${shape.fragments} fragments; at most ${limits.maxFragments}`,
      limits.maxFragments,
      shape.fragments,
    );
  }
  if (shape.cycle) {
    throw new GraphQLError(
      `Cannot spread fragment "${shape.cycle[0]}" within itself (${shape.cycle.join(' → ')})`,
      {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
      },
    );
  }
  if (shape.repeatedFieldPairs > limits.maxRepeatedFieldPairs) {
    throw refuse(
      'TOO_MANY_REPEATED_FIELDS',
      `The same fields are asked for again and again at one place (${shape.repeatedFieldPairs} repeats); ask for each once`,
      limits.maxRepeatedFieldPairs,
      shape.repeatedFieldPairs,
    );
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      checkShape(schema, document, definition, undefined, limits, false);
    }
  }
}

/**
 * Depth and aliases of one operation, and its cost with these variables when asked. Passes
 * quietly or throws the refusal; true when the verdict would be the same with any variables.
 */
export function checkShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  limits: Limits = QUERY_LIMITS,
  withCost = true,
): boolean {
  const shape = measureOperation(schema, document, operation, variables, {
    depthCap: limits.maxDepth,
    maxPageSize: MAX_PAGE_SIZE,
  });
  const name = operation.name?.value ?? 'anonymous';
  if (shape.depth > limits.maxDepth) {
    throw refuse(
      'QUERY_TOO_DEEP',
      `Operation '${name}' exceeds maximum operation depth of ${limits.maxDepth}`,
      limits.maxDepth,
    );
  }
  if (shape.aliases > limits.maxAliases) {
    throw refuse(
      'TOO_MANY_ALIASES',
      `Too many aliases (${shape.aliases}); at most ${limits.maxAliases} per operation`,
      limits.maxAliases,
      shape.aliases,
    );
  }
  if (withCost && shape.cost > limits.maxCost) {
    throw refuse(
      'QUERY_TOO_COSTLY',
      `Query cost ${shape.cost} is over the limit of ${limits.maxCost}: ask for fewer items or fields`,
      limits.maxCost,
      shape.cost,
    );
  }
  return !shape.readsVariables;
}

/**
 * Everything about a query text that needs no variables, before graphql-js parses and validates
 * it (its overlapping-fields rule is quadratic): size, then shape of every operation. Null when
 * it may go on; a syntax error is left for the parser to report.
 */
export function refusalFor(schema: GraphQLSchema, query: string): GraphQLError | null {
  try {
    checkSource(query);
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens, noLocation: true });
    } catch {
      return null;
    }
    checkDocument(schema, document);
    return null;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

/**
 * The cost of the operation that runs, with its variables: every request, including documents
 * Apollo has cached as validated. (Size and shape are checked before, by QueryLimitsMiddleware.)
 * An operation whose page sizes take no variables costs the same whatever they are: once it has
 * passed it is remembered as passing (Apollo hands a cached document's same operation node back
 * on each request), so only operations sized by variables are measured every time.
 */
export function queryCostPlugin(schema: () => GraphQLSchema): ApolloServerPlugin {
  const passed = new WeakMap<OperationDefinitionNode, GraphQLSchema>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const executed = operation ?? getOperationAST(document, request.operationName);
          if (!executed) return;
          const current = schema();
          if (passed.get(executed) === current) return;
          if (checkShape(current, document, executed, request.variables))
            passed.set(executed, current);
        },
      };
    },
  };
}
