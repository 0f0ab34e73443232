import { createClient, Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIVE = `subscription { leaderboardUpdated(window: WEEK) { window campaignId changedAt } }`;

function urlOf(t: TestApp): string {
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `ws://127.0.0.1:${port}/graphql`;
}

/** Subscribes and resolves with the first update, or rejects with the first error. */
function firstUpdate(client: Client): {
  received: Promise<Record<string, any>>;
  ready: Promise<void>;
} {
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const received = new Promise<Record<string, any>>((resolve, reject) => {
    client.on('connected', () => setTimeout(ready, 200));
    const unsubscribe = client.subscribe(
      { query: LIVE },
      {
        next: (message) => {
          if (message.errors) reject(message.errors);
          else resolve(message.data!);
          unsubscribe();
        },
        error: reject,
        complete: () => undefined,
      },
    );
  });
  return { received, ready: readyPromise };
}

describe('leaderboardUpdated', () => {
  const apps: TestApp[] = [];
  const clients: Client[] = [];
  const app = async (env: NodeJS.ProcessEnv = {}) => {
    const t = await createTestApp(env, { listen: true });
    apps.push(t);
    return t;
  };
  const client = (t: TestApp, authorization?: string) => {
    const c = createClient({
      url: urlOf(t),
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : {},
      retryAttempts: 0,
    });
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all(apps.map((t) => t.close()));
  });

  it('tells a signed-in subscriber when a board changes', async () => {
    const t = await app();
    const world = new World(t);
    const me = await world.newPerson();
    const { received, ready } = firstUpdate(client(t, `Bearer ${t.tokenFor(me)}`));
    await ready;
    await world.follow(await world.newPerson(), me);
    const update = await received;
    expect(update.leaderboardUpdated).toMatchObject({ window: 'WEEK', campaignId: null });
  });

  it('refuses a subscriber without a token', async () => {
    const t = await app();
    const { received } = firstUpdate(client(t));
    await expect(received).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
  });

  it('through Redis, a subscriber on one instance hears a change made on another', async () => {
    const shared = { REDIS_URL, REDIS_KEY_PREFIX: `sv-test:${randomUUID()}:` };
    // the later instance watches: Passport's strategy registry is one per process
    const [one, two] = [await app(shared), await app(shared)];
    const watcher = await new World(two).newPerson();
    const { received, ready } = firstUpdate(client(two, `Bearer ${two.tokenFor(watcher)}`));
    await ready;
    const elsewhere = new World(one);
    await elsewhere.follow(await elsewhere.newPerson(), await elsewhere.newPerson());
    expect((await received).leaderboardUpdated.window).toBe('WEEK');
  });
});
