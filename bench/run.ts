import Database from 'better-sqlite3';
import * as hdr from 'hdr-histogram-js';
import { ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoRandom } from '../src/seed/demo-random';
import { frameworkFloorRows } from './framework-floor';
import { generateDataset, NATIONAL } from './generate-dataset';
import { LoadRequest, LoadResult, runLoad } from './http-load';
import { benchImport } from './import';
import { SCENARIOS } from './scenarios';
import { measureSlowRequests, slowRequests } from './slow-requests';

/**
 * `npm run bench`: builds (once) a national dataset, starts the built server on it, and measures
 * each scenario over HTTP with 10 concurrent clients, beside two floors measured in the same run:
 * a bare node:http server, and the scenario's SQL through better-sqlite3 directly.
 * BENCH_STAFF=20000 npm run bench for a quick run on a small dataset; BENCH_ONLY=leaderboard,import
 * for some scenarios only.
 */
async function main() {
  const staff = Number(process.env.BENCH_STAFF ?? NATIONAL.staff);
  const scale = staff / NATIONAL.staff;
  const size = {
    ...NATIONAL,
    staff,
    organisations: Math.max(3, Math.round(NATIONAL.organisations * Math.min(1, scale * 10))),
  };
  const requests = Number(process.env.BENCH_REQUESTS ?? 4000);
  const path = join(__dirname, '.data', `staff-${staff}-metrics-30d.db`);
  console.log(
    `Dataset: ${staff.toLocaleString()} staff, ${size.organisations} organisations -> ${path}`,
  );
  const genStarted = Date.now();
  await generateDataset(path, size);
  console.log(`Dataset ready in ${((Date.now() - genStarted) / 1000).toFixed(0)} s`);

  const port = 45000 + Math.floor(Math.random() * 1000);
  const floorPort = port + 1;
  const loopFile = join(tmpdir(), `staff-voices-loop-${process.pid}.json`);
  const server = start(join(__dirname, '..', 'dist', 'main.js'), {
    BENCH_LOOP_FILE: loopFile,
    PORT: String(port),
    DATABASE_URL: `sqlite:${path}`,
    AUTH_MODE: 'dev',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    // SQLITE_READ_WORKERS=0 measures reads on the main thread; unset: one worker per core
    SQLITE_READ_WORKERS: process.env.SQLITE_READ_WORKERS ?? '',
    READ_TIME_BUDGET_MS: process.env.READ_TIME_BUDGET_MS ?? '',
    // ten clients on one address and 200 people far faster than anyone types
    RATE_LIMIT_PER_ADDRESS: '100000000/60',
    RATE_LIMIT_PER_PERSON: '100000000/60',
    RATE_LIMIT_UNAUTHENTICATED: '100000000/60',
  });
  const floor = start(
    '-e',
    {},
    `require('http').createServer((q, s) => { q.resume(); q.on('end', () => { s.setHeader('content-type', 'application/json'); s.end('{"data":{}}'); }); }).listen(${floorPort}, '127.0.0.1')`,
  );
  try {
    await waitFor(port);
    await waitFor(floorPort);
    const random = new DemoRandom(7);
    const people = Array.from({ length: 200 }, () => 1 + random.int(staff));
    const tokens = new Map<number, string>();
    for (const id of people) tokens.set(id, await signIn(port, id));
    const db = new Database(path, { readonly: true });
    const context = { people, tokens, random, staff, db };

    const results: {
      result: LoadResult;
      floorSql?: number;
      target?: string;
      loopMaxMs?: number;
    }[] = [];
    const floorHttp = await runLoad(
      'bare node:http server',
      floorPort,
      () => ({ method: 'POST', path: '/', body: '{}' }),
      { requests },
    );
    results.push({ result: floorHttp });
    // BENCH_ONLY=leaderboard,import: the scenarios whose names hold any of the words
    const only = process.env.BENCH_ONLY?.toLowerCase().split(',');
    const chosen = (name: string) => !only || only.some((word) => name.includes(word));
    for (const scenario of SCENARIOS.filter((s) => chosen(s.name.toLowerCase()))) {
      await new Promise((resolve) => setTimeout(resolve, 1100)); // its own seconds of loop delay
      const since = Date.now();
      const result = await runLoad(
        scenario.name,
        port,
        (i) => graphql(scenario.request(context, i), tokens.get(people[i % people.length])!),
        {
          requests: scenario.requests ?? requests,
        },
      );
      const loopMaxMs = await eventLoopMax(port, since);
      const floorSql = scenario.sql ? sqlFloor(db, (i) => scenario.sql!(context, i)) : undefined;
      results.push({ result, floorSql, target: scenario.target, loopMaxMs });
      console.log(
        `  ${scenario.name}: p95 ${result.p95} ms (${result.perSecond}/s), event loop held at most ${loopMaxMs} ms`,
      );
    }
    results.push(
      ...(await frameworkFloorRows({
        dataset: path,
        productPort: port,
        productPid: server.pid!,
        context,
        requests,
        chosen,
      })),
    );
    const slow =
      !only || only.some((word) => 'slow requests'.includes(word))
        ? await measureSlowRequests(port, tokens.get(people[0])!, slowRequests(db))
        : [];
    db.close();
    if (!only || only.some((word) => 'metrics import'.includes(word))) {
      const figures = await benchImport(path, port, (id) => signIn(port, id), {
        reset: () => loopDelay(server, loopFile),
        read: () => loopDelay(server, loopFile),
      });
      console.log(
        `\nMetrics import (POST /api/imports/metrics, text/csv, ${figures.rows.toLocaleString()} rows, ` +
          `${(figures.bytes / 1e6).toFixed(1)} MB): ${figures.rowsPerSecond.toLocaleString()} rows/s ` +
          `(${figures.seconds.toFixed(1)} s; ${figures.rowsAccepted.toLocaleString()} accepted, ` +
          `${figures.rowsRejected} rejected); the same file again (every row unchanged): ` +
          `${figures.reimportRowsPerSecond.toLocaleString()} rows/s; slowest /health meanwhile ` +
          `${figures.healthMaxMs} ms; longest event-loop block in the server (monitorEventLoopDelay) ` +
          `${figures.loopMaxMs} ms (p99 ${figures.loopP99Ms} ms); SQL floor (the same upserts through better-sqlite3, no HTTP, ` +
          `no parsing) ${figures.floorRowsPerSecond.toLocaleString()} rows/s (target ≥ 100,000 rows/s)`,
      );
    }
    console.log(
      '\n| scenario | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | SQL floor p95 ms | event loop max ms | target |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const { result: r, floorSql, target, loopMaxMs } of results) {
      console.log(
        `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.perSecond} | ${r.errors} | ${floorSql ?? '—'} | ${loopMaxMs ?? '—'} | ${target ?? '—'} |`,
      );
    }
    if (slow.length) {
      console.log(
        '\n| single request | slowest of 3, ms | answer | slowest /health meanwhile, ms | event loop max ms |',
      );
      console.log('| --- | --- | --- | --- | --- |');
      for (const f of slow) {
        console.log(
          `| ${f.name} | ${f.requestMs} | ${f.status} | ${f.healthMaxMs} | ${f.loopMaxMs} |`,
        );
      }
    }
    console.log(`\nServer RSS after the run: ${await rss(server.pid!)} MB`);
  } finally {
    server.kill('SIGTERM');
    floor.kill('SIGKILL');
  }
}

