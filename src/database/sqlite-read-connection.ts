import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import type { ReadsConfig } from '../config/app.config';
import { SQLITE_CACHE_KIB } from './sqlite-cache';
import { closeBeforeDisconnect, SqliteFile, sqliteFileOf } from './sqlite-file';
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
  /**
   * A statement bounded by construction (see readBounded), run on the main thread's own
   * read-only connection; anything else, or a plan that scans, goes to `query`.
   */
  bounded(sql: string, parameters: unknown[]): Promise<unknown[]>;
  /** `worker` threads under a budget, or `main thread`. */
  readonly runsOn: 'worker threads' | 'main thread';
  close(): Promise<void>;
}

interface SqliteStatement {
  reader: boolean;
  all(...parameters: unknown[]): unknown[];
}

interface SqliteHandle {
  pragma(sql: string): unknown;
  prepare(sql: string): SqliteStatement;
  close(): void;
}

interface SqliteDriver {
  sqlite: new (
    path: string,
    options: { readonly: boolean; fileMustExist: boolean; timeout: number },
  ) => SqliteHandle;
  databaseConnection: unknown;
  createQueryRunner(mode?: 'master' | 'slave'): QueryRunner;
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

/**
 * A read whose size is bounded by construction: a lookup by primary key or unique index, or by an
 * indexed key with a bounded number of rows each (a person's accounts), for a bounded list of
 * keys. On SQLite with worker threads, posting such a statement (~0.03 ms) to a worker cost the
 * main thread more than running it, so it runs on the main thread's own read-only connection,
 * which reads committed data as the workers do. It cannot be stopped by the read budget, hence
 * the rule: only what the caller knows to be bounded, and a statement whose plan scans a table
 * is sent to the workers anyway (checked once per statement text). Inside a write transaction
 * it reads on the transaction's connection, as every read there does; on PostgreSQL and
 * `:memory:` it is an ordinary `dataSource.query`.
 */
export function readBounded(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
): Promise<unknown[]> {
  const read = readConnections.get(dataSource);
  if (!read || currentWriteContext()) return dataSource.query(sql, parameters);
  return read.bounded(sql, parameters);
}

export function routeSqliteReads(
  dataSource: DataSource,
  reads: ReadsConfig,
): ReadConnection | null {
  const file = sqliteFileOf(dataSource);
  if (!file) return null;
  const driver = dataSource.driver as unknown as SqliteDriver;

  const read =
    reads.sqliteWorkers > 0
      ? pooledReads(dataSource, driver, file, reads)
      : mainThreadReads(dataSource, driver, file);

  const writer = driver.createQueryRunner('master');
  const write = writer.query.bind(writer) as Query;
  writer.query = ((query: string, parameters?: unknown[], structured?: boolean) =>
    currentWriteContext()
      ? write(query, parameters, structured as never)
      : read.query(query, parameters, structured as never)) as Query;

  closeBeforeDisconnect(dataSource, () => read.close());
  readConnections.set(dataSource, read);
  return read;
}

/** The in-process fallback: one read-only connection on the main thread. */
function mainThreadReads(
  dataSource: DataSource,
  driver: SqliteDriver,
  { path, busyTimeoutMs }: SqliteFile,
): ReadConnection {
  const db = new driver.sqlite(path, {
    readonly: true,
    fileMustExist: true,
    timeout: busyTimeoutMs,
  });
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // a runner of TypeORM's own on the read-only handle: the same statement cache, logging and
  // QueryFailedError as the writer's
  const reader = new BetterSqlite3QueryRunner(dataSource.driver as never);
  reader.connect = () => Promise.resolve(db);
  const query = reader.query.bind(reader) as Query;
  return {
    query,
    bounded: (sql, parameters) => query(sql, parameters) as Promise<unknown[]>,
    runsOn: 'main thread',
    close: () => Promise.resolve(db.close()),
  };
}

/**
 * The main thread's read-only connection for bounded reads beside the worker pool. Its busy
 * timeout is 0, so it never sleeps on the event loop: in WAL mode a reader is refused only in
 * rare moments (recovering the WAL index), and such a statement goes to the workers instead.
 * Its page cache is small: a lookup touches a few pages, and the operating system caches the
 * file (sqlite-cache.ts).
 */
const BOUNDED_CACHE_KIB = 8_192;
const MAX_BOUNDED_STATEMENTS = 200;

function boundedOnMainThread(
  dataSource: DataSource,
  driver: SqliteDriver,
  path: string,
  elsewhere: (sql: string, parameters: unknown[]) => Promise<unknown[]>,
): { bounded: ReadConnection['bounded']; close(): void } {
  const db = new driver.sqlite(path, { readonly: true, fileMustExist: true, timeout: 0 });
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${BOUNDED_CACHE_KIB}`);
  // per statement text: prepared, or null when its plan scans (it goes to the workers)
  const statements = new Map<string, SqliteStatement | null>();

  const prepare = (sql: string, bound: unknown[]): SqliteStatement | null => {
    let statement = statements.get(sql);
    if (statement !== undefined) return statement;
    statement = db.prepare(sql);
    if (!statement.reader || scans(db, sql, bound)) statement = null;
    if (statements.size >= MAX_BOUNDED_STATEMENTS) {
      statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };

  const bounded = (sql: string, parameters: unknown[]): Promise<unknown[]> => {
    const bound = parameters.map(boundValue);
    let statement: SqliteStatement | null;
    try {
      statement = prepare(sql, bound);
    } catch (error) {
      return Promise.reject(failed(dataSource, error, sql, bound));
    }
    if (!statement) return elsewhere(sql, parameters);
    dataSource.logger.logQuery(sql, bound);
    try {
      return Promise.resolve(statement.all(...bound));
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        return elsewhere(sql, parameters);
      }
      return Promise.reject(failed(dataSource, error, sql, bound));
    }
  };
  return { bounded, close: () => db.close() };
}

/** Whether SQLite's plan for this statement reads a whole table or index (`SCAN …`). */
function scans(db: SqliteHandle, sql: string, bound: unknown[]): boolean {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bound) as { detail: string }[];
  return plan.some(({ detail }) => /^SCAN /.test(detail) && !/^SCAN CONSTANT ROW/.test(detail));
}

// better-sqlite3 cannot bind booleans (TypeORM's runner converts them the same way)
const boundValue = (value: unknown) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

function failed(dataSource: DataSource, error: unknown, sql: string, bound: unknown[]) {
  dataSource.logger.logQueryError(error as Error, sql, bound);
  return new QueryFailedError(sql, bound, error as Error);
}

/**
 * Reads in the worker pool. Answers as TypeORM's runner would (rows, or a QueryResult when
 * structured; a failure as QueryFailedError carrying the driver's code), and logs each statement
 * through the data source's logger on the main thread, as the runner does. A read past the
 * budget throws ReadTooSlowError.
 */
function pooledReads(
  dataSource: DataSource,
  driver: SqliteDriver,
  { path, busyTimeoutMs }: SqliteFile,
  reads: ReadsConfig,
): ReadConnection {
  const pool = new SqliteReadPool({
    path,
    size: reads.sqliteWorkers,
    budgetMs: reads.budgetMs,
    busyTimeoutMs,
  });
  const query = async (sql: string, parameters: unknown[] = [], structured = false) => {
    const bound = parameters.map(boundValue);
    dataSource.logger.logQuery(sql, bound);
    const answer = await pool.run(sql, bound);
    if ('error' in answer) {
      const driverError = Object.assign(new Error(answer.error.message), answer.error);
      throw failed(dataSource, driverError, sql, bound);
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
  const mainThread = boundedOnMainThread(
    dataSource,
    driver,
    path,
    (sql, parameters) => query(sql, parameters) as Promise<unknown[]>,
  );
  return {
    query: query as Query,
    bounded: mainThread.bounded,
    runsOn: 'worker threads',
    close: async () => {
      mainThread.close();
      await pool.close();
    },
  };
}
