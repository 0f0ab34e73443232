import Database from 'better-sqlite3';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';
import { SQLITE_CACHE_KIB } from '../src/database/sqlite-cache';
import { cpuMs } from './framework-floor';

export interface ImportBenchResult {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  rowsAccepted: number;
  rowsRejected: number;
  healthMaxMs: number;
  /** The server's longest event-loop block during the first import (monitorEventLoopDelay). */
  loopMaxMs: number;
  loopP99Ms: number;
  /** The longest garbage-collection pause meanwhile, and with BENCH_LOOP_TASKS=1 the longest single task. */
  gcMaxMs: number;
  taskMaxMs?: number;
  taskKind?: string;
  reimportRowsPerSecond: number;
  /** The server's CPU time (every thread) for the first import and for the second: the load moves it less than wall time. */
  serverCpuSeconds: number | null;
  reimportServerCpuSeconds: number | null;
  /** The same upserts through better-sqlite3 directly, into an empty copy of the table (SQLite only). */
  floorRowsPerSecond: number | null;
}

/**
 * The metrics import over HTTP: a generated CSV of at least `minRows` rows (every account of one
 * organisation, one row per day back from yesterday) posted as text/csv by that organisation's
 * communications officer, then posted again (every row unchanged). /health is polled all the
 * while: its slowest answer shows whether the import holds the event loop.
 */
