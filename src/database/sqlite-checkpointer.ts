import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';

/** What one checkpoint of the worker (sqlite-checkpoint-worker.cjs) did, in WAL frames. */
export type CheckpointResult =
  | { busy: number; log: number; checkpointed: number; asked?: true }
  | { error: { name: string; message: string; code?: string }; asked?: true };

export interface SqliteCheckpointerOptions {
  path: string;
  /** How often the worker checkpoints. */
  intervalMs: number;
  busyTimeoutMs: number;
}

/** SQLite's own default: a checkpoint once the WAL holds this many pages. */
const SQLITE_AUTO_CHECKPOINT_PAGES = 1000;
/**
 * The size a WAL is cut back to when it starts again (`journal_size_limit`): a burst of writes
 * (the daily roll) can grow it past this between two checkpoints, and it would otherwise keep
 * that size on disk.
 */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

interface WriteConnection {
  pragma(sql: string): unknown;
}

/**
 * WAL checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside whichever
 * COMMIT takes the WAL past 1,000 pages: on the write connection, so on the event loop, with a
 * copy of those pages into the database file and its fsync. Here the write connection's
 * automatic checkpoint is off (`wal_autocheckpoint = 0`) and a worker with its own connection
 * checkpoints every `intervalMs` instead (PASSIVE: it never blocks a writer or a reader). Once
 * the WAL is all in the file and no reader needs it, the writer's next transaction starts it
 * again from its beginning (cut back to WAL_SIZE_LIMIT_BYTES), so it stays as bounded as before.
 * Commits stay `synchronous = FULL`. If the worker fails, and once it is closed, the write
 * connection gets its automatic checkpoint back.
 */
export class SqliteCheckpointer {
  private readonly logger = new Logger(SqliteCheckpointer.name);
  private readonly worker: Worker;
  private closing = false;
  private readonly asked: ((result: CheckpointResult) => void)[] = [];
  private readonly exited: Promise<void>;

  constructor(
    private readonly writer: WriteConnection,
    options: SqliteCheckpointerOptions,
  ) {
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    this.worker = new Worker(join(__dirname, 'sqlite-checkpoint-worker.cjs'), {
      workerData: options,
    });
    this.worker.unref();
    this.worker.on('message', (result: CheckpointResult) => {
      if ('error' in result) this.logger.warn(`a WAL checkpoint failed: ${result.error.message}`);
      if (result.asked) this.asked.shift()?.(result);
    });
    this.exited = new Promise((resolve) => {
      this.worker.on('error', (error) => this.fallBack(error));
      this.worker.on('exit', () => {
        if (!this.closing) this.fallBack(new Error('the checkpoint worker stopped'));
        for (const answer of this.asked.splice(0))
          answer({ error: { name: 'Error', message: 'closed' } });
        resolve();
      });
    });
  }

  /** A checkpoint now, on the worker (tests; the interval does the same). */
  checkpoint(): Promise<CheckpointResult> {
    return new Promise((resolve) => {
      this.asked.push(resolve);
      this.worker.postMessage('checkpoint');
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.worker.postMessage('close');
    await this.exited;
    this.checkpointOnCommit();
  }

  private fallBack(error: Error): void {
    if (this.closing) return;
    this.logger.error(`${error.message}: SQLite checkpoints on commit again`);
    this.checkpointOnCommit();
  }

  private checkpointOnCommit(): void {
    try {
      this.writer.pragma(`wal_autocheckpoint = ${SQLITE_AUTO_CHECKPOINT_PAGES}`);
    } catch {
      // the connection is closed: nothing is written any more
    }
  }
}

/** How often the worker checkpoints: the WAL grows by at most what is written meanwhile. */
export const CHECKPOINT_INTERVAL_MS = 500;

interface SqliteDriver {
  options: { database?: string };
  databaseConnection: WriteConnection;
  disconnect(): Promise<void>;
}

/**
 * On a SQLite file, moves the write connection's checkpoints to a SqliteCheckpointer, closed
 * with the data source. Nothing for PostgreSQL or an in-memory database (no WAL).
 */
export function checkpointSqliteOffTheLoop(dataSource: DataSource): SqliteCheckpointer | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  const driver = dataSource.driver as unknown as SqliteDriver;
  const path = driver.options.database;
  if (!path || path === ':memory:' || path.startsWith('file::memory:')) return null;
  const checkpointer = new SqliteCheckpointer(driver.databaseConnection, {
    path,
    intervalMs: CHECKPOINT_INTERVAL_MS,
    busyTimeoutMs: 5000,
  });
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    await checkpointer.close();
    await disconnect();
  };
  return checkpointer;
}
