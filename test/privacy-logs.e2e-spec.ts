import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { databaseUrl, freePort, MAIN, run, waitForHealth } from './support/server-process';
import { createTestDatabase } from './support/test-database';

const SCIM_TOKEN = randomBytes(32).toString('hex');

/**
 * Nothing personal in the logs: the real server process, at its most talkative level, through
 * provisioning, sign-in, profile edits, failing requests and erasure; then its whole output is
 * searched for the person's name, e-mail, handles and oid.
 */
describe('server logs', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run npm run build:server');
  });

  it('carry no name, e-mail, handle or oid of anyone', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const server = run({
      PORT: String(port),
      DATABASE_URL: databaseUrl(database),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'trace',
      SCIM_TOKEN,
    });
    const base = `http://127.0.0.1:${port}`;
    const tag = randomBytes(4).toString('hex');
    const given = `Ottoline${tag}`;
    const family = `Brackenbury${tag}`;
    const email = `ob.${tag}@example.nhs.uk`;
    const handle = `obx${tag}`;
    const renamed = `Marigold${tag}`;
    try {
      await waitForHealth(port, server.output);
      const scim = (method: string, path: string, body: unknown) =>
        fetch(`${base}/scim/v2${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${SCIM_TOKEN}`,
            'Content-Type': 'application/scim+json',
          },
          body: JSON.stringify(body),
        });
      const user = {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: email,
        displayName: `${given} ${family}`,
        name: { givenName: given, familyName: family },
        emails: [{ value: email, primary: true }],
        active: true,
      };
      const created = await scim('POST', '/Users', user);
      expect(created.status).toBe(201);
      const { id } = await created.json();
      // provisioning the same person twice: refused, and the refusal is logged
      expect((await scim('POST', '/Users', user)).status).toBe(409);
      await fetch(`${base}/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`, {
        headers: { Authorization: `Bearer ${SCIM_TOKEN}` },
      });

      const signIn = await fetch(`${base}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ staffId: Number(id) }),
      });
      const { accessToken } = await signIn.json();
      const oid = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).oid;
      const gql = async (query: string, variables: Record<string, unknown> = {}) => {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/graphql-response+json',
            Authorization: `Bearer ${accessToken}`,
          },
          body: JSON.stringify({ query, variables }),
        });
        return res.json();
      };

      expect((await gql('{ me { id } }')).data.me.id).toBe(id);
      const edited = await gql(
        'mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { staffMember { displayName } } }',
        { input: { displayName: renamed, bio: `Hello, I am ${given} (${email})` } },
      );
      expect(edited.errors).toBeUndefined();
      const ADD = `mutation ($input: AddSocialAccountInput!) { addSocialAccount(input: $input) { account { id } } }`;
      const account = {
        platform: 'X',
        handle: `@${handle}`,
        purpose: 'PROFESSIONAL',
        visibility: 'NHS_DIRECTORY',
      };
      expect((await gql(ADD, { input: account })).errors).toBeUndefined();
      // failing requests: a taken handle, a name where an id belongs, a query that does not parse
      expect((await gql(ADD, { input: account })).errors).toBeDefined();
      expect(
        (await gql('query ($id: ID!) { staffMember(id: $id) { id } }', { id: given })).errors,
      ).toBeDefined();
      expect(
        (await gql(`{ staff(filter: { search: "${family}" }) { totalCount } `)).errors,
      ).toBeDefined();
      await fetch(`${base}/api/me/export?who=${encodeURIComponent(email)}`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      const erased = await gql(
        'mutation ($input: EraseMyDataInput!) { eraseMyData(input: $input) { erased } }',
        { input: { confirm: 'ERASE' } },
      );
      expect(erased.data).toEqual({ eraseMyData: { erased: true } });
      expect((await gql('{ me { id } }')).errors[0].extensions.reason).toBe('ACCOUNT_ERASED');

      server.child.kill('SIGTERM');
      const { output } = await server.exited;
      expect(output).toMatch(/"statusCode"/); // the requests were logged
      const lower = output.toLowerCase();
      for (const needle of [given, family, email, handle, renamed, oid, accessToken.slice(0, 40)]) {
        expect({ needle, found: lower.includes(needle.toLowerCase()) }).toEqual({
          needle,
          found: false,
        });
      }
    } finally {
      server.child.kill('SIGKILL');
      await database.drop();
    }
  });
});