export async function benchImport(
  dbPath: string,
  port: number,
  signIn: (staffId: number) => Promise<string>,
  loop: {
    reset: () => Promise<unknown>;
    read: () => Promise<{
      maxMs: number;
      p99Ms: number;
      gcMaxMs: number;
      taskMaxMs?: number;
      taskKind?: string;
    }>;
  },
  minRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000),
  serverPid?: number,
): Promise<ImportBenchResult> {
  const postgres = /^postgres(ql)?:\/\//.test(dbPath);
  const { admin, accounts } = postgres
    ? await officerAndAccountsPg(dbPath)
    : officerAndAccountsSqlite(dbPath);
  const token = await signIn(admin);

  const days = Math.ceil(minRows / accounts.length);
  const file = join(tmpdir(), `staff-voices-import-${process.pid}.csv`);
  const out = createWriteStream(file);
  out.write('platform,handle,date,followers,following,posts,engagements\n');
  let rows = 0;
  // figures differ from any earlier run's, so the first import writes every row
  const run = Date.now() % 100_000;
  const yesterday = Date.now() - 86_400_000;
  for (let d = days; d >= 1; d--) {
    const date = new Date(yesterday - (d - 1) * 86_400_000).toISOString().slice(0, 10);
    let chunk = '';
    for (let a = 0; a < accounts.length; a++) {
      const { platform, handle } = accounts[a];
      chunk += `${platform},${handle},${date},${run + a + (days - d)},${50 + (a % 97)},${d % 7},${(a * d) % 113}\n`;
      rows++;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const bytes = statSync(file).size;

  let healthMaxMs = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const started = process.hrtime.bigint();
      // a kept-alive socket the server closed as it was reused resets: ask again
      await fetch(`http://127.0.0.1:${port}/health`)
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      healthMaxMs = Math.max(healthMaxMs, Number(process.hrtime.bigint() - started) / 1e6);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  const cpu = () => (serverPid === undefined ? null : cpuMs(serverPid));
  const post = async () => {
    const started = Date.now();
    const cpuBefore = cpu();
    const report = await postFile(port, token, file, bytes);
    const cpuAfter = cpu();
    const cpuSeconds =
      cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / 1000;
    return { report, seconds: (Date.now() - started) / 1000, cpuSeconds };
  };
  await loop.reset();
  const first = await post();
  const delay = await loop.read();
  const second = await post();
  polling = false;
  await poll;
  console.log(
    `  metrics import: ${Math.round(rows / first.seconds).toLocaleString()} rows/s (server CPU ${first.cpuSeconds ?? '?'} s), again ${Math.round(rows / second.seconds).toLocaleString()} rows/s (server CPU ${second.cpuSeconds ?? '?'} s)`,
  );
  const floorRowsPerSecond = postgres ? null : sqlFloor(dbPath, Math.min(rows, 200_000));
  return {
    rows,
    bytes,
    seconds: first.seconds,
    rowsPerSecond: Math.round(rows / first.seconds),
    rowsAccepted: first.report.rowsAccepted,
    rowsRejected: first.report.rowsRejected,
    healthMaxMs: Math.round(healthMaxMs * 10) / 10,
    loopMaxMs: delay.maxMs,
    loopP99Ms: delay.p99Ms,
    gcMaxMs: delay.gcMaxMs,
    ...(delay.taskMaxMs === undefined
      ? {}
      : { taskMaxMs: delay.taskMaxMs, taskKind: delay.taskKind }),
    reimportRowsPerSecond: Math.round(rows / second.seconds),
    serverCpuSeconds: first.cpuSeconds,
    reimportServerCpuSeconds: second.cpuSeconds,
    floorRowsPerSecond,
  };
}

const OFFICER = 'SELECT id FROM staff_members WHERE organisation_id = 1 ORDER BY id LIMIT 1';
const ACCOUNTS = `SELECT a.platform, a.handle FROM social_accounts a JOIN staff_members s ON s.id = a.staff_id
  WHERE s.organisation_id = 1 ORDER BY a.id`;

/** The dataset has no communications team: one person of organisation 1 is made its officer. */
function officerAndAccountsSqlite(dbPath: string) {
  const db = new Database(dbPath);
  const admin = (db.prepare(OFFICER).get() as { id: number }).id;
  db.prepare('UPDATE staff_members SET is_comms_admin = 1 WHERE id = ?').run(admin);
  const accounts = db.prepare(ACCOUNTS).all() as { platform: string; handle: string }[];
  db.close();
  return { admin, accounts };
}

async function officerAndAccountsPg(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const admin = Number((await client.query<{ id: number }>(OFFICER)).rows[0].id);
    await client.query('UPDATE staff_members SET is_comms_admin = true WHERE id = $1', [admin]);
    const accounts = (await client.query<{ platform: string; handle: string }>(ACCOUNTS)).rows;
    return { admin, accounts };
  } finally {
    await client.end();
  }
}

/**
 * The import's own statement (500-row upserts without RETURNING, 20,000 rows per transaction)
 * with nothing around it, into an empty copy of the table and its indexes.
 */
function sqlFloor(dbPath: string, rows: number): number {
  const source = new Database(dbPath, { readonly: true });
  const ddl = source
    .prepare(
      "SELECT sql FROM sqlite_master WHERE tbl_name = 'metric_snapshots' AND sql IS NOT NULL AND type IN ('table', 'index')",
    )
    .all() as { sql: string }[];
  source.close();
  const db = new Database(join(tmpdir(), `staff-voices-floor-${process.pid}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`); // as the server's connections
  db.exec('DROP TABLE IF EXISTS metric_snapshots');
  db.pragma('foreign_keys = OFF'); // no social_accounts here: the floor is the upsert alone
  for (const { sql } of ddl) db.exec(sql);
  const per = 500;
  const values = Array.from(
    { length: per },
    () => "(?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%d %H:%M:%f', 'now'))",
  );
  const statement = db.prepare(
    'INSERT INTO metric_snapshots (social_account_id, day, source, staff_id, followers, following, posts, engagements, import_id, recorded_at) VALUES ' +
      values.join(', ') +
      ' ON CONFLICT (social_account_id, day, source) DO UPDATE SET followers = excluded.followers, following = excluded.following, posts = excluded.posts, engagements = excluded.engagements, import_id = excluded.import_id, recorded_at = excluded.recorded_at' +
      ' WHERE metric_snapshots.followers IS NOT excluded.followers OR metric_snapshots.following IS NOT excluded.following OR metric_snapshots.posts IS NOT excluded.posts OR metric_snapshots.engagements IS NOT excluded.engagements',
  );
  const started = Date.now();
  // rows as the file has them (a day of every account, then the next day), written as the import
  // writes them: a batch of 20,000 per transaction, in primary-key order
  const batchRows = 20_000;
  for (let batch = 0; batch < rows; batch += batchRows) {
    const keys: { account: number; day: string; r: number }[] = [];
    for (let r = batch; r < batch + batchRows && r < rows; r++) {
      keys.push({ account: r % 1000, day: `D${String(Math.floor(r / 1000)).padStart(4, '0')}`, r });
    }
    keys.sort((a, b) => a.account - b.account || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    db.transaction(() => {
      for (let i = 0; i + per <= keys.length; i += per) {
        const params: unknown[] = [];
        for (let k = i; k < i + per; k++) {
          const { account, day, r } = keys[k];
          params.push(account, day, 'IMPORT', account, r, 1, 2, 3, 1);
        }
        statement.run(params);
      }
    })();
  }
  const perSecond = Math.round(rows / ((Date.now() - started) / 1000));
  db.close();
  return perSecond;
}

function postFile(
  port: number,
  token: string,
  file: string,
  bytes: number,
): Promise<{ rowsAccepted: number; rowsRejected: number; rowsUnchanged: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/imports/metrics',
        headers: {
          'content-type': 'text/csv',
          'content-length': bytes,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`import: ${res.statusCode} ${body}`));
          else resolve(JSON.parse(body));
        });
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}
