import 'reflect-metadata';
import { once } from 'node:events';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { searchDocument, searchText } from '../src/directory/search-text';
import { londonToday } from '../src/leaderboard/windows';
import type { AccountVisibility } from '../src/social-accounts/social-account.entity';
import { datasetTables, DatasetSize } from './dataset-rows';
import { buildLeaderboards } from './generate-dataset';

/** What a bench database says it holds (its COMMENT): a dataset is reused only if this matches. */
const label = (size: DatasetSize, leaderboards: boolean) =>
  `staff-voices bench dataset: ${size.staff} staff, ${size.organisations} organisations, metrics-30d${leaderboards ? '' : ', no leaderboards'}`;

/**
 * `npm run dataset` on PostgreSQL: the same national dataset as the SQLite generator (the rows
 * of dataset-rows.ts), in its own database (made if missing). The app's migrations first (the
 * real schema), then each table by COPY (pg-copy-streams) with its secondary indexes dropped and
 * foreign-key triggers off for the load, the indexes rebuilt once after, then the derived data:
 * follow counters, community sizes, search documents (as the app writes them), ANALYZE, and the
 * leaderboards by the app's own `leaderboard:recompute`. A database that already holds this
 * dataset is kept; one that holds another bench dataset, or is empty, is rebuilt; one with any
 * other data is refused.
 */
