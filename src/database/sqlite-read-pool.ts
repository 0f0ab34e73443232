import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { ReadTooSlowError } from './database.errors';
import { SQLITE_CACHE_KIB } from './sqlite-cache';

/** What a worker (sqlite-read-worker.cjs) answers for one statement. */
export type WorkerAnswer =
  | { rows: unknown[] }
  | { changes: number; lastInsertRowid: number | bigint }
  | { error: { name: string; message: string; code?: string } };

export interface SqliteReadPoolOptions {
  path: string;
  /** Worker threads, each with its own read-only connection. */
  size: number;
  /** The longest one statement may take, waiting for a worker included. */
  budgetMs: number;
  /** SQLite's busy timeout on each worker's connection. */
  busyTimeoutMs: number;
}

/**
 * Reads from outside a write transaction, on SQLite, run here: a fixed pool of worker threads
 * (piscina), each with a read-only better-sqlite3 connection of its own on the same file, so a
 * slow statement holds one worker, never the event loop, and the other cores do work. A
 * statement still unanswered `budgetMs` after it was asked for is stopped: a waiting one leaves
 * the queue, a running one has its worker terminated (piscina starts a replacement) and the
 * caller gets ReadTooSlowError at once. SQLite cannot be interrupted from JavaScript: the
 * terminated thread stops at the statement's next row (the worker iterates), or after the step it is
 * in (a sort, a count) before its first row; the bounds on the statements
 * themselves (docs/directory-search.md) keep that short.
 */
export class SqliteReadPool {
  private readonly logger = new Logger(SqliteReadPool.name);
  private readonly pool: Piscina;

  constructor(private readonly options: SqliteReadPoolOptions) {
    this.pool = new Piscina({
      filename: join(__dirname, 'sqlite-read-worker.cjs'),
      minThreads: options.size,
      maxThreads: options.size,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      workerData: {
        path: options.path,
        busyTimeoutMs: options.busyTimeoutMs,
        cacheKib: SQLITE_CACHE_KIB,
      },
    });
  }

  async run(sql: string, parameters: unknown[]): Promise<WorkerAnswer> {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), this.options.budgetMs);
    try {
      return (await this.pool.run({ sql, parameters }, { signal: stop.signal })) as WorkerAnswer;
    } catch (error) {
      if (!stop.signal.aborted) throw error;
      this.logger.warn(
        `a read ran past its ${this.options.budgetMs} ms budget and was stopped: ${sql.slice(0, 200)}`,
      );
      throw new ReadTooSlowError(this.options.budgetMs);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Workers alive now (a terminated one is replaced as soon as work needs it). */
  get threads(): number {
    return this.pool.threads.length;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
