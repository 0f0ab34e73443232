import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig, ReadsConfig } from '../config/app.config';
import { migrations } from './migrations';
import { SQLITE_CACHE_KIB } from './sqlite-cache';

/**
 * Connection options for either dialect; entities come from the feature modules. With `reads`
 * (the app), PostgreSQL's pooled connections start with the read budget as `statement_timeout`
 * (postgres-read-budget.ts); without (command lines, migration tests), no timeout.
 */
export function dataSourceOptions(
  database: DatabaseConfig,
  reads?: ReadsConfig,
): DataSourceOptions {
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
        db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
      },
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: database.url,
    // a scratch schema keeps each test run apart; search_path puts migrations and data there
    extra: {
      ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}),
      ...(reads ? { statement_timeout: reads.budgetMs } : {}),
    },
    poolSize: 20,
  };
}