export async function generatePgDataset(
  url: string,
  size: DatasetSize,
  log = console.log,
  options: { leaderboards?: boolean } = {},
): Promise<string> {
  const leaderboards = options.leaderboards !== false;
  const wanted = label(size, leaderboards);
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bench database name "${name}" is not plain`);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query<{ comment: string | null }>(
      'SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1',
      [name, 'pg_database'],
    );
    if (found.rows.length && found.rows[0].comment === wanted) return url;
    if (found.rows.length) {
      const comment = found.rows[0].comment ?? '';
      if (!comment.startsWith('staff-voices bench dataset') && !(await isEmpty(url)))
        throw new Error(
          `database ${name} holds data that is not a bench dataset: name another in BENCH_DATABASE_URL`,
        );
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }

  const started = Date.now();
  const step = (what: string) => log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const dataSource = new DataSource(dataSourceOptions({ type: 'postgres', url }));
  await dataSource.initialize(); // runs the migrations
  await dataSource.destroy();
  step('schema migrated');

  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query("SET maintenance_work_mem = '512MB'");
    // foreign keys are triggers: off for this session's load (every reference is made valid)
    await db.query('SET session_replication_role = replica');
    const { rows: indexes } = await db.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
       WHERE schemaname = current_schema()
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)`,
    );
    for (const { name: index } of indexes) await db.query(`DROP INDEX "${index}"`);
    const { rows: staffColumns } = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'staff_members'`,
    );
    const { tables, counts } = datasetTables(size, {
      listedColumn: staffColumns.some((c) => c.column_name === 'listed'),
    });
    for (const { table, columns, rows } of tables) {
      step(`${(await copy(db, table, columns, rows)).toLocaleString()} ${table}`);
    }
    for (const table of [
      'organisations',
      'sites',
      'departments',
      'staff_members',
      'social_accounts',
    ])
      await db.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`,
      );
    for (const { definition } of indexes) await db.query(definition);
    step(`${indexes.length} indexes rebuilt`);

    await db.query(`
      INSERT INTO follow_stats (staff_id, following_count, follower_count)
      SELECT s.id, COALESCE(o.n, 0), COALESCE(i.n, 0) FROM staff_members s
      LEFT JOIN (SELECT follower_id AS id, COUNT(*) AS n FROM follows GROUP BY follower_id) o ON o.id = s.id
      LEFT JOIN (SELECT followee_id AS id, COUNT(*) AS n FROM follows GROUP BY followee_id) i ON i.id = s.id`);
    step('follow counters');
    await db.query(
      `UPDATE communities c SET member_count = m.n
       FROM (SELECT community_id, COUNT(*) AS n FROM community_memberships GROUP BY community_id) m
       WHERE m.community_id = c.id`,
    );
    step(`community sizes (${counts.memberships.toLocaleString()} memberships)`);
    step(`${(await searchDocuments(db)).toLocaleString()} search documents`);
    await db.query(
      `INSERT INTO leaderboard_state (key, value) VALUES ('day', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [londonToday()],
    );
    await db.query('SET session_replication_role = DEFAULT');
    await db.query('VACUUM ANALYZE');
    step('vacuum analyze');
  } finally {
    await db.end();
  }
  if (leaderboards) {
    buildLeaderboards(url);
    step('leaderboards built (npm run leaderboard:recompute)');
  }
  const done = new Client({ connectionString: url });
  await done.connect();
  try {
    await done.query('ANALYZE');
    await done.query(`COMMENT ON DATABASE "${name}" IS '${wanted}'`);
  } finally {
    await done.end();
  }
  step(`dataset ready in ${name}`);
  return url;
}

function withDatabase(url: string, database: string): string {
  const other = new URL(url);
  other.pathname = `/${database}`;
  return other.toString();
}

async function isEmpty(url: string): Promise<boolean> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    return Number(rows[0].n) === 0;
  } finally {
    await db.end();
  }
}

/** COPY … FROM STDIN in text format, written as fast as the server takes it. */
async function copy(
  db: Client,
  table: string,
  columns: string[],
  rows: Iterable<unknown[]>,
): Promise<number> {
  const stream = db.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let n = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += row.map(copyText).join('\t') + '\n';
    n++;
    if (chunk.length > 1 << 16) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await finished;
  return n;
}

/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

const RANGE = 5_000;

/**
 * Every person's search document and plain search text, as DirectoryRepository writes them one
 * batch at a time (search-text.ts makes both; the weights are the repository's), set-based: the
 * documents computed here a range of people at a time, COPYed into a scratch table, then turned
 * into tsvectors and search texts in two statements.
 */
async function searchDocuments(db: Client): Promise<number> {
  await db.query(
    `CREATE TEMP TABLE bench_search (staff_id integer PRIMARY KEY, name text, title text,
       handles text, bio text, org_handles text, search_text text)`,
  );
  const { rows: bounds } = await db.query<{ max: number | null }>(
    'SELECT MAX(id) AS max FROM staff_members',
  );
  const maxId = bounds[0].max ?? 0;
  const documents = async function* () {
    for (let from = 1; from <= maxId; from += RANGE) {
      const to = from + RANGE - 1;
      const { rows: accounts } = await db.query<{
        staffId: number;
        handle: string;
        visibility: AccountVisibility;
      }>(
        `SELECT staff_id AS "staffId", handle, visibility FROM social_accounts
         WHERE staff_id BETWEEN $1 AND $2`,
        [from, to],
      );
      const byStaff = new Map<number, { handle: string; visibility: AccountVisibility }[]>();
      for (const account of accounts) {
        const list = byStaff.get(account.staffId) ?? [];
        list.push(account);
        byStaff.set(account.staffId, list);
      }
      const { rows: people } = await db.query(
        `SELECT s.id, s.display_name AS "displayName", s.job_title AS "jobTitle", s.bio,
           s.organisation_id AS "organisationId", s.site_id AS "siteId",
           s.department_id AS "departmentId", s.staff_group AS "staffGroup",
           site.name AS "siteName", department.name AS "departmentName"
         FROM staff_members s
         LEFT JOIN sites site ON site.id = s.site_id
         LEFT JOIN departments department ON department.id = s.department_id
         WHERE s.id BETWEEN $1 AND $2`,
        [from, to],
      );
      const batch: unknown[][] = [];
      for (const person of people) {
        const doc = searchDocument(person, byStaff.get(person.id) ?? [], {
          site: person.siteName,
          department: person.departmentName,
        });
        batch.push([
          doc.staffId,
          doc.name,
          doc.title,
          doc.handles,
          doc.bio,
          doc.orgHandles,
          searchText(doc),
        ]);
      }
      yield batch;
    }
  };
  // the reads above and the COPY below cannot share one connection at once: gather, then copy
  const all: unknown[][] = [];
  for await (const batch of documents()) all.push(...batch);
  await copy(
    db,
    'bench_search',
    ['staff_id', 'name', 'title', 'handles', 'bio', 'org_handles', 'search_text'],
    all,
  );
  await db.query(
    `INSERT INTO staff_search (staff_id, document)
     SELECT staff_id, setweight(to_tsvector('simple', name), 'A')
       || setweight(to_tsvector('simple', title), 'B')
       || setweight(to_tsvector('simple', handles), 'B')
       || setweight(to_tsvector('simple', bio), 'D')
       || setweight(to_tsvector('simple', org_handles), 'C')
     FROM bench_search`,
  );
  await db.query(
    `UPDATE staff_members s SET search_text = b.search_text FROM bench_search b WHERE b.staff_id = s.id`,
  );
  await db.query('DROP TABLE bench_search');
  return all.length;
}
