import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { DerivedState } from './derived-state';

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

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () =>
      this.dataSource.transaction(async (tx) => {
        this.derived.begin(tx);
        const result = await work(tx);
        await this.derived.settle(tx);
        return result;
      });
    if (!this.sqliteQueue) return transaction();
    return this.sqliteQueue.runExclusive(transaction);
  }

  get isSqlite(): boolean {
    return this.sqliteQueue !== null;
  }
}
