import Database from 'better-sqlite3';
import * as hdr from 'hdr-histogram-js';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { londonToday } from '../src/leaderboard/windows';
import { SeededRandom } from '../src/common/seeded-random';
import { buildDataset, DatasetChoice, datasetChoiceFromEnv } from './dataset';
import { NATIONAL, sizeFor } from './dataset-rows';
import { cpuMs, frameworkFloorRows } from './framework-floor';
import { LoadRequest, LoadResult, runLoad } from './http-load';
import { benchDailyRoll, DailyRollResult } from './daily-roll';
import { benchImport } from './import';
import { SCENARIOS } from './scenarios';
import { measureSlowRequests, slowRequests } from './slow-requests';

/**
 * `npm run bench`: builds (once) a national dataset, starts the built server on it, and measures
 * each scenario over HTTP with 10 concurrent clients, beside two floors measured in the same run:
 * a bare node:http server, and the scenario's SQL through better-sqlite3 directly. Per scenario
 * it reports the latencies, the SQL statements per request (counted at the drivers,
 * bench/statement-count.cjs), the server's longest event-loop block and its peak RSS, with the
 * load average at the start and end; each run is written as JSON to docs/benchmarks/
 * (`<database>-<staff>.json`) and the p95 of every scenario across the sizes on file is drawn
 * as docs/benchmarks/p95-growth.svg (bench/chart.mjs).
 *
 * BENCH_STAFF=20000 for one size; BENCH_SIZES=20000,200000 for several in turn (one JSON each);
 * BENCH_DATABASE_URL=postgres://… runs on PostgreSQL (the dataset is built there by COPY; with
 * several sizes each has its own database, `<name>_<staff>`); BENCH_LEADERBOARDS=skip builds
 * no leaderboards and skips their scenarios; BENCH_ONLY=leaderboard,import for some scenarios
 * only (their rows replace those of the same name in the JSON on file); BENCH_REQUESTS per
 * scenario; BENCH_OUT=<dir> writes the JSON and chart there instead.
 */
async function main() {
  const sizes = (process.env.BENCH_SIZES ?? process.env.BENCH_STAFF ?? String(NATIONAL.staff))
    .split(',')
    .map((n) => Number(n.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10))
    throw new Error(`BENCH_SIZES must be staff counts (10 or more), not ${sizes.join(',')}`);
  const out = process.env.BENCH_OUT ?? join(__dirname, '..', 'docs', 'benchmarks');
  for (const staff of sizes) {
    const choice = datasetChoiceFromEnv(staff);
    if (choice.databaseUrl && sizes.length > 1) {
      const url = new URL(choice.databaseUrl);
      url.pathname = `${url.pathname}_${staff}`;
      choice.databaseUrl = url.toString();
    }
    const run = await benchOne(choice);
    writeRun(out, run);
  }
  drawChart(out);
}

/** One run of the bench, as written to docs/benchmarks/<database>-<staff>.json. */
export interface BenchRun {
  database: 'sqlite' | 'postgres';
  staff: number;
  organisations: number;
  leaderboards: boolean;
  requestsPerScenario: number;
  concurrency: number;
  cores: number;
  startedAt: string;
  finishedAt: string;
  /** 1-minute load average at the start and the end of the run. */
  loadAverage: [number, number];
  datasetSeconds: number;
  /** The server's peak resident memory over the run (VmHWM), MB. */
  peakRssMb: number;
  scenarios: ScenarioFigures[];
  slowRequests?: unknown[];
  metricsImport?: unknown;
  dailyRoll?: DailyRollResult & { loadAverage: [number, number] };
}

export interface ScenarioFigures extends Partial<LoadResult> {
  name: string;
  target?: string;
  /** Why it did not run, when it did not. */
  skipped?: string;
  statementsPerRequest?: number;
  /**
   * The server's CPU time (user + system, every thread) over the scenario, warm-up included,
   * divided by the requests sent: moves far less with the machine's other load than latency does.
   */
  serverCpuMsPerRequest?: number;
  /** The same, the main thread's alone (the rest: read workers, libuv, V8's helpers). */
  mainThreadCpuMsPerRequest?: number;
  floorSqlP95Ms?: number;
  /**
   * The longest time between two ticks of the server's 10 ms loop-delay timer
   * (GET /health/event-loop): one turn of the event loop, which runs every callback ready, so
   * under load several requests' work.
   */
  loopMaxMs?: number;
  /** The longest garbage-collection pause of the main thread, and their total a request, ms. */
  gcMaxMs?: number;
  gcMsPerRequest?: number;
  /** With BENCH_LOOP_TASKS=1: the longest single task of the turns above (bench/loop-delay.cjs). */
  taskMaxMs?: number;
  taskKind?: string;
  tasksOver50?: number;
  /** VmHWM over this scenario's seconds alone (reset before it), MB. */
  peakRssMb?: number;
  /** 1-minute load average as it started and as it ended. */
  loadAverage?: [number, number];
  at?: string;
}

