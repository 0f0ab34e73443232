import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to write. TypeORM's better-sqlite3 driver has a single connection, so two
 * concurrent `transaction()` calls would nest as savepoints and interleave; on SQLite every
 * transaction waits its turn here. PostgreSQL uses its pool and runs them side by side.
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteQueue: Mutex | null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqliteQueue = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqliteQueue) return this.dataSource.transaction(work);
    return this.sqliteQueue.runExclusive(() => this.dataSource.transaction(work));
  }

  get isSqlite(): boolean {
    return this.sqliteQueue !== null;
  }
}
