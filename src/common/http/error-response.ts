import type { Request, Response } from 'express';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
/** RFC 7644 §3.12. */
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json';

export interface HttpErrorAnswer {
  status: number;
  /** `extensions.code` on /graphql, `error` under /api. */
  code: string;
  message: string;
  /** SCIM's `scimType`, for /scim answers. */
  scimType?: string;
  /** More `extensions` on /graphql. */
  extensions?: Record<string, unknown>;
}

/**
 * Answers a request refused before any controller or resolver saw it (a query shape, a rate
 * limit, a body that is not JSON) in the form its surface uses: GraphQL errors on /graphql (in
 * the media type the client accepts, as GraphQL over HTTP asks), SCIM errors under /scim, and
 * `{ error, message }` elsewhere, like DomainErrorFilter.
 */
export function sendErrorAnswer(req: Request, res: Response, answer: HttpErrorAnswer): void {
  const path = req.originalUrl.split('?')[0];
  res.status(answer.status);
  if (path === '/graphql' || path.startsWith('/graphql/')) {
    const type = req.accepts(['application/json', GRAPHQL_RESPONSE]) || 'application/json';
    res.type(`${type}; charset=utf-8`).send(
      JSON.stringify({
        errors: [
          { message: answer.message, extensions: { code: answer.code, ...answer.extensions } },
        ],
      }),
    );
  } else if (path.startsWith('/scim/')) {
    res.type(SCIM_CONTENT_TYPE).send(
      JSON.stringify({
        schemas: [SCIM_ERROR_SCHEMA],
        status: String(answer.status),
        ...(answer.scimType ? { scimType: answer.scimType } : {}),
        detail: answer.message,
      }),
    );
  } else {
    res.json({ error: answer.code, message: answer.message });
  }
}
