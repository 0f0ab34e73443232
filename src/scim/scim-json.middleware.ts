import { Injectable, NestMiddleware } from '@nestjs/common';
import { json } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { scimErrorBody } from './scim-error.filter';
import { SCIM_CONTENT_TYPE } from './scim-schemas';

const parse = json({ type: [SCIM_CONTENT_TYPE, 'application/json'], limit: '1mb' });

/** SCIM bodies come as application/scim+json, which the app-wide JSON parser does not read. */
@Injectable()
export class ScimJsonMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: number }).status ?? 400;
      const detail =
        status === 413 ? 'The body is over the limit of 1mb' : 'The body is not valid JSON';
      res
        .status(status)
        .type(SCIM_CONTENT_TYPE)
        .send(
          JSON.stringify(
            scimErrorBody(status, detail, status === 413 ? 'invalidValue' : 'invalidSyntax'),
          ),
        );
    });
  }
}
