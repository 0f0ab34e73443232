import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { closeBeforeDisconnect, sqliteFileOf } from './sqlite-file';

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
/** The WAL's pages at which the writer's COMMIT checkpoints what the worker has not (4 KB pages: 16 MiB). */
export const WAL_RESTART_PAGES = 4000;

interface WriteConnection {
  pragma(sql: string): unknown;
}

/**
 * WAL checkpoints mostly on a thread of their own. SQLite's automatic checkpoint runs inside
 * whichever COMMIT takes the WAL past 1,000 pages: on the write connection, so on the event loop,
 * copying all those pages into the database file and its fsync. Here a worker with its own
 * connection checkpoints every `intervalMs` (PASSIVE: it never blocks a writer or a reader), so
 * the copying and most of the file's fsync happen there. A PASSIVE checkpoint beside a stream
 * of commits seldom finds the WAL whole (a commit lands while it copies), and the WAL only starts
 * again from its beginning after a whole one, so the writer keeps an automatic checkpoint, at
 * WAL_RESTART_PAGES: by then the worker has copied all but the last interval's pages, and the
 * COMMIT copies only those and starts the WAL again (cut back to WAL_SIZE_LIMIT_BYTES); the worker
 * skips an interval once it has seen that size, as SQLite runs no two checkpoints at once and a
 * COMMIT's would fail. Commits
 * stay `synchronous = FULL`. If the worker fails, and once it is closed, the write connection
 * checkpoints as SQLite does by default.
 */
export class SqliteCheckpointer {
  private readonly logger = new Logger(SqliteCheckpointer.name);
  private readonly worker: Worker;
  private closing = false;
  private readonly asked: ((result: CheckpointResult) => void)[] = [];
  private readonly exited: Promise<void>;
  private stopped = false;

  constructor(
    private readonly writer: WriteConnection,
    options: SqliteCheckpointerOptions,
  ) {
    writer.pragma(`wal_autocheckpoint = ${WAL_RESTART_PAGES}`);
    writer.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    this.worker = new Worker(join(__dirname, 'sqlite-checkpoint-worker.cjs'), {
      workerData: { ...options, restartPages: WAL_RESTART_PAGES },
    });
    this.worker.unref();
    this.worker.on('message', (result: CheckpointResult) => {
      if ('error' in result) this.logger.warn(`a WAL checkpoint failed: ${result.error.message}`);
      if (result.asked) this.asked.shift()?.(result);
    });
    this.exited = new Promise((resolve) => {
      this.worker.on('error', (error) => this.fallBack(error));
      this.worker.on('exit', () => {
        this.stopped = true;
        if (!this.closing) this.fallBack(new Error('the checkpoint worker stopped'));
        for (const answer of this.asked.splice(0))
          answer({ error: { name: 'Error', message: 'closed' } });
        resolve();
      });
    });
  }

  /**
   * A checkpoint now, on the worker (tests, and the daily roll between its chunks:
   * TransactionRunner.checkpointed; the interval does the same). Once the worker has stopped,
   * answers at once.
   */
  checkpoint(): Promise<CheckpointResult> {
    if (this.stopped) return Promise.resolve({ error: { name: 'Error', message: 'closed' } });
    return new Promise((resolve) => {
      this.asked.push(resolve);
      this.worker.postMessage('checkpoint');
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    // held until it has closed: otherwise a shutting-down process may end here, its writer open
    this.worker.ref();
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

/**
 * On a SQLite file, moves the write connection's checkpoints to a SqliteCheckpointer, closed
 * with the data source. Nothing for PostgreSQL or an in-memory database (no WAL).
 */
export function checkpointSqliteOffTheLoop(dataSource: DataSource): SqliteCheckpointer | null {
  const file = sqliteFileOf(dataSource);
  if (!file) return null;
  const writer = (dataSource.driver as unknown as { databaseConnection: WriteConnection })
    .databaseConnection;
  const checkpointer = new SqliteCheckpointer(writer, {
    ...file,
    intervalMs: CHECKPOINT_INTERVAL_MS,
  });
  closeBeforeDisconnect(dataSource, () => checkpointer.close());
  checkpointers.set(dataSource, checkpointer);
  return checkpointer;
}

const checkpointers = new WeakMap<DataSource, SqliteCheckpointer>();

/** The data source's checkpointer (checkpointSqliteOffTheLoop), if it has one. */
export function checkpointerOf(dataSource: DataSource): SqliteCheckpointer | null {
  return checkpointers.get(dataSource) ?? null;
}
