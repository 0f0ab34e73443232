import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DerivedState, QueuedWork } from './derived-state';
import { checkpointerOf } from './sqlite-checkpointer';
import { inWriteContext, WriteContext } from './write-context';
import { WriteQueue } from './write-queue';

/** How many times a transaction is tried when PostgreSQL aborts it to resolve a conflict. */
export const MAX_TRANSACTION_ATTEMPTS = 5;

// serialization_failure, deadlock_detected: the transaction did nothing, running it again is safe
const RETRYABLE_CODES = new Set(['40001', '40P01']);

export function isRetryableConflict(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

export interface TransactionOptions {
  /**
   * The transaction writes only what can be computed again from committed data, and deletes the
   * queued keys it computes in the same transaction (a drain of deferred work), or its work stays
   * marked as undone by a durable commit until a later durable one (a chunk of the daily roll:
   * `leaderboard_state.rolling`): it commits without waiting for the disk. A crash or power loss
   * may lose its commit, never half of it, and the keys then come back queued and are drained
   * again (the roll runs again). See docs/architecture.md.
   */
  recomputable?: boolean;
}

interface SqlitePragmas {
  pragma(sql: string, options?: { simple: boolean }): unknown;
}

const committedCallbacks = new WeakMap<EntityManager, (() => void)[]>();

/**
 * Runs `callback` once the transaction `tx` has committed (never if it rolls back): for news of
 * a change (a live leaderboard) that must not reach anyone before the change is readable.
 */
export function afterCommit(tx: EntityManager, callback: () => void): void {
  const list = committedCallbacks.get(tx);
  if (!list) throw new Error('afterCommit outside TransactionRunner.run');
  list.push(callback);
}

/**
 * The one way to write. TypeORM's better-sqlite3 driver has a single write connection, so two
 * concurrent `transaction()` calls would nest as savepoints and interleave; on SQLite every
 * transaction waits its turn here (write-queue.ts: first come first served, the event loop given
 * a turn between them once they have held it WRITE_TURN_BUDGET_MS), and reads from outside a
 * transaction go to a read-only connection that sees only committed data
 * (sqlite-read-connection.ts). PostgreSQL uses its pool and runs them side by side at READ
 * COMMITTED: check-then-write rules take a lock first
 * (locks.ts), and a transaction aborted by a deadlock or serialization failure runs again, whole,
 * up to MAX_TRANSACTION_ATTEMPTS times — so `work` must write only through `tx` and may run more
 * than once. Before each commit, derived values catch up with what the work touched
 * (DerivedState), or, for deferred ones, their keys are queued for the drainer
 * (deferred-drainer.ts), which hears of them after commit.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly sqliteQueue: WriteQueue | null;
  /** The write connection's own `synchronous` (FULL), restored after a recomputable commit. */
  private usualSynchronous: number | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly derived: DerivedState,
  ) {
    this.sqliteQueue = dataSource.options.type === 'better-sqlite3' ? new WriteQueue() : null;
  }

  async run<T>(
    work: (tx: EntityManager) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    if (this.sqliteQueue) {
      return this.sqliteQueue.run(async () => {
        if (!options.recomputable) return this.once(work, options);
        // WAL at NORMAL: the commit appends to the WAL without an fsync (9-13 ms on the event
        // loop here); the next FULL commit's fsync makes it durable too
        const writer = this.sqliteWriter();
        this.usualSynchronous ??= writer.pragma('synchronous', { simple: true }) as number;
        writer.pragma('synchronous = NORMAL');
        try {
          return await this.once(work, options);
        } finally {
          writer.pragma(`synchronous = ${this.usualSynchronous}`);
        }
      });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work, options);
      } catch (error) {
        if (!isRetryableConflict(error) || attempt >= MAX_TRANSACTION_ATTEMPTS) throw error;
        const code = (error as QueryFailedError & { driverError: { code: string } }).driverError
          .code;
        this.logger.warn(`transaction aborted (${code}), attempt ${attempt}: running it again`);
        // a short random pause so the transactions that collided do not collide again
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }

  private async once<T>(
    work: (tx: EntityManager) => Promise<T>,
    options: TransactionOptions,
  ): Promise<T> {
    const context: WriteContext = {};
    // per attempt: a transaction that ran again announces only what its last attempt committed
    const callbacks: (() => void)[] = [];
    let queued: QueuedWork = new Set();
    const result = await inWriteContext(context, () =>
      this.dataSource.transaction(async (tx) => {
        context.tx = tx;
        // the read budget (statement_timeout on every pooled connection) is for reads; a write
        // transaction runs as long as it needs, as before (SET LOCAL ends with the transaction)
        if (!this.sqliteQueue && options.recomputable) {
          await tx.query(
            "SELECT set_config('statement_timeout', '0', true), set_config('synchronous_commit', 'off', true)",
          );
        } else if (!this.sqliteQueue) await tx.query('SET LOCAL statement_timeout = 0');
        this.derived.begin(tx);
        committedCallbacks.set(tx, callbacks);
        const result = await work(tx);
        queued = await this.derived.settle(tx);
        return result;
      }),
    );
    this.derived.committed(queued);
    for (const callback of callbacks) callback();
    return result;
  }

  /** SQLite's one write connection (TypeORM's better-sqlite3 driver keeps a single one). */
  private sqliteWriter(): SqlitePragmas {
    return (this.dataSource.driver as unknown as { databaseConnection: SqlitePragmas })
      .databaseConnection;
  }

  /**
   * SQLite: resolves once the checkpointer's thread has copied the WAL into the file (a PASSIVE
   * checkpoint, off the event loop), so that the next transaction starts the WAL again from its
   * beginning. For a run of big transactions one after another (the daily roll's chunks, some
   * 2,400 pages each at 20,000 staff): they fill the WAL faster than the worker's interval copies
   * it, and every other COMMIT passed WAL_RESTART_PAGES and checkpointed itself, on the loop
   * (35–170 ms). At once on PostgreSQL, an in-memory database, or with no checkpointer.
   */
  async checkpointed(): Promise<void> {
    const checkpointer = this.sqliteQueue ? checkpointerOf(this.dataSource) : null;
    if (checkpointer) await checkpointer.checkpoint();
  }

  get isSqlite(): boolean {
    return this.sqliteQueue !== null;
  }
}
