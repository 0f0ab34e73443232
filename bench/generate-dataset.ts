import 'reflect-metadata';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { londonToday } from '../src/leaderboard/windows';
import { datasetTables, DatasetSize } from './dataset-rows';
import { rebuildSqliteSearchIndex } from './rebuild-search-index';

export { NATIONAL, type DatasetSize } from './dataset-rows';

/**
 * Builds a national-scale SQLite database: migrations through TypeORM (the real schema), then
 * bulk inserts through better-sqlite3 in one transaction per table (the rows of
 * dataset-rows.ts, the same as bench/generate-pg-dataset.ts writes). Returns the file path.
 * `leaderboards: false` leaves the boards unbuilt (the bench then skips their scenarios).
 */
export async function generateDataset(
  path: string,
  size: DatasetSize,
  log = console.log,
  options: { leaderboards?: boolean } = {},
): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const started = Date.now();
  const step = (what: string) => log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const dataSource = new DataSource({ ...dataSourceOptions({ type: 'sqlite', path: building }) });
  await dataSource.initialize(); // runs the migrations
  await dataSource.destroy();
  step('schema migrated');

  const db = new Database(building);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('foreign_keys = OFF');
  // Bulk load without secondary indexes and triggers, then build them once: sorting into a
  // fresh b-tree is many times faster than maintaining it row by row.
  const derived = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const { type, name } of derived) db.exec(`DROP ${type.toUpperCase()} "${name}"`);

  const staffColumns = db.prepare("SELECT name FROM pragma_table_info('staff_members')").all() as {
    name: string;
  }[];
  const { tables, counts } = datasetTables(size, {
    listedColumn: staffColumns.some((c) => c.name === 'listed'),
  });
  for (const { table, columns, rows } of tables) {
    const insert = db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    let n = 0;
    db.transaction(() => {
      for (const row of rows) {
        insert.run(...row);
        n++;
      }
    })();
    step(`${n.toLocaleString()} ${table}`);
  }

  for (const { sql } of derived.filter((d) => d.type === 'index')) db.exec(sql);
  step(`${derived.length} indexes rebuilt`);

  db.exec(`
    INSERT INTO follow_stats (staff_id, following_count, follower_count)
    SELECT id, (SELECT COUNT(*) FROM follows WHERE follower_id = staff_members.id),
               (SELECT COUNT(*) FROM follows WHERE followee_id = staff_members.id)
    FROM staff_members;
  `);
  step('follow counters');

  db.exec(
    'UPDATE communities SET member_count = (SELECT COUNT(*) FROM community_memberships m WHERE m.community_id = communities.id)',
  );
  step(`community sizes (${counts.memberships.toLocaleString()} memberships)`);

  for (const { sql } of derived.filter((d) => d.type === 'trigger')) db.exec(sql);
  log(`  ${rebuildSqliteSearchIndex(db).toLocaleString()} search documents`);
  // the boards are for today: the rebuild command's start-up need not roll them first
  db.prepare("INSERT INTO leaderboard_state (key, value) VALUES ('day', ?)").run(londonToday());
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  if (options.leaderboards !== false) {
    buildLeaderboards(`sqlite:${building}`);
    step('leaderboards built (npm run leaderboard:recompute)');
  }
  const check = new Database(building);
  check.exec('ANALYZE');
  check.close();
  renameSync(building, path);
  step(`dataset ready at ${path}`);
  return path;
}

/** Scores, ranks and boards by the app itself: the built rebuild command on the new database. */
export function buildLeaderboards(databaseUrl: string): void {
  const rebuilt = spawnSync(
    process.execPath,
    [join(__dirname, '..', 'dist', 'cli', 'leaderboard-recompute.command.js')],
    {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        AUTH_MODE: 'dev',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: 'false',
      },
      stdio: 'inherit',
    },
  );
  if (rebuilt.status !== 0) throw new Error('the leaderboard rebuild failed');
}
