import type { Request, Response } from 'express';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * Answers a /graphql request with errors and no data before Apollo sees it (a refused query
 * shape, a rate limit, a body that is not JSON), in the media type the client accepts, as the
 * GraphQL over HTTP specification asks.
 */
export function sendGraphQLError(
  req: Request,
  res: Response,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
): void {
  const type = req.accepts(['application/json', GRAPHQL_RESPONSE]) || 'application/json';
  res
    .status(status)
    .type(
      type === GRAPHQL_RESPONSE
        ? `${GRAPHQL_RESPONSE}; charset=utf-8`
        : 'application/json; charset=utf-8',
    )
    .send(JSON.stringify({ errors: [{ message, extensions }] }));
}
