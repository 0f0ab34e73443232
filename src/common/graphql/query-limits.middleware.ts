import { Injectable, NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { sendErrorAnswer } from '../http/error-response';
import { refusalFor } from './query-limits';

/** Query texts whose verdict is remembered (the web client sends a few dozen), and how long. */
const VERDICTS_KEPT = 1_000;
const VERDICT_TEXT_MAX = 10_000;

/**
 * Refuses a query over QUERY_LIMITS' size or shape before Apollo parses and validates it, so an
 * abusive document costs one linear pass. Cost, which needs the variables, is the plugin's.
 * The verdict depends on the text alone, so a text seen before is not parsed again.
 */
@Injectable()
export class QueryLimitsMiddleware implements NestMiddleware {
  private schemaHost?: GraphQLSchemaHost;
  private readonly verdicts = new Map<string, GraphQLError | null>();

  constructor(private readonly modules: ModuleRef) {}

  use(req: Request, res: Response, next: NextFunction) {
    const source = req.method === 'GET' ? req.query : (req.body as Record<string, unknown>);
    const query = source && typeof source === 'object' ? source.query : undefined;
    if (typeof query !== 'string') return next(); // Apollo answers malformed requests itself
    // GraphQLModule keeps its schema host to itself; it exists once the app has started
    this.schemaHost ??= this.modules.get(GraphQLSchemaHost, { strict: false });
    const refusal = this.verdictOn(query);
    if (!refusal) return next();
    const { http: _http, code, ...extensions } = refusal.extensions;
    sendErrorAnswer(req, res, {
      status: 400,
      code: String(code),
      message: refusal.message,
      extensions,
    });
  }

  private verdictOn(query: string): GraphQLError | null {
    let verdict = this.verdicts.get(query);
    if (verdict !== undefined) return verdict;
    verdict = refusalFor(this.schemaHost!.schema, query);
    if (query.length > VERDICT_TEXT_MAX) return verdict;
    if (this.verdicts.size >= VERDICTS_KEPT)
      this.verdicts.delete(this.verdicts.keys().next().value!);
    this.verdicts.set(query, verdict);
    return verdict;
  }
}
