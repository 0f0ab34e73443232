import { existsSync } from 'node:fs';
import { databaseUrl, freePort, MAIN, run, waitForHealth } from './support/server-process';
import { createTestDatabase } from './support/test-database';

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
    const port = await freePort();
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
