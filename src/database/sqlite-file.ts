import type { DataSource } from 'typeorm';

export interface SqliteFile {
  path: string;
  busyTimeoutMs: number;
}

interface SqliteDriverParts {
  options: { database?: string; timeout?: number };
  disconnect(): Promise<void>;
}

/**
 * The SQLite file under this data source, with the busy timeout its connections wait for a lock:
 * none on PostgreSQL or for an in-memory database (it cannot be opened twice and has no WAL).
 */
export function sqliteFileOf(dataSource: DataSource): SqliteFile | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  const { options } = dataSource.driver as unknown as SqliteDriverParts;
  const path = options.database;
  if (!path || path === ':memory:' || path.startsWith('file::memory:')) return null;
  return { path, busyTimeoutMs: options.timeout ?? 5000 };
}

/**
 * Closes `close` (a connection or thread of its own on the file) when the data source
 * disconnects, before the driver's own connection: the last one registered closes first.
 */
export function closeBeforeDisconnect(dataSource: DataSource, close: () => Promise<void>): void {
  const driver = dataSource.driver as unknown as SqliteDriverParts;
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    await close();
    await disconnect();
  };
}
