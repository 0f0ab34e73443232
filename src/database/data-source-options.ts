import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app.config';
import { migrations } from './migrations';

/** Connection options for either dialect; entities come from the feature modules. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { migrations, migrationsRun: true, synchronize: false, logging: false } as const;
  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      timeout: 5000, // busy timeout: wait for another process's write lock instead of failing
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        // WAL's default (NORMAL) can lose the last commits on power loss; FULL makes commits durable.
        db.pragma('synchronous = FULL');
        db.pragma('temp_store = MEMORY');
        db.pragma('cache_size = -65536');
      },
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: database.url,
    // a scratch schema keeps each test run apart; search_path puts migrations and data there
    ...(database.schema ? { extra: { options: `-c search_path=${database.schema}` } } : {}),
    poolSize: 20,
  };
}
