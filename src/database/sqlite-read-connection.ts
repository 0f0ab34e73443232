import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import type { ReadsConfig } from '../config/app.config';
import { SQLITE_CACHE_KIB } from './sqlite-cache';
import { SqliteReadPool } from './sqlite-read-pool';
import { currentWriteContext } from './write-context';

type Query = QueryRunner['query'];

/**
 * Where SQLite reads from outside a write transaction go: one method, so no repository knows.
 * With SQLITE_READ_WORKERS > 0 (default: one per core) a pool of worker threads, each with its
 * own read-only connection (sqlite-read-pool.ts), under the read budget; with 0, one read-only
 * connection on the main thread (no budget: a synchronous statement cannot be stopped).
 */
export interface ReadConnection {
  query: Query;
  /** `worker` threads under a budget, or `main thread`. */
  readonly runsOn: 'worker threads' | 'main thread';
  close(): Promise<void>;
}

interface SqliteDriver {
  options: { database: string; timeout?: number; prepareDatabase?: (db: unknown) => unknown };
  sqlite: new (
    path: string,
    options: { readonly: boolean; fileMustExist: boolean; timeout: number },
  ) => {
    pragma(sql: string): unknown;
    close(): void;
  };
  databaseConnection: unknown;
  createQueryRunner(mode?: 'master' | 'slave'): QueryRunner;
  disconnect(): Promise<void>;
}

/**
 * TypeORM's better-sqlite3 driver has one connection, so a read from one request used to share it
 * with whatever transaction another request had open, and saw its uncommitted writes (a count
 * read 21 organisations inside a transaction that then rolled back to 20). After this, the
 * driver's query runner sends a statement to the write connection only from inside
 * TransactionRunner.run (write-context.ts), where a read must see the transaction's own writes;
 * every other statement goes to a read-only connection on the same file, which in WAL mode reads
 * the last committed state and never waits for the writer. A write from outside
 * TransactionRunner fails there ("attempt to write a readonly database"): the one way to write
 * is enforced. A `:memory:` database cannot be opened twice: it keeps the one connection.
 */
const readConnections = new WeakMap<DataSource, ReadConnection>();

/** The read side routeSqliteReads set up for this data source (none on PostgreSQL or `:memory:`). */
export function readConnectionOf(dataSource: DataSource): ReadConnection | undefined {
  return readConnections.get(dataSource);
}

export function routeSqliteReads(
  dataSource: DataSource,
  reads: ReadsConfig,
): ReadConnection | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  const driver = dataSource.driver as unknown as SqliteDriver;
  const path = driver.options.database;
  if (!path || path === ':memory:' || path.startsWith('file::memory:')) return null;

  const read =
    reads.sqliteWorkers > 0
      ? pooledReads(dataSource, path, reads, driver.options.timeout ?? 5000)
      : mainThreadReads(dataSource, driver, path);

  const writer = driver.createQueryRunner('master');
  const write = writer.query.bind(writer) as Query;
  writer.query = ((query: string, parameters?: unknown[], structured?: boolean) =>
    currentWriteContext()
      ? write(query, parameters, structured as never)
      : read.query(query, parameters, structured as never)) as Query;

  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    await read.close();
    await disconnect();
  };
  readConnections.set(dataSource, read);
  return read;
}

/** The in-process fallback: one read-only connection on the main thread. */
function mainThreadReads(
  dataSource: DataSource,
  driver: SqliteDriver,
  path: string,
): ReadConnection {
  const db = new driver.sqlite(path, {
    readonly: true,
    fileMustExist: true,
    timeout: driver.options.timeout ?? 5000,
  });
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // a runner of TypeORM's own on the read-only handle: the same statement cache, logging and
  // QueryFailedError as the writer's
  const reader = new BetterSqlite3QueryRunner(dataSource.driver as never);
  reader.connect = () => Promise.resolve(db);
  return {
    query: reader.query.bind(reader) as Query,
    runsOn: 'main thread',
    close: () => Promise.resolve(db.close()),
  };
}

/**
 * Reads in the worker pool. Answers as TypeORM's runner would (rows, or a QueryResult when
 * structured; a failure as QueryFailedError carrying the driver's code), and logs each statement
 * through the data source's logger on the main thread, as the runner does. A read past the
 * budget throws ReadTooSlowError.
 */
function pooledReads(
  dataSource: DataSource,
  path: string,
  reads: ReadsConfig,
  busyTimeoutMs: number,
): ReadConnection {
  const pool = new SqliteReadPool({
    path,
    size: reads.sqliteWorkers,
    budgetMs: reads.budgetMs,
    busyTimeoutMs,
  });
  const query = async (sql: string, parameters: unknown[] = [], structured = false) => {
    // better-sqlite3 cannot bind booleans (TypeORM's runner converts them the same way)
    const bound = parameters.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
    dataSource.logger.logQuery(sql, bound);
    const answer = await pool.run(sql, bound);
    if ('error' in answer) {
      const driverError = Object.assign(new Error(answer.error.message), answer.error);
      dataSource.logger.logQueryError(driverError, sql, bound);
      throw new QueryFailedError(sql, bound, driverError);
    }
    const result = new QueryResult();
    if ('rows' in answer) {
      result.raw = answer.rows;
      result.records = answer.rows;
    } else {
      result.affected = answer.changes;
      result.raw = answer.lastInsertRowid;
    }
    return structured ? result : result.raw;
  };
  return { query: query as Query, runsOn: 'worker threads', close: () => pool.close() };
}
