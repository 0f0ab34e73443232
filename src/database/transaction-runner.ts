import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { DerivedState } from './derived-state';

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
 * The one way to write. TypeORM's better-sqlite3 driver has a single connection, so two
 * concurrent `transaction()` calls would nest as savepoints and interleave; on SQLite every
 * transaction waits its turn here. PostgreSQL uses its pool and runs them side by side.
 * Before each commit, derived values catch up with what the work touched (DerivedState).
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteQueue: Mutex | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly derived: DerivedState,
  ) {
    this.sqliteQueue = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const callbacks: (() => void)[] = [];
    const transaction = () =>
      this.dataSource.transaction(async (tx) => {
        this.derived.begin(tx);
        committedCallbacks.set(tx, callbacks);
        const result = await work(tx);
        await this.derived.settle(tx);
        return result;
      });
    const result = this.sqliteQueue
      ? await this.sqliteQueue.runExclusive(transaction)
      : await transaction();
    for (const callback of callbacks) callback();
    return result;
  }

  get isSqlite(): boolean {
    return this.sqliteQueue !== null;
  }
}
