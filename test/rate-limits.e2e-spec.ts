import { randomBytes, randomUUID } from 'node:crypto';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';
import { databaseUrl, freePort, run } from './support/server-process';
import { createTestDatabase } from './support/test-database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SCIM_TOKEN = randomBytes(32).toString('hex');

const ADD = `mutation($input: AddSocialAccountInput!) {
  addSocialAccount(input: $input) { account { id } } }`;

describe.each([
  ['in memory', false],
  ['shared through Redis', true],
])('rate limits, %s', (_store, redis) => {
  // a key prefix of each app's own, so runs and suites never share counts by accident
  const store = (prefix = `sv-test:${randomUUID()}:`) =>
    redis ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {};
  const apps: TestApp[] = [];
  const app = async (env: NodeJS.ProcessEnv) => {
    const t = await createTestApp({ SCIM_TOKEN, ...store(), ...env });
    apps.push(t);
    return t;
  };
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  const expectRetryAfter = (res: { headers: Record<string, string> }) => {
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  };

  it('per address: 429 with Retry-After on /api, /graphql and /scim, and /health answers', async () => {
    const t = await app({ RATE_LIMIT_PER_ADDRESS: '4/60' });
    for (let i = 0; i < 4; i++) expect((await t.http().get('/api/client-config')).status).toBe(200);
    const api = await t.http().get('/api/client-config');
    expect(api.status).toBe(429);
    expectRetryAfter(api);
    expect(api.body).toEqual({
      error: 'RATE_LIMITED',
      message: expect.stringMatching(/Too many requests/),
    });
    const gql = await t
      .http()
      .post('/graphql')
      .set({ 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' })
      .send({ query: '{ __typename }' });
    expect(gql.status).toBe(429);
    expectRetryAfter(gql);
    expect(JSON.parse(gql.text).errors[0].extensions.code).toBe('RATE_LIMITED');
    const scim = await t.http().get('/scim/v2/Users').set('Authorization', `Bearer ${SCIM_TOKEN}`);
    expect(scim.status).toBe(429);
    expect(JSON.parse(scim.text)).toMatchObject({ status: '429' });
    expect((await t.http().get('/health')).status).toBe(200);
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });

  it('per person: a GraphQL request counts once, and each person has their own budget', async () => {
    const t = await app({ RATE_LIMIT_PER_PERSON: '3/60' });
    const world = new World(t);
    const [ann, bob] = [await world.newPerson(), await world.newPerson()];
    for (let i = 0; i < 3; i++) {
      // three root fields, one request
      expect(
        (await t.gql('{ a: me { id } b: me { id } c: me { id } }', {}, ann)).errors,
      ).toBeUndefined();
    }
    const res = await t
      .http()
      .post('/graphql')
      .set({ 'Content-Type': 'application/json', Authorization: `Bearer ${t.tokenFor(ann)}` })
      .send({ query: '{ me { id } }' });
    expect(res.status).toBe(429);
    expectRetryAfter(res);
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect((await t.gql('{ me { id } }', {}, bob)).data).toEqual({ me: { id: String(bob.id) } });
  });

  it('is tighter for public routes with nobody signed in than for people', async () => {
    const t = await app({ RATE_LIMIT_UNAUTHENTICATED: '2/60' });
    const me = await new World(t).newPerson();
    expect((await t.http().get('/api/dev/people')).status).toBe(200);
    expect((await t.http().get('/api/dev/people')).status).toBe(200);
    const third = await t.http().get('/api/dev/people');
    expect(third.status).toBe(429);
    expectRetryAfter(third);
    // the same address, signed in; and the web client's configuration, asked on every page load
    expect((await t.gql('{ me { id } }', {}, me)).errors).toBeUndefined();
    expect((await t.http().get('/api/client-config')).status).toBe(200);
  });

  it('limits "handle taken" probes per person', async () => {
    const t = await app({ RATE_LIMIT_HANDLE_CLAIMS: '3/900' });
    const world = new World(t);
    const [owner, prober] = [await world.newPerson(), await world.newPerson()];
    const handle = `hidden${randomUUID().slice(0, 6)}`;
    const input = { platform: 'INSTAGRAM', handle, visibility: 'ONLY_ME', purpose: 'PERSONAL' };
    expect((await t.gql(ADD, { input }, owner)).errors).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const taken = await t.gql(ADD, { input }, prober);
      expect(taken.errors![0].extensions!.code).not.toBe('RATE_LIMITED');
    }
    const limited = await t.gql(ADD, { input }, prober);
    expect(limited.errors![0].extensions!.code).toBe('RATE_LIMITED');
  });

  it('limits handle previews per person, each alias a preview', async () => {
    const t = await app({ RATE_LIMIT_HANDLE_PREVIEWS: '3/60' });
    const me = await new World(t).newPerson();
    const preview = (alias: string) =>
      `${alias}: socialHandlePreview(platform: X, input: "@someone") { valid }`;
    expect((await t.gql(`{ ${preview('a')} }`, {}, me)).errors).toBeUndefined();
    const aliased = await t.gql(`{ ${['b', 'c', 'd'].map(preview).join(' ')} }`, {}, me);
    expect(aliased.errors!.map((error) => error.extensions!.code)).toEqual(['RATE_LIMITED']);
  });

  it('after too many wrong SCIM tokens, refuses that address even the right one', async () => {
    const t = await app({ RATE_LIMIT_SCIM_AUTH_FAILURES: '3/900' });
    const scim = (token: string) =>
      t.http().get('/scim/v2/Users').set('Authorization', `Bearer ${token}`);
    expect((await scim(SCIM_TOKEN)).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await scim(randomBytes(32).toString('hex'))).status).toBe(401);
    const blocked = await scim(SCIM_TOKEN);
    expect(blocked.status).toBe(429);
    expectRetryAfter({
      headers: { 'retry-after': String(Math.min(60, Number(blocked.headers['retry-after']))) },
    });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(JSON.parse(blocked.text)).toMatchObject({ status: '429' });
  });

  it('counts the address the trusted proxy forwards (TRUST_PROXY), and only a trusted one', async () => {
    const get = (t: TestApp, from: string) =>
      t.http().get('/api/client-config').set('X-Forwarded-For', from);
    // the default trusts a proxy on this machine: each forwarded client has its own budget
    const behindLocal = await app({ RATE_LIMIT_PER_ADDRESS: '1/60' });
    expect((await get(behindLocal, '203.0.113.1')).status).toBe(200);
    expect((await get(behindLocal, '203.0.113.2')).status).toBe(200);
    expect((await get(behindLocal, '203.0.113.1')).status).toBe(429);
    // a load balancer elsewhere is trusted only when named; then a local caller's header is not
    const elsewhere = await app({ RATE_LIMIT_PER_ADDRESS: '1/60', TRUST_PROXY: '10.0.0.0/8' });
    expect((await get(elsewhere, '203.0.113.1')).status).toBe(200);
    expect((await get(elsewhere, '203.0.113.2')).status).toBe(429);
  });

  if (redis) {
    it('shares one budget between instances', async () => {
      const shared = {
        REDIS_KEY_PREFIX: `sv-test:${randomUUID()}:`,
        RATE_LIMIT_PER_ADDRESS: '4/60',
      };
      const first = await app(shared);
      const second = await app(shared);
      for (const t of [first, second, first, second]) {
        expect((await t.http().get('/api/client-config')).status).toBe(200);
      }
      expect((await first.http().get('/api/client-config')).status).toBe(429);
      expect((await second.http().get('/api/client-config')).status).toBe(429);
    });
  }
});

describe('REDIS_URL set but Redis unreachable', () => {
  it('says so clearly at start-up, and limits from memory', async () => {
    const t = await createTestApp({
      REDIS_URL: 'redis://127.0.0.1:1',
      RATE_LIMIT_PER_ADDRESS: '2/60',
    });
    try {
      expect((await t.http().get('/api/client-config')).status).toBe(200);
      expect((await t.http().get('/api/client-config')).status).toBe(200);
      expect((await t.http().get('/api/client-config')).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('prints one clear line when the server starts', async () => {
    const port = await freePort();
    const database = await createTestDatabase();
    const server = run({
      PORT: String(port),
      REDIS_URL: 'redis://:secret@127.0.0.1:1',
      DATABASE_URL: databaseUrl(database),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
    });
    try {
      for (let i = 0; i < 300 && !/Redis at/.test(server.output()); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(server.output()).toMatch(
        /Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 is unreachable \(.+\): rate limits are counted in this instance's memory/,
      );
      expect(server.output()).not.toContain('secret');
    } finally {
      server.child.kill('SIGKILL');
      await database.drop();
    }
  });
});
