import Database from 'better-sqlite3';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

export interface ImportBenchResult {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  rowsAccepted: number;
  rowsRejected: number;
  healthMaxMs: number;
  reimportRowsPerSecond: number;
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
  minRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000),
): Promise<ImportBenchResult> {
  // the dataset has no communications team: make one person of organisation 1 its officer
  const db = new Database(dbPath);
  const admin = db
    .prepare('SELECT id FROM staff_members WHERE organisation_id = 1 ORDER BY id LIMIT 1')
    .get() as { id: number };
  db.prepare('UPDATE staff_members SET is_comms_admin = 1 WHERE id = ?').run(admin.id);
  const accounts = db
    .prepare(
      `SELECT a.platform, a.handle FROM social_accounts a JOIN staff_members s ON s.id = a.staff_id
       WHERE s.organisation_id = 1 ORDER BY a.id`,
    )
    .all() as { platform: string; handle: string }[];
  db.close();
  const token = await signIn(admin.id);

  const days = Math.ceil(minRows / accounts.length);
  const file = join(tmpdir(), `staff-voices-import-${process.pid}.csv`);
  const out = createWriteStream(file);
  out.write('platform,handle,date,followers,following,posts,engagements\n');
  let rows = 0;
  const yesterday = Date.now() - 86_400_000;
  for (let d = days; d >= 1; d--) {
    const date = new Date(yesterday - (d - 1) * 86_400_000).toISOString().slice(0, 10);
    let chunk = '';
    for (let a = 0; a < accounts.length; a++) {
      const { platform, handle } = accounts[a];
      chunk += `${platform},${handle},${date},${100 + a + (days - d)},${50 + (a % 97)},${d % 7},${(a * d) % 113}\n`;
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
      await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.arrayBuffer());
      healthMaxMs = Math.max(healthMaxMs, Number(process.hrtime.bigint() - started) / 1e6);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  const post = async () => {
    const started = Date.now();
    const report = await postFile(port, token, file, bytes);
    return { report, seconds: (Date.now() - started) / 1000 };
  };
  const first = await post();
  const second = await post();
  polling = false;
  await poll;
  return {
    rows,
    bytes,
    seconds: first.seconds,
    rowsPerSecond: Math.round(rows / first.seconds),
    rowsAccepted: first.report.rowsAccepted,
    rowsRejected: first.report.rowsRejected,
    healthMaxMs: Math.round(healthMaxMs * 10) / 10,
    reimportRowsPerSecond: Math.round(rows / second.seconds),
  };
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
