import type { DataSource, QueryRunner } from 'typeorm';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { currentWriteContext } from './write-context';

type Query = QueryRunner['query'];

/**
 * Where SQLite reads from outside a write transaction go. Today one read-only better-sqlite3
 * connection on the main thread; the seam is this one method, so it can become a small pool of
 * worker threads, each with its own read-only connection (issue 14), without touching a
 * repository: a worker takes (sql, parameters) and hands back rows.
 */
export interface ReadConnection {
  query: Query;
  close(): void;
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
export function routeSqliteReads(dataSource: DataSource): ReadConnection | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  const driver = dataSource.driver as unknown as SqliteDriver;
  const path = driver.options.database;
  if (!path || path === ':memory:' || path.startsWith('file::memory:')) return null;

  const db = new driver.sqlite(path, {
    readonly: true,
    fileMustExist: true,
    timeout: driver.options.timeout ?? 5000,
  });
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  // a runner of TypeORM's own on the read-only handle: the same statement cache, logging and
  // QueryFailedError as the writer's
  const reader = new BetterSqlite3QueryRunner(dataSource.driver as never);
  reader.connect = () => Promise.resolve(db);
  const read: ReadConnection = {
    query: reader.query.bind(reader) as Query,
    close: () => db.close(),
  };

  const writer = driver.createQueryRunner('master');
  const write = writer.query.bind(writer) as Query;
  writer.query = ((query: string, parameters?: unknown[], structured?: boolean) =>
    currentWriteContext()
      ? write(query, parameters, structured as never)
      : read.query(query, parameters, structured as never)) as Query;

  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    read.close();
    await disconnect();
  };
  return read;
}
