import { randomUUID } from 'node:crypto';
import { createConnection, createServer, Server, Socket } from 'node:net';
import Redis from 'ioredis';
import { TransactionRunner } from '../src/database/transaction-runner';
import { SIGNED_IN_EVICTIONS, SIGNED_IN_TTL_MS } from '../src/identity/signed-in-cache';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ME = `query { me { id displayName } }`;
// ioredis waits up to 5 s between attempts to reconnect; a few of those
const RECONNECT_MS = 20_000;

/** Passes TCP through to Redis until cut: what Redis going away looks like to one instance. */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private server?: Server;
  port = 0;

  constructor(private readonly target: URL) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.cut) return void client.destroy();
      const upstream = createConnection(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
  }

  /** Drops every connection and refuses new ones. */
  sever(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  async stop(): Promise<void> {
    this.sever();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/**
 * One instance's signed-in cache (SignedInCache) against what other instances do: they write the
 * same database and publish their evictions through Redis. Here the test is the other instance:
 * it changes a person's row itself and publishes, or does not, through a Redis of its own.
 */
describe('several instances: the signed-in person is evicted everywhere', () => {
  const prefix = `sv-test:${randomUUID()}:`;
  const proxy = new CuttableProxy(new URL(REDIS_URL));
  let otherInstance: Redis;
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    await proxy.start();
    otherInstance = new Redis(REDIS_URL);
    t = await createTestApp({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      REDIS_KEY_PREFIX: prefix,
    });
    world = new World(t);
    // start-up waits for the connections; the subscription follows at once
    await hearing();
  });
  afterAll(async () => {
    await t.close();
    otherInstance.disconnect();
    await proxy.stop();
  });

  const me = async (token: string) => {
    const body = await t.gql<{ me: { id: string; displayName: string } }>(ME, {}, { token });
    return { name: body.data?.me.displayName, code: body.errors?.[0].extensions?.code };
  };
  /** A token whose person the app now remembers (the first use may write what the token says). */
  const remembered = async (person: StaffMember) => {
    const token = t.tokenFor(person);
    expect((await me(token)).code).toBeUndefined();
    const since = Date.now();
    expect((await me(token)).code).toBeUndefined();
    return { token, since };
  };
  /** What another instance writes: the row itself, and no word to this one. */
  const writeElsewhere = (person: StaffMember, changes: Partial<StaffMember>) =>
    // the app's write path (reads use a read-only connection), past StaffService: nothing evicted
    t.app.get(TransactionRunner).run((tx) => tx.update(StaffMember, { id: person.id }, changes));
  const renameElsewhere = (person: StaffMember, displayName: string) =>
    writeElsewhere(person, { displayName });
  const deactivateElsewhere = (person: StaffMember) => writeElsewhere(person, { active: false });
  const publishEviction = (staffIds: number[]) =>
    otherInstance.publish(`${prefix}${SIGNED_IN_EVICTIONS}`, JSON.stringify({ staffIds }));
  /** Asks until `done`, while the answer remembered at `since` would still be fresh. */
  const beforeItWouldExpire = async <T>(
    since: number,
    ask: () => Promise<T>,
    done: (a: T) => boolean,
  ) => {
    let answer = await ask();
    while (!done(answer) && Date.now() < since + SIGNED_IN_TTL_MS) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await ask();
    }
    return answer;
  };
  /** Until the app remembers people again: a row changed elsewhere, unannounced, is not yet seen. */
  async function hearing(): Promise<void> {
    const giveUpAt = Date.now() + RECONNECT_MS;
    for (;;) {
      const person = await world.newPerson({ displayName: 'Probe' });
      const { token } = await remembered(person);
      await renameElsewhere(person, 'Probe renamed');
      if ((await me(token)).name === 'Probe') return;
      if (Date.now() > giveUpAt) throw new Error('the app never heard Redis again');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('keeps a remembered person until told, and drops them as soon as another instance says so', async () => {
    const person = await world.newPerson({ displayName: 'Ann Before' });
    const { token, since } = await remembered(person);
    await renameElsewhere(person, 'Ann After');
    // the premise: without a word from the other instance, the remembered person answers
    expect((await me(token)).name).toBe('Ann Before');

    await publishEviction([person.id]);

    const answer = await beforeItWouldExpire(
      since,
      () => me(token),
      (a) => a.name !== 'Ann Before',
    );
    expect(answer.name).toBe('Ann After');
  });

  it('refuses a person another instance deactivated, once it says so', async () => {
    const leaver = await world.newPerson();
    const { token, since } = await remembered(leaver);
    await deactivateElsewhere(leaver);
    await publishEviction([leaver.id]);

    const answer = await beforeItWouldExpire(
      since,
      () => me(token),
      (a) => a.code !== undefined,
    );
    expect(answer.code).toBe('UNAUTHENTICATED');
  });

  it('remembers no one while it cannot hear the other instances, and again once it can', async () => {
    const leaver = await world.newPerson();
    const before = await remembered(leaver);

    proxy.sever();
    // no word can arrive: losing the subscription dropped what it remembered
    await deactivateElsewhere(leaver);
    const refused = await beforeItWouldExpire(
      before.since,
      () => me(before.token),
      (a) => a.code !== undefined,
    );
    expect(refused.code).toBe('UNAUTHENTICATED');
    // and it keeps nothing meanwhile: a change made elsewhere shows on the very next request
    const person = await world.newPerson({ displayName: 'Bea Before' });
    const { token } = await remembered(person);
    await renameElsewhere(person, 'Bea After');
    expect((await me(token)).name).toBe('Bea After');

    proxy.restore();
    await hearing();
    // subscribed again: another instance's word arrives as before
    const again = await world.newPerson({ displayName: 'Cy Before' });
    const later = await remembered(again);
    await renameElsewhere(again, 'Cy After');
    await publishEviction([again.id]);
    const renamed = await beforeItWouldExpire(
      later.since,
      () => me(later.token),
      (a) => a.name !== 'Cy Before',
    );
    expect(renamed.name).toBe('Cy After');
  });
});
