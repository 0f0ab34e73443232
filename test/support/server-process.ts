import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestDatabase } from './test-database';

/** The built server (dist/main.js) as a separate process, as `npm start` runs it. */
export const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

interface Exit {
  code: number | null;
  output: string;
}

export function run(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): {
  child: ChildProcess;
  exited: Promise<Exit>;
  output: () => string;
} {
  let output = '';
  const child = spawn(process.execPath, [MAIN, ...args], {
    // a variable given as undefined is left out, as if it were never set
    env: Object.fromEntries(
      Object.entries({
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        ...env,
      }).filter(([, value]) => value !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
  return { child, exited, output: () => output };
}

/**
 * A port no one is listening on, chosen by the operating system. Suites run in parallel (and each
 * on both databases), so a random pick from a fixed range collides sooner or later.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Waits until the server answers ready, for up to `seconds` (migrating and seeding take a while). */
export async function waitForHealth(
  port: number,
  output: () => string,
  seconds = 30,
): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become ready:\n${output()}`);
}

/** The database URL a separate process can use: PostgreSQL gets the test schema through search_path. */
export function databaseUrl(database: TestDatabase): string {
  if (database.config.type === 'sqlite') return database.url;
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${database.config.schema}`);
  return url.toString();
}

/**
 * Runs raw statements on the test database from outside the server under test (as an operator
 * would: a row it has no API for, a column gone), on either driver.
 */
export async function execSql(database: TestDatabase, statements: string[]): Promise<void> {
  if (database.config.type === 'sqlite') {
    const db = new Database(database.config.path);
    try {
      for (const sql of statements) db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
