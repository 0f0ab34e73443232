import { existsSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SIGNED_IN_TTL_MS } from '../src/identity/signed-in-cache';
import { databaseUrl, freePort, MAIN, run, waitForHealth } from './support/server-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const STARTUP_SECONDS = 150;
const LIVE = `subscription { leaderboardUpdated(window: WEEK) { window changedAt } }`;
const SCIM_TOKEN = randomBytes(32).toString('hex');
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ME = `{ me { id displayName } }`;

interface Instance {
  port: number;
  server: ReturnType<typeof run>;
}

/**
 * Two built servers (dist/main.js) on different ports, one database and one Redis, as they run
 * behind a load balancer (README, "Several instances"). On PostgreSQL this is the deployment; on
 * SQLite the two share one database file (WAL), which proves the same for a single machine.
 */
describe('several instances share one database and one Redis', () => {
  let database: TestDatabase;
  const instances: Instance[] = [];
  // a key prefix of this run's own, so parallel suites never share counts or channels
  const shared = {
    DATABASE_URL: '',
    REDIS_URL,
    REDIS_KEY_PREFIX: `sv-test:${randomUUID()}:`,
    AUTH_MODE: 'dev',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PUBLIC_VERIFY: '4/60',
    RATE_LIMIT_UNAUTHENTICATED: '1000/60',
    SCIM_TOKEN,
  };

  const start = async (env: NodeJS.ProcessEnv): Promise<Instance> => {
    const port = await freePort();
    const server = run({ ...shared, ...env, PORT: String(port) });
    const instance = { port, server };
    instances.push(instance);
    // migrating and seeding the demo on a shared two-core machine can take a minute or more
    await waitForHealth(port, server.output, STARTUP_SECONDS);
    return instance;
  };
  const base = (i: Instance) => `http://127.0.0.1:${i.port}`;
  const signIn = async (i: Instance, staffId: number): Promise<string> => {
    const res = await fetch(`${base(i)}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ staffId: String(staffId) }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const gql = async (i: Instance, token: string, query: string, variables = {}) => {
    const res = await fetch(`${base(i)}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const me = async (i: Instance, token: string) => {
    const res = await fetch(`${base(i)}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ME }),
    });
    return (await res.json()) as {
      data?: { me: { id: string; displayName: string } } | null;
      errors?: { extensions?: { code?: string; reason?: string } }[];
    };
  };
  const scimPatch = async (i: Instance, staffId: number, ...Operations: unknown[]) => {
    const res = await fetch(`${base(i)}/scim/v2/Users/${staffId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/scim+json', Authorization: `Bearer ${SCIM_TOKEN}` },
      body: JSON.stringify({ schemas: [PATCH_OP], Operations }),
    });
    expect(res.status).toBe(200);
  };
  /**
   * Uses the token on `i` until `i` remembers its person (SignedInCache): a first sign-in may write
   * what the token says about them, and what is read before a write is not remembered. Says when the remembered answer was asked for.
   */
  const rememberedBy = async (i: Instance, token: string): Promise<number> => {
    expect((await me(i, token)).errors).toBeUndefined();
    const since = Date.now();
    expect((await me(i, token)).errors).toBeUndefined();
    return since;
  };
  /**
   * Asks `ask` until `done` holds, while the answer the other instance remembered at `since`
   * would still be fresh (SIGNED_IN_TTL_MS): only the eviction it heard can explain a new answer.
   */
  const beforeItWouldExpire = async <T>(
    since: number,
    ask: () => Promise<T>,
    done: (answer: T) => boolean,
  ): Promise<T> => {
    // stop a second short of the expiry, so that an answer that came from it cannot pass
    const until = since + SIGNED_IN_TTL_MS - 1_000;
    let answer = await ask();
    while (!done(answer) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await ask();
    }
    return answer;
  };

  let one: Instance;
  let two: Instance;
  let people: { id: number; isCommsAdmin: boolean }[];

  beforeAll(
    async () => {
      if (!existsSync(MAIN)) {
        throw new Error('dist/main.js is missing: `npm test` builds it (npm run build)');
      }
      database = await createTestDatabase();
      shared.DATABASE_URL = databaseUrl(database);
      // the first migrates and seeds; the second starts on the same, already migrated, database
      one = await start({ SEED_DEMO_DATA: 'true' });
      two = await start({ SEED_DEMO_DATA: 'false' });
      people = (await (await fetch(`${base(two)}/api/dev/people`)).json()) as typeof people;
    },
    2 * STARTUP_SECONDS * 1000 + 30_000,
  );

  afterAll(async () => {
    for (const { server } of instances) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await database?.drop();
  });

  // two colleagues of the demo, each signed in on both instances (a development token is signed
  // by the instance that issued it; Entra ID tokens are accepted by every instance)
  const colleagues = () => people.filter((p) => !p.isCommsAdmin).map((p) => Number(p.id));

  it('a follow made through one instance is seen through the other', async () => {
    const [follower, followee] = colleagues().slice(0, 2);
    const onOne = await signIn(one, follower);
    const onTwo = await signIn(two, follower);
    const COUNT = `query($id: ID!) { staffMember(id: $id) { followerCount } }`;
    const before = (await gql(two, onTwo, COUNT, { id: String(followee) })).staffMember;

    await gql(
      one,
      onOne,
      `mutation($id: ID!) { follow(input: { staffId: $id }) { followee { id } } }`,
      {
        id: String(followee),
      },
    );

    const after = await gql(
      two,
      onTwo,
      `query($id: ID!) { staffMember(id: $id) { followerCount }
         me { following(first: 100) { edges { node { id } } } } }`,
      { id: String(followee) },
    );
    expect(after.staffMember.followerCount).toBe(before.followerCount + 1);
    expect(after.me.following.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      String(followee),
    );
  });

  it('a live leaderboard update published by one reaches a subscriber on the other', async () => {
    const [, , watcher, follower, followee] = colleagues();
    const client = createClient({
      url: `ws://127.0.0.1:${two.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await signIn(two, watcher)}` },
      retryAttempts: 0,
    });
    try {
      let subscribed!: () => void;
      const ready = new Promise<void>((resolve) => (subscribed = resolve));
      const received = new Promise<Record<string, any>>((resolve, reject) => {
        // the subscription is registered once the server has acknowledged the connection
        client.on('connected', () => setTimeout(subscribed, 200));
        client.subscribe(
          { query: LIVE },
          {
            next: (message) => (message.errors ? reject(message.errors) : resolve(message.data!)),
            error: reject,
            complete: () => undefined,
          },
        );
      });
      await ready;
      await gql(
        one,
        await signIn(one, follower),
        `mutation($id: ID!) { follow(input: { staffId: $id }) { followee { id } } }`,
        { id: String(followee) },
      );
      expect((await received).leaderboardUpdated.window).toBe('WEEK');
    } finally {
      await client.dispose();
    }
  });

  it('a person deactivated through one instance is refused by the other at once', async () => {
    const leaver = colleagues()[5];
    const onTwo = await signIn(two, leaver);
    const since = await rememberedBy(two, onTwo);

    await scimPatch(one, leaver, { op: 'Replace', path: 'active', value: 'False' });

    const answer = await beforeItWouldExpire(
      since,
      () => me(two, onTwo),
      (body) => body.errors !== undefined,
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ACCOUNT_DEACTIVATED',
    });
  });

  it('a change of name made through one instance is what the other signs the person in as', async () => {
    const mover = colleagues()[6];
    const onTwo = await signIn(two, mover);
    const since = await rememberedBy(two, onTwo);
    const before = (await me(two, onTwo)).data!.me.displayName;
    const renamed = `${before} (renamed ${randomUUID().slice(0, 6)})`;

    await scimPatch(one, mover, { op: 'Replace', path: 'displayName', value: renamed });

    const answer = await beforeItWouldExpire(
      since,
      () => me(two, onTwo),
      (body) => body.data?.me.displayName !== before,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me.displayName).toBe(renamed);
  });

  it('rate limits are shared: a budget spent on both is refused by both', async () => {
    const verify = async (i: Instance) =>
      (await fetch(`${base(i)}/api/verify?url=${encodeURIComponent('https://x.com/NHSEngland')}`))
        .status;
    // four checks allowed a minute from one address, whichever instance answers
    for (const i of [one, two, one, two]) expect(await verify(i)).not.toBe(429);
    expect(await verify(one)).toBe(429);
    expect(await verify(two)).toBe(429);
  });
});
