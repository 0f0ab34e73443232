import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './support/create-test-app';
import { databaseUrl, execSql, freePort, run, waitForHealth } from './support/server-process';
import { createTestDatabase } from './support/test-database';

const SCIM_TOKEN = randomBytes(32).toString('hex');
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_MODE: 'entra',
  ENTRA_TENANT_IDS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  ENTRA_AUDIENCES: 'api://staff-voices',
  ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  ENTRA_API_SCOPE: 'api://staff-voices/access_as_user',
  ENTRA_AUTHORITY: 'https://login.example.nhs.uk',
};

describe('HTTP hardening', () => {
  let dev: TestApp;
  let production: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'staff-voices-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Staff Voices</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'app.js.map'), '{"version":3}');
    dev = await createTestApp({ SCIM_TOKEN, WEB_ROOT: webRoot });
    production = await createTestApp({ ...PRODUCTION, SCIM_TOKEN, WEB_ROOT: webRoot });
  });
  afterAll(async () => {
    await dev.close();
    await production.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  describe('security headers', () => {
    it.each([['/'], ['/graphql'], ['/api/client-config'], ['/health'], ['/scim/v2/Users']])(
      'are on %s',
      async (path) => {
        const res = await production.http().get(path);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-frame-options']).toBe('DENY');
        const csp = res.headers['content-security-policy'];
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        // MSAL fetches discovery and tokens from the authority
        expect(csp).toContain(
          "connect-src 'self' https://login.example.nhs.uk https://login.microsoftonline.com;",
        );
        expect(csp).toContain('frame-src https://login.example.nhs.uk;');
        expect(res.headers['strict-transport-security']).toBe(
          'max-age=31536000; includeSubDomains',
        );
      },
    );

    it('leave out HSTS and upgrade-insecure-requests in development (http://127.0.0.1)', async () => {
      const res = await dev.http().get('/');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['content-security-policy']).toContain(
        "connect-src 'self' https://login.microsoftonline.com;",
      );
    });
  });

  describe('GraphQL answers', () => {
    it.each([
      ['an answer', '{ __typename }'],
      ['a refusal', '{ me { id } }'],
      ['an invalid query', '{ noSuchField }'],
    ])(
      'are never stored by a browser or a proxy: %s carries Cache-Control: no-store',
      async (_, query) => {
        for (const app of [dev, production]) {
          const res = await app
            .http()
            .post('/graphql')
            .set('content-type', 'application/json')
            .send({ query });
          expect(res.headers['cache-control']).toBe('no-store');
        }
      },
    );

    it('carry no ETag: nothing stored, nothing to revalidate (SCIM says it supports none)', async () => {
      const res = await dev
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ __typename }' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBeUndefined();
    });
  });

  describe('bodies', () => {
    const tooLarge = JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(1_100_000)}` });

    it.each([
      ['/graphql', 'application/json'],
      ['/api/dev/sign-in', 'application/json'],
      ['/scim/v2/Users', 'application/json'],
      ['/scim/v2/Users', 'application/scim+json'],
    ])('over the limit answer 413 at %s (%s)', async (path, type) => {
      const res = await dev
        .http()
        .post(path)
        .set({ 'Content-Type': type, Authorization: `Bearer ${SCIM_TOKEN}` })
        .send(tooLarge);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.text)).toEqual(
        path === '/graphql'
          ? {
              errors: [
                {
                  message: expect.stringMatching(/over the limit/),
                  extensions: { code: 'PAYLOAD_TOO_LARGE' },
                },
              ],
            }
          : path.startsWith('/scim')
            ? expect.objectContaining({
                status: '413',
                detail: expect.stringMatching(/over the limit/),
              })
            : { error: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/over the limit/) },
      );
    });

    it.each([
      ['/graphql', 'application/json'],
      ['/api/dev/sign-in', 'application/json'],
      ['/scim/v2/Users', 'application/json'],
      ['/scim/v2/Users', 'application/scim+json'],
    ])('that are not JSON answer 400 at %s (%s)', async (path, type) => {
      const res = await dev
        .http()
        .post(path)
        .set({ 'Content-Type': type, Authorization: `Bearer ${SCIM_TOKEN}` })
        .send('{"query": "{ me { id } }"');
      expect(res.status).toBe(400);
      const body = JSON.parse(res.text);
      if (path === '/graphql') expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
      else if (path.startsWith('/scim'))
        expect(body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
      else expect(body).toEqual({ error: 'BAD_REQUEST', message: 'The body is not valid JSON' });
    });
  });

  describe('production', () => {
    it('serves no source maps', async () => {
      expect((await production.http().get('/app.js')).status).toBe(200);
      expect((await production.http().get('/app.js.map')).status).toBe(404);
      expect((await dev.http().get('/app.js.map')).status).toBe(200);
    });

    it('gives no "Did you mean" suggestions', async () => {
      const query = '{ staf(first: 1) { totalCount } }';
      const inDev = await dev.gql(query);
      expect(inDev.errors![0].message).toMatch(/Did you mean "staff"/);
      const inProduction = await production.gql(query);
      expect(inProduction.errors![0].message).toBe('Cannot query field "staf" on type "Query".');
    });
  });
});

describe('a failed query in the log', () => {
  it('carries the SQL statement, never the values bound to it', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const server = run({
      PORT: String(port),
      DATABASE_URL: databaseUrl(database),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
    });
    try {
      await waitForHealth(port, server.output);
      const base = `http://127.0.0.1:${port}`;
      // someone to sign in as (their name is bound to the statements that then fail), and a
      // column the statements need gone
      const rename = 'ALTER TABLE staff_members RENAME COLUMN search_text TO search_text_moved';
      const insert =
        "INSERT INTO staff_members (display_name, tenant_id, object_id, active) VALUES ('Zebedee Quixotic', '00000000-0000-0000-0000-000000000000', 'log-probe', true)";
      await execSql(database, [insert, rename]);
      const people = await (await fetch(`${base}/api/dev/people`)).json();
      const { accessToken } = await (
        await fetch(`${base}/api/dev/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ staffId: people[0].id }),
        })
      ).json();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({
          query: '{ staff(filter: { search: "Quixotic" }) { totalCount } }',
        }),
      });
      expect((await res.json()).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      await new Promise((resolve) => setTimeout(resolve, 300)); // the log is written asynchronously
      const output = server.output();
      expect(output).toMatch(/search_text/); // the statement is there
      expect(output.toLowerCase()).not.toContain('zebedee');
      expect(output.toLowerCase()).not.toContain('quixotic');
    } finally {
      server.child.kill('SIGKILL');
      await database.drop();
    }
  });
});
