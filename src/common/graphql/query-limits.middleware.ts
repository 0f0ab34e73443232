import { Injectable, NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { sendErrorAnswer } from '../http/error-response';
import { refusalFor } from './query-limits';

/**
 * Refuses a query over QUERY_LIMITS' size or shape before Apollo parses and validates it, so an
 * abusive document costs one linear pass. Cost, which needs the variables, is the plugin's.
 */
@Injectable()
export class QueryLimitsMiddleware implements NestMiddleware {
  private schemaHost?: GraphQLSchemaHost;

  constructor(private readonly modules: ModuleRef) {}

  use(req: Request, res: Response, next: NextFunction) {
    const source = req.method === 'GET' ? req.query : (req.body as Record<string, unknown>);
    const query = source && typeof source === 'object' ? source.query : undefined;
    if (typeof query !== 'string') return next(); // Apollo answers malformed requests itself
    // GraphQLModule keeps its schema host to itself; it exists once the app has started
    this.schemaHost ??= this.modules.get(GraphQLSchemaHost, { strict: false });
    const refusal = refusalFor(this.schemaHost.schema, query);
    if (!refusal) return next();
    const { http: _http, code, ...extensions } = refusal.extensions;
    sendErrorAnswer(req, res, {
      status: 400,
      code: String(code),
      message: refusal.message,
      extensions,
    });
  }
}
