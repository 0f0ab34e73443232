import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRun } from '../bench/run';
import { SCENARIOS } from '../bench/scenarios';
import { freePort, MAIN } from './support/server-process';

/** The rows the framework floor adds beside the profile scenario (bench/framework-floor.ts). */
const FLOOR_ROWS = [
  'framework floor: minimal Apollo Server 5',
  'profile with accounts and organisation (beside the floor)',
];

const ROOT = join(__dirname, '..');

/**
 * `npm run bench` on a tiny dataset (300 staff, 20 requests a scenario): every scenario runs
 * against the built server and answers without an error, its statements are counted, and the
 * JSON and the chart are written. Nothing about time is asserted (speed is the bench's own
 * business). On PostgreSQL the dataset is built by COPY in a database of its own beside the
 * test database, and dropped after.
 */
describe('the bench, as a smoke test on a tiny dataset', () => {
  const out = mkdtempSync(join(tmpdir(), 'staff-voices-bench-'));
  const postgres = process.env.TEST_DB_KIND === 'postgres';
  const benchDatabase = postgres ? `${databaseName()}_bench` : undefined;

  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    if (benchDatabase) {
      const { Client } = await import('pg');
      const admin = new Client({ connectionString: withDatabase('postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('runs every scenario, each answering without errors, and writes its JSON and chart', async () => {
    if (!existsSync(MAIN))
      throw new Error('dist/main.js is missing: `npm test` builds it (npm run build)');
    const ports = [await freePort(), await freePort(), await freePort()];
    const { code, output } = await runBench({
      BENCH_STAFF: '300',
      BENCH_REQUESTS: '20',
      BENCH_IMPORT_ROWS: '500',
      BENCH_OUT: out,
      BENCH_DATA_DIR: join(out, 'data'),
      BENCH_PORTS: ports.join(','),
      ...(benchDatabase ? { BENCH_DATABASE_URL: withDatabase(benchDatabase) } : {}),
    });
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });

    const run = JSON.parse(
      readFileSync(join(out, `${postgres ? 'postgres' : 'sqlite'}-300.json`), 'utf8'),
    ) as BenchRun;
    const answered = run.scenarios.filter((s) => s.name !== 'bare node:http server');
    const beside = answered.filter((s) => FLOOR_ROWS.includes(s.name));
    const scenarios = answered.filter((s) => !FLOOR_ROWS.includes(s.name));
    expect(scenarios.map((s) => s.name)).toEqual(SCENARIOS.map((s) => s.name));
    // the framework floor runs beside the profile scenario, on SQLite only (it reads the file)
    expect(beside.map((s) => ({ name: s.name, errors: s.errors }))).toEqual(
      postgres ? [] : FLOOR_ROWS.map((name) => ({ name, errors: 0 })),
    );
    for (const scenario of scenarios) {
      if (scenario.skipped) {
        // on PostgreSQL a scenario that reads the SQLite file itself says so; nothing else skips
        expect({ name: scenario.name, skipped: scenario.skipped }).toEqual({
          name: scenario.name,
          skipped: 'reads the SQLite file directly: SQLite only',
        });
        continue;
      }
      expect({ name: scenario.name, errors: scenario.errors, requests: scenario.requests }).toEqual(
        { name: scenario.name, errors: 0, requests: 20 },
      );
      expect(scenario.statementsPerRequest).toBeGreaterThan(0);
    }
    expect(scenarios.filter((s) => !s.skipped).length).toBeGreaterThan(SCENARIOS.length - 2);
    expect(run.peakRssMb).toBeGreaterThan(0);
    // the daily roll runs on a copy of the SQLite file
    if (postgres) expect(run.dailyRoll).toBeUndefined();
    else expect(run.dailyRoll).toMatchObject({ people: 300, seconds: expect.any(Number) });
    expect(readFileSync(join(out, 'p95-growth.svg'), 'utf8')).toMatch(/^<svg/);
  }, 300_000);
});

function runBench(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'), '--transpile-only', 'bench/run.ts'],
      { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output: output.slice(-5000) }));
  });
}

function databaseName(): string {
  return decodeURIComponent(new URL(process.env.TEST_DATABASE_URL!).pathname.slice(1));
}

function withDatabase(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
