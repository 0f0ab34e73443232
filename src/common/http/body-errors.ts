import type { ErrorRequestHandler } from 'express';
import { sendErrorAnswer } from './error-response';

/** body-parser's errors (http-errors with a `type`), which otherwise end as 404 "Cannot POST". */
export function bodyErrors(limit: string): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, req, res, next) => {
    if (
      !error?.type ||
      typeof error.status !== 'number' ||
      error.status < 400 ||
      error.status >= 500
    )
      return next(error);
    if (error.type === 'entity.too.large') {
      return sendErrorAnswer(req, res, {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The body is over the limit of ${limit}`,
        scimType: 'invalidValue',
      });
    }
    sendErrorAnswer(req, res, {
      status: error.status,
      code: 'BAD_REQUEST',
      message:
        error.type === 'entity.parse.failed'
          ? 'The body is not valid JSON'
          : `The body cannot be read (${error.type})`,
      scimType: 'invalidSyntax',
    });
  };
}
