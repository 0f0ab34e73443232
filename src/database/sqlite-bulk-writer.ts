import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { BulkResult, BulkTransaction, PackedRows, rowsStatements } from './bulk-transaction';
import { SQLITE_CACHE_KIB } from './sqlite-cache';
import { WAL_RESTART_PAGES, WAL_SIZE_LIMIT_BYTES } from './sqlite-checkpointer';
import { closeBeforeDisconnect, sqliteFileOf } from './sqlite-file';

type Operation =
  | { op: 'begin' | 'commit' | 'rollback' | 'close' }
  | { op: 'query'; sql: string; parameters: readonly unknown[] }
  | { op: 'rows'; statements: { sql: string; from: number; to: number }[]; rows: PackedRows };

interface Reply {
  id: number;
  error?: { name: string; message: string; code?: string };
  records?: BulkResult['records'];
  affected?: number | number[];
}

/** A failure of a statement on the bulk writer's thread, with SQLite's code (SQLITE_CONSTRAINT…). */
export class BulkWriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'BulkWriteError';
  }
}

/**
 * A second write connection on a SQLite file, on a worker thread (sqlite-bulk-write-worker.cjs),
 * for transactions that write many rows (an import's batches): their statements and COMMIT take
 * seconds of SQLite time that would otherwise hold the event loop. SQLite allows one writer at
 * a time, so TransactionRunner gives this connection a transaction only in its turn of the write
 * queue, and keeps the turn until the transaction has ended: the two connections never contend.
 * The main thread waits for each answer without blocking, serving other requests meanwhile.
 */
export class SqliteBulkWriter {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private readonly exited: Promise<void>;
  private failure: Error | null = null;

  constructor(file: { path: string; busyTimeoutMs: number }) {
    this.worker = new Worker(join(__dirname, 'sqlite-bulk-write-worker.cjs'), {
      workerData: {
        ...file,
        cacheKib: SQLITE_CACHE_KIB,
        restartPages: WAL_RESTART_PAGES,
        walSizeLimitBytes: WAL_SIZE_LIMIT_BYTES,
      },
    });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const settle = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      settle?.(reply);
    });
    this.exited = new Promise((resolve) => {
      const stop = (error: Error) => {
        this.failure ??= error;
        for (const settle of this.pending.values())
          settle({ id: 0, error: { name: error.name, message: error.message } });
        this.pending.clear();
      };
      this.worker.on('error', stop);
      this.worker.on('exit', () => {
        stop(new Error('the bulk writer’s thread stopped'));
        resolve();
      });
    });
  }

  /** Runs `work` in one transaction on the writer's thread: committed if it resolves, rolled back if it throws. */
  async transaction<T>(work: (bulk: BulkTransaction) => Promise<T>): Promise<T> {
    await this.send({ op: 'begin' });
    let result: T;
    try {
      result = await work({
        sqlite: true,
        query: async (sql, parameters) => {
          const reply = await this.send({ op: 'query', sql, parameters });
          return { records: reply.records ?? [], affected: Number(reply.affected ?? 0) };
        },
        queryRows: async (statement, rows) => {
          const statements = rowsStatements(statement, rows.count);
          // the numbers' buffer moves to the thread, not copied: the caller is done with it
          const reply = await this.send({ op: 'rows', statements, rows }, [
            rows.numbers.buffer as ArrayBuffer,
          ]);
          return reply.affected as number[];
        },
      });
    } catch (error) {
      await this.send({ op: 'rollback' }).catch(() => undefined);
      throw error;
    }
    await this.send({ op: 'commit' });
    return result;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    this.worker.ref();
    this.worker.postMessage({ id: 0, op: 'close' });
    await this.exited;
  }

  private send(operation: Operation, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.error
          ? reject(new BulkWriteError(reply.error.message, reply.error.code))
          : resolve(reply),
      );
      this.worker.postMessage({ id, ...operation }, transfer);
    });
  }
}

/** A bulk writer on the data source's SQLite file, closed with it; null for PostgreSQL or in memory. */
export function sqliteBulkWriterOf(dataSource: DataSource): SqliteBulkWriter | null {
  const file = sqliteFileOf(dataSource);
  if (!file) return null;
  const writer = new SqliteBulkWriter(file);
  closeBeforeDisconnect(dataSource, () => writer.close());
  return writer;
}
