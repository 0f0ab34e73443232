import { existsSync } from 'node:fs';
import { databaseUrl, freePort, MAIN, run, waitForHealth } from './support/server-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const reachable = async (url: string) =>
  fetch(url).then(
    (res) => res.ok,
    () => false,
  );

describe('development sign-in only in development, and only on this machine', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: `npm test` builds it');
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it.each([['Production'], ['prod'], ['staging'], ['production '], [undefined]])(
    'refuses AUTH_MODE=dev with NODE_ENV=%p, in one line',
    async (nodeEnv) => {
      const { code, output } = await run({ NODE_ENV: nodeEnv, AUTH_MODE: 'dev' }).exited;
      expect(code).toBe(1);
      expect(output.trim()).toMatch(
        /^Configuration error: AUTH_MODE: dev sign-in is refused in production/,
      );
      expect(output.trim().split('\n')).toHaveLength(1);
    },
  );

  it('with NODE_ENV unset, starts as production: Entra ID is required', async () => {
    const { code, output } = await run({ NODE_ENV: undefined }).exited;
    expect(code).toBe(1);
    expect(output.trim()).toMatch(
      /^Configuration error: ENTRA_TENANT_IDS: required .*NODE_ENV is not set, which counts as production/,
    );
  });

  it('in development listens on 127.0.0.1 only, and says so with the mode and dev sign-in', async () => {
    const port = await freePort();
    // npm start: NODE_ENV unset, --node-env-default=development
    const server = run(
      {
        NODE_ENV: undefined,
        PORT: String(port),
        DATABASE_URL: databaseUrl(database),
        SEED_DEMO_DATA: 'false',
      },
      ['--node-env-default=development'],
    );
    try {
      await waitForHealth(port, server.output);
      expect(server.output()).toContain(
        `Staff Voices is serving on http://127.0.0.1:${port} (development mode; development sign-in is ON`,
      );
      expect(await reachable(`http://127.0.0.1:${port}/health`)).toBe(true);
      // every interface would include the IPv6 loopback
      expect(await reachable(`http://[::1]:${port}/health`)).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('listens where HOST says', async () => {
    const port = await freePort('::1');
    const server = run({
      HOST: '::1',
      PORT: String(port),
      DATABASE_URL: databaseUrl(database),
      SEED_DEMO_DATA: 'false',
    });
    try {
      for (let i = 0; i < 300 && !(await reachable(`http://[::1]:${port}/health`)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await reachable(`http://[::1]:${port}/health`)).toBe(true);
      expect(await reachable(`http://127.0.0.1:${port}/health`)).toBe(false);
      expect(server.output()).toContain(`serving on http://[::1]:${port} (development mode`);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});