export interface BenchContext {
  people: number[];
  tokens: Map<number, string>;
  random: DemoRandom;
  staff: number;
  db: Database.Database;
}

function graphql(
  body: { query: string; variables?: Record<string, unknown> },
  token: string,
): LoadRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  };
}

/** The same SQL through the driver directly: the floor under the HTTP figure. */
function sqlFloor(
  db: Database.Database,
  statementsFor: (i: number) => { sql: string; params: unknown[] }[],
): number {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const cache = new Map<string, Database.Statement>();
  for (let i = 0; i < 2000; i++) {
    const started = process.hrtime.bigint();
    for (const { sql, params } of statementsFor(i)) {
      let statement = cache.get(sql);
      if (!statement) cache.set(sql, (statement = db.prepare(sql)));
      statement.all(...params);
    }
    if (i >= 200) histogram.recordValue(Number((process.hrtime.bigint() - started) / 1000n));
  }
  return Math.round(histogram.getValueAtPercentile(95) / 10) / 100;
}

function start(script: string, env: Record<string, string>, code?: string): ChildProcess {
  // BENCH_CPU_PROF=<dir>: the server writes a CPU profile there when it stops
  const profile = !code && process.env.BENCH_CPU_PROF;
  const args = [
    ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
    ...(code ? [] : ['-r', join(__dirname, 'loop-delay.cjs')]),
    ...(code ? [script, code] : [script]),
  ];
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitFor(port: number) {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing listening on ${port}`);
}

/** The server's longest event-loop block since `since` (GET /health/event-loop). */
async function eventLoopMax(port: number, since: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/health/event-loop?since=${since}`);
  return ((await res.json()) as { maxMs: number }).maxMs;
}

async function signIn(port: number, staffId: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId }),
  });
  if (!res.ok) throw new Error(`sign-in failed for ${staffId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The server's event-loop delay since the last call (bench/loop-delay.cjs). */
async function loopDelay(
  server: ChildProcess,
  file: string,
): Promise<{ maxMs: number; p99Ms: number }> {
  const { readFileSync, rmSync } = await import('node:fs');
  rmSync(file, { force: true });
  server.kill('SIGUSR2');
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as { maxMs: number; p99Ms: number };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { maxMs: NaN, p99Ms: NaN };
}

async function rss(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
