import { databaseUrl, execSql, freePort, run, waitForHealth } from './support/server-process';
import { createTestDatabase } from './support/test-database';

interface Line {
  level: number;
  msg?: string;
  req?: { id: string; method: string; path: string };
  res?: { statusCode: number };
}

/**
 * What a request writes to the log at the level that writes access logs (`info`) and above it
 * (`warn`): an error logged while serving a request carries the request (its id, the caller's
 * `x-request-id` when it is a plain token, method and path) at either level; the access log line
 * only at `info`.
 */
describe('request logs', () => {
  for (const level of ['info', 'warn']) {
    it(`at LOG_LEVEL=${level}: errors carry the request, access lines ${level === 'info' ? 'too' : 'are not written'}`, async () => {
      const database = await createTestDatabase();
      const port = await freePort();
      const server = run({
        PORT: String(port),
        DATABASE_URL: databaseUrl(database),
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: level,
      });
      try {
        await waitForHealth(port, server.output);
        const base = `http://127.0.0.1:${port}`;
        // someone to sign in as, and a column a directory search needs gone: a search fails
        const insert =
          "INSERT INTO staff_members (display_name, tenant_id, object_id, active) VALUES ('Log Probe', '00000000-0000-0000-0000-000000000000', 'log-probe', true)";
        const rename = 'ALTER TABLE staff_members RENAME COLUMN search_text TO search_text_moved';
        await execSql(database, [insert, rename]);
        const people = await (
          await fetch(`${base}/api/dev/people`, { headers: { 'x-request-id': 'probe-fine' } })
        ).json();
        const { accessToken } = await (
          await fetch(`${base}/api/dev/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ staffId: people[0].id }),
          })
        ).json();
        const gql = (query: string, requestId: string) =>
          fetch(`${base}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${accessToken}`,
              'x-request-id': requestId,
            },
            body: JSON.stringify({ query }),
          });
        const failed = await gql(
          '{ staff(filter: { search: "Probe" }) { totalCount } }',
          'probe-failed',
        );
        expect((await failed.json()).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        // not a plain token: the request gets an id of its own
        const odd = await gql(
          '{ staff(filter: { search: "Probe" }) { totalCount } }',
          'not a token',
        );
        expect((await odd.json()).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        await new Promise((resolve) => setTimeout(resolve, 300)); // the log is written asynchronously

        const lines = server
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Line);
        const ofRequest = (id: string) => lines.filter((line) => line.req?.id === id);
        const request = { id: 'probe-failed', method: 'POST', path: '/graphql' };
        const errors = ofRequest('probe-failed').filter((line) => line.level >= 50);
        expect(errors.length).toBeGreaterThan(0);
        for (const line of errors) expect(line.req).toEqual(request);
        const other = lines.filter(
          (line) =>
            line.level >= 50 && line.req && !['probe-failed', 'probe-fine'].includes(line.req.id),
        );
        expect(other.length).toBeGreaterThan(0);
        for (const line of other) {
          expect(line.req!.id).toMatch(
            /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
          );
        }
        const access = lines.filter((line) => line.res?.statusCode !== undefined);
        if (level === 'info') {
          expect(ofRequest('probe-fine').filter((line) => line.res)).toEqual([
            expect.objectContaining({
              level: 30,
              msg: 'request completed',
              req: { id: 'probe-fine', method: 'GET', path: '/api/dev/people' },
              res: { statusCode: 200 },
            }),
          ]);
          expect(ofRequest('probe-failed').filter((line) => line.res)).toHaveLength(1);
        } else {
          expect(access).toEqual([]);
          expect(ofRequest('probe-fine')).toEqual([]);
        }
      } finally {
        server.child.kill('SIGKILL');
        await database.drop();
      }
    });
  }
});