async function benchOne(choice: DatasetChoice): Promise<BenchRun> {
  const { staff } = choice;
  const size = sizeFor(staff);
  const postgres = Boolean(choice.databaseUrl);
  const requests = Number(process.env.BENCH_REQUESTS ?? 4000);
  const startedAt = new Date().toISOString();
  const loadAtStart = load();
  const genStarted = Date.now();
  const where = await buildDataset(choice);
  const datasetSeconds = Math.round((Date.now() - genStarted) / 1000);
  if (!postgres && !choice.leaderboards) markBoardsCurrent(where);

  // BENCH_PORTS=server,floor,counter; otherwise three the system finds free
  const [port, floorPort, statementsPort] = process.env.BENCH_PORTS
    ? process.env.BENCH_PORTS.split(',').map(Number)
    : await freePorts(3);
  // BENCH_ONLY=leaderboard,import: the scenarios (and parts) whose names hold any of the words
  const only = process.env.BENCH_ONLY?.toLowerCase().split(',');
  const chosen = (name: string) => !only || only.some((word) => name.includes(word));
  const loopFile = join(tmpdir(), `staff-voices-loop-${process.pid}.json`);
  const server = start(join(__dirname, '..', 'dist', 'main.js'), {
    BENCH_LOOP_FILE: loopFile,
    // BENCH_LOOP_TASKS=1: the server also times its longest single task (bench/loop-delay.cjs)
    BENCH_LOOP_TASKS: process.env.BENCH_LOOP_TASKS ?? '',
    BENCH_STATEMENTS_PORT: String(statementsPort),
    PORT: String(port),
    DATABASE_URL: postgres ? where : `sqlite:${where}`,
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
  const rows: ScenarioFigures[] = [];
  let peakRssMb = 0;
  const peak = () => (peakRssMb = Math.max(peakRssMb, rssPeak(server.pid!)));
  let slow: Awaited<ReturnType<typeof measureSlowRequests>> = [];
  let metricsImport: Record<string, unknown> | undefined;
  try {
    await waitFor(port);
    await waitFor(floorPort);
    const random = new SeededRandom(7);
    const people = Array.from({ length: Math.min(200, staff) }, () => 1 + random.int(staff));
    const tokens = new Map<number, string>();
    for (const id of people) tokens.set(id, await signIn(port, id));
    // a person's first signed-in request does once-only work: not the first scenario's cost
    for (const token of tokens.values()) await firstRequest(port, token);
    peak();
    // the SQL floors and a few scenarios read the SQLite file directly; on PostgreSQL they say so
    const db = postgres ? sqliteOnly() : new Database(where, { readonly: true });
    const context = { people, tokens, random, staff, db };

    const measured = async (
      name: string,
      run: () => Promise<LoadResult>,
    ): Promise<ScenarioFigures> => {
      const loadBefore = load();
      const at = new Date().toISOString();
      resetRssPeak(server.pid!);
      const before = await quiet(statementsPort);
      await loopDelay(server, loopFile); // from now on
      const since = Date.now();
      const cpuBefore = cpuMs(server.pid!);
      const mainCpuBefore = cpuMs(server.pid!, server.pid!);
      const result = await run();
      const cpuPerRequest = (cpuMs(server.pid!) - cpuBefore) / result.sent;
      const mainCpuPerRequest = (cpuMs(server.pid!, server.pid!) - mainCpuBefore) / result.sent;
      const after = await statementsSent(statementsPort);
      const loop = await loopDelay(server, loopFile);
      const figures: ScenarioFigures = {
        ...result,
        name,
        statementsPerRequest: Math.round(((after - before) / result.sent) * 10) / 10,
        serverCpuMsPerRequest: Math.round(cpuPerRequest * 100) / 100,
        mainThreadCpuMsPerRequest: Math.round(mainCpuPerRequest * 100) / 100,
        loopMaxMs: await eventLoopMax(port, since),
        gcMaxMs: loop.gcMaxMs,
        gcMsPerRequest: Math.round((loop.gcTotalMs / result.sent) * 100) / 100,
        ...(loop.taskMaxMs === undefined
          ? {}
          : { taskMaxMs: loop.taskMaxMs, taskKind: loop.taskKind, tasksOver50: loop.tasksOver50 }),
        peakRssMb: rssPeak(server.pid!),
        loadAverage: [loadBefore, load()],
        at,
      };
      peakRssMb = Math.max(peakRssMb, figures.peakRssMb!);
      return figures;
    };

    const floorHttp = await runLoad(
      'bare node:http server',
      floorPort,
      () => ({ method: 'POST', path: '/', body: '{}' }),
      { requests },
    );
    rows.push({ ...floorHttp, loadAverage: [load(), load()], at: new Date().toISOString() });
    for (const scenario of SCENARIOS.filter((s) => chosen(s.name.toLowerCase()))) {
      const skipped = whyNot(scenario, context, choice);
      if (skipped) {
        rows.push({ name: scenario.name, target: scenario.target, skipped });
        console.log(`  ${scenario.name}: skipped (${skipped})`);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 1100)); // its own seconds of loop delay
      const figures = await measured(scenario.name, () =>
        runLoad(
          scenario.name,
          port,
          (i) => graphql(scenario.request(context, i), tokens.get(people[i % people.length])!),
          { requests: Math.min(scenario.requests ?? requests, requests) },
        ),
      );
      figures.target = scenario.target;
      if (scenario.sql && !postgres)
        figures.floorSqlP95Ms = sqlFloor(db, (i) => scenario.sql!(context, i));
      rows.push(figures);
      console.log(
        `  ${scenario.name}: p95 ${figures.p95} ms (${figures.perSecond}/s), ${figures.errors} errors, ` +
          `${figures.statementsPerRequest} statements and ${figures.serverCpuMsPerRequest} ms of server CPU a request ` +
          `(${figures.mainThreadCpuMsPerRequest} ms on the main thread), event loop held at most ${figures.loopMaxMs} ms ` +
          `(${loopParts(figures)}), ` +
          `peak RSS ${figures.peakRssMb} MB, load ${figures.loadAverage!.join(' → ')}`,
      );
    }
    // the framework floor reads the SQLite file: beside the profile scenario, SQLite only
    if (!postgres) {
      const floorRows = await frameworkFloorRows({
        dataset: where,
        productPort: port,
        productPid: server.pid!,
        context,
        requests,
        chosen,
      });
      for (const { result, target } of floorRows)
        rows.push({ ...result, target, loadAverage: [load(), load()] });
    }
    if (!postgres && chosen('slow requests'))
      slow = await measureSlowRequests(port, tokens.get(people[0])!, slowRequests(db));
    peak();
    if (!postgres) db.close();
    if (chosen('metrics import')) {
      resetRssPeak(server.pid!);
      const figures = await benchImport(
        where,
        port,
        (id) => signIn(port, id),
        {
          reset: () => loopDelay(server, loopFile),
          read: () => loopDelay(server, loopFile),
        },
        undefined,
        server.pid,
      );
      metricsImport = { ...figures, peakRssMb: peak(), loadAverage: load() };
      console.log(
        `\nMetrics import (POST /api/imports/metrics, text/csv, ${figures.rows.toLocaleString()} rows, ` +
          `${(figures.bytes / 1e6).toFixed(1)} MB): ${figures.rowsPerSecond.toLocaleString()} rows/s ` +
          `(${figures.seconds.toFixed(1)} s; ${figures.rowsAccepted.toLocaleString()} accepted, ` +
          `${figures.rowsRejected} rejected); the same file again (every row unchanged): ` +
          `${figures.reimportRowsPerSecond.toLocaleString()} rows/s; slowest /health meanwhile ` +
          `${figures.healthMaxMs} ms; longest event-loop block in the server (monitorEventLoopDelay) ` +
          `${figures.loopMaxMs} ms (p99 ${figures.loopP99Ms} ms; longest GC pause ${figures.gcMaxMs} ms` +
          (figures.taskMaxMs === undefined
            ? ''
            : `; longest task ${figures.taskMaxMs} ms, ${figures.taskKind}`) +
          `); SQL floor (the same upserts through better-sqlite3, no HTTP, ` +
          `no parsing) ${figures.floorRowsPerSecond?.toLocaleString() ?? 'not measured on PostgreSQL'} rows/s; ` +
          `server CPU ${figures.serverCpuSeconds} s, again ${figures.reimportServerCpuSeconds} s (target ≥ 100,000 rows/s)`,
      );
    }
    console.log(
      `\n${postgres ? 'PostgreSQL' : 'SQLite'}, ${staff.toLocaleString()} staff, ${cpus().length} cores, load average ${loadAtStart} at the start`,
    );
    console.log(
      '\n| scenario | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | statements / request | server CPU ms / request (main thread) | SQL floor p95 ms | event loop max ms | longest task; GC max ms | peak RSS MB | load average | target |',
    );
    console.log(
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of rows) {
      if (r.skipped) {
        console.log(
          `| ${r.name} | skipped: ${r.skipped} | | | | | | | | | | | | | ${r.target ?? '—'} |`,
        );
        continue;
      }
      const dash = (value: unknown) => (value === undefined ? '—' : String(value));
      console.log(
        `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.perSecond} | ${r.errors} | ${dash(r.statementsPerRequest)} | ${dash(r.serverCpuMsPerRequest)}${r.mainThreadCpuMsPerRequest === undefined ? '' : ` (${r.mainThreadCpuMsPerRequest})`} | ${dash(r.floorSqlP95Ms)} | ${dash(r.loopMaxMs)} | ${r.gcMaxMs === undefined ? '—' : `${dash(r.taskMaxMs)}; ${r.gcMaxMs}`} | ${dash(r.peakRssMb)} | ${r.loadAverage!.join(' → ')} | ${r.target ?? '—'} |`,
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
    peak();
    console.log(`\nServer peak RSS over the run (VmHWM): ${peakRssMb} MB (target ≤ 500 MB)`);
  } finally {
    server.kill('SIGTERM');
    floor.kill('SIGKILL');
  }
  // on a copy of the dataset (19 GB at 1.5 M): in a whole run up to 200,000 staff, past that
  // only when BENCH_ONLY names it
  let dailyRoll: BenchRun['dailyRoll'];
  const rollChosen = only ? chosen('daily roll') : staff <= 200_000;
  if (!postgres && choice.leaderboards && rollChosen) {
    if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    const loadBefore = load();
    const roll = benchDailyRoll(where, staff);
    dailyRoll = { ...roll, loadAverage: [loadBefore, load()] };
    console.log(
      `\nDaily roll while serving (rollInChunks, to the next day, on a copy of the dataset): ` +
        `${roll.seconds} s, ${roll.cpuSeconds} s CPU; event loop held at most ${roll.loopMaxMs} ms ` +
        `(p99 ${roll.loopP99Ms} ms), ${roll.blocksOver50} times over 50 ms; load ${dailyRoll.loadAverage.join(' → ')}`,
    );
  }
  return {
    database: postgres ? 'postgres' : 'sqlite',
    staff,
    organisations: size.organisations,
    leaderboards: choice.leaderboards,
    requestsPerScenario: requests,
    concurrency: 10,
    cores: cpus().length,
    startedAt,
    finishedAt: new Date().toISOString(),
    loadAverage: [loadAtStart, load()],
    datasetSeconds,
    peakRssMb,
    scenarios: rows,
    ...(slow.length ? { slowRequests: slow } : {}),
    ...(metricsImport ? { metricsImport } : {}),
    ...(dailyRoll ? { dailyRoll } : {}),
  };
}

/** Why a scenario cannot run on this dataset, if it cannot. */
function whyNot(
  scenario: (typeof SCENARIOS)[number],
  context: BenchContext,
  choice: DatasetChoice,
): string | undefined {
  if (!choice.leaderboards && scenario.name.toLowerCase().includes('leaderboard'))
    return 'leaderboards not built (BENCH_LEADERBOARDS=skip)';
  try {
    scenario.request(context, 0);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A dataset without leaderboards has no boards to roll: its day is made today's before the server
 * starts. Otherwise a dataset built before midnight (London) starts the daily roll, which at
 * national scale re-scores everyone on the main thread for many minutes, in the middle of the
 * scenarios (on 2026-12-02 it tripled their statements, failed reads past the budget and kept
 * the server from stopping).
 */
function markBoardsCurrent(path: string): void {
  const db = new Database(path);
  try {
    db.prepare(
      "INSERT INTO leaderboard_state (key, value) VALUES ('day', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(londonToday());
    db.prepare("DELETE FROM leaderboard_state WHERE key = 'rolling'").run();
  } finally {
    db.close();
  }
}

/** A stand-in for the SQLite file on PostgreSQL: any use says what is missing. */
function sqliteOnly(): Database.Database {
  return new Proxy({} as Database.Database, {
    get: () => {
      throw new Error('reads the SQLite file directly: SQLite only');
    },
  });
}

/** Writes the run as <database>-<staff>.json; a BENCH_ONLY run replaces its rows in the one on file. */
function writeRun(dir: string, run: BenchRun): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${run.database}-${run.staff}.json`);
  let written = run;
  if (process.env.BENCH_ONLY && existsSync(file)) {
    const before = JSON.parse(readFileSync(file, 'utf8')) as BenchRun;
    const fresh = new Set(run.scenarios.map((s) => s.name));
    written = {
      ...before,
      ...run,
      peakRssMb: Math.max(before.peakRssMb, run.peakRssMb),
      scenarios: [
        ...before.scenarios.map((s) =>
          fresh.has(s.name) ? run.scenarios.find((r) => r.name === s.name)! : s,
        ),
        ...run.scenarios.filter((s) => !before.scenarios.some((b) => b.name === s.name)),
      ],
    };
  }
  writeFileSync(file, JSON.stringify(written, null, 2) + '\n');
  console.log(`Results: ${file}`);
}

/** The p95 growth chart of every run on file (bench/chart.mjs: vega-lite, rendered in Node). */
function drawChart(dir: string): void {
  const drawn = spawnSync(process.execPath, [join(__dirname, 'chart.mjs'), dir], {
    stdio: 'inherit',
  });
  if (drawn.status !== 0) throw new Error('drawing the chart failed');
}

const load = () => Math.round(loadavg()[0] * 10) / 10;

export interface BenchContext {
  people: number[];
  tokens: Map<number, string>;
  random: SeededRandom;
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
    ...(code
      ? []
      : ['-r', join(__dirname, 'loop-delay.cjs'), '-r', join(__dirname, 'statement-count.cjs')]),
    ...(code ? [script, code] : [script]),
  ];
  // BENCH_SERVER_NODE_OPTIONS: Node flags for the server alone (a heap limit, a report signal…)
  const nodeOptions = !code && process.env.BENCH_SERVER_NODE_OPTIONS;
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

/** Ports free now (others' benches share this machine: a fixed range collides). */
async function freePorts(count: number): Promise<number[]> {
  const { createServer } = await import('node:net');
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<import('node:net').Server>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
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

async function firstRequest(port: number, token: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  if (!res.ok) throw new Error(`first request failed: ${res.status} ${await res.text()}`);
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

/** What bench/loop-delay.cjs measured of the server's event loop (see there). */
export interface LoopFigures {
  maxMs: number;
  p99Ms: number;
  gcMaxMs: number;
  gcTotalMs: number;
  gcCount: number;
  taskMaxMs?: number;
  taskKind?: string;
  tasksOver50?: number;
}

/** The parts of a scenario's longest loop turn that the bench can name, for its log line. */
function loopParts(figures: ScenarioFigures): string {
  const gc = `longest GC pause ${figures.gcMaxMs} ms, ${figures.gcMsPerRequest} ms of GC a request`;
  if (figures.taskMaxMs === undefined) return gc;
  return `longest single task ${figures.taskMaxMs} ms (${figures.taskKind}), ${figures.tasksOver50} over 50 ms; ${gc}`;
}

/** The server's event-loop figures since the last call (bench/loop-delay.cjs). */
async function loopDelay(server: ChildProcess, file: string): Promise<LoopFigures> {
  const { readFileSync, rmSync } = await import('node:fs');
  rmSync(file, { force: true });
  server.kill('SIGUSR2');
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as LoopFigures;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { maxMs: NaN, p99Ms: NaN, gcMaxMs: NaN, gcTotalMs: NaN, gcCount: 0 };
}

/** The process's peak resident memory (VmHWM) since it started or since resetRssPeak, MB. */
function rssPeak(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts VmHWM again from the current RSS (Linux: "5" to clear_refs), so a scenario has its own peak. */
function resetRssPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not allowed here: the peak then covers the run so far
  }
}

/**
 * The statement count once the server has sent none for half a second (or after 10 s): work left
 * over from before (sign-ins, start-up catch-up) is not charged to the next scenario.
 */
async function quiet(port: number): Promise<number> {
  let last = await statementsSent(port);
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await statementsSent(port);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** Statements the server has sent since it started (bench/statement-count.cjs). */
async function statementsSent(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/`);
  return ((await res.json()) as { statements: number }).statements;
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
