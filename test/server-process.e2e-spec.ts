import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from './support/test-database';

const MAIN = join(__dirname, '..', 'dist', 'main.js');

interface Exit {
  code: number | null;
  output: string;
}

function run(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  exited: Promise<Exit>;
  output: () => string;
} {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
  return { child, exited, output: () => output };
}

async function waitForHealth(port: number, output: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
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
function databaseUrl(database: TestDatabase): string {
  if (database.config.type === 'sqlite') return database.url;
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${database.config.schema}`);
  return url.toString();
}

describe('the server as a process (npm start runs dist/main.js)', () => {
  beforeAll(() => {
    if (!existsSync(MAIN))
      throw new Error('dist/main.js is missing: `npm test` builds it (npm run build)');
  });

  it.each([
    [
      'DATABASE_URL',
      { DATABASE_URL: 'mysql://root@localhost/staff' },
      /^Configuration error: DATABASE_URL: unsupported database "mysql"/,
    ],
    ['PORT', { PORT: 'eighty' }, /^Configuration error: PORT: "eighty" must be a number/],
    [
      'AUTH_MODE in production',
      { NODE_ENV: 'production', AUTH_MODE: 'dev' },
      /^Configuration error: AUTH_MODE: dev sign-in is refused/,
    ],
    [
      'ENTRA_TENANT_IDS',
      { AUTH_MODE: 'entra' },
      /^Configuration error: ENTRA_TENANT_IDS: required/,
    ],
  ])('refuses to start with bad %s, in one clear line', async (_name, env, message) => {
    const { exited } = run(env);
    const { code, output } = await exited;
    expect(code).toBe(1);
    expect(output.trim()).toMatch(message);
    expect(output.trim().split('\n')).toHaveLength(1);
  });

  it('starts on an empty database, seeds the demo, serves, and shuts down cleanly on SIGTERM', async () => {
    const database = await createTestDatabase();
    const port = 41000 + Math.floor(Math.random() * 2000);
    const server = run({
      PORT: String(port),
      DATABASE_URL: databaseUrl(database),
      SEED_DEMO_DATA: 'true',
    });
    try {
      await waitForHealth(port, server.output);
      const people = await (await fetch(`http://127.0.0.1:${port}/api/dev/people`)).json();
      expect(people.length).toBeGreaterThan(10);
      expect(people.map((p: { displayName: string }) => p.displayName)).toContain('Tom Whitfield');

      server.child.kill('SIGTERM');
      const { code, output } = await server.exited;
      expect(code).toBe(0);
      // every log line is JSON or our one start-up line, and no bearer token is ever written
      expect(output).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
      if (database.config.type === 'sqlite') {
        // a cleanly closed SQLite database has checkpointed and removed its write-ahead log
        expect(existsSync(`${database.config.path}-wal`)).toBe(false);
      }
    } finally {
      server.child.kill('SIGKILL');
      await database.drop();
    }
  });
});
