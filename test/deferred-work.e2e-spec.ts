import type { EntityManager } from 'typeorm';
import { DeferredDrainer, inDeferredDrain } from '../src/database/deferred-drainer';
import { DerivedState } from '../src/database/derived-state';
import { TransactionRunner } from '../src/database/transaction-runner';
import { LeaderboardService } from '../src/leaderboard/leaderboard.service';
import type { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { recordStatements } from './support/statements';
import { World } from './support/world';

const MINE = /* GraphQL */ `
  query {
    myLeaderboardPosition(window: WEEK) {
      score
      breakdown {
        component
        points
      }
    }
  }
`;

const scoreOf = async (t: TestApp, person: StaffMember): Promise<number> => {
  const res = await t.gql(MINE, {}, person);
  expect(res.errors).toBeUndefined();
  return res.data!.myLeaderboardPosition.score as number;
};

const queued = async (t: TestApp): Promise<number> => {
  const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM deferred_work');
  return Number(row.n);
};

/** Every board and score, incrementally kept, against a rebuild from scratch. */
const expectIncrementalEqualsRecompute = async (t: TestApp) => {
  const leaderboard = t.app.get(LeaderboardService);
  const transactions = t.app.get(TransactionRunner);
  const incremental = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
  await transactions.run((tx) => leaderboard.recomputeAll(tx));
  const rebuilt = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
  expect(rebuilt.length).toBeGreaterThan(0);
  expect(incremental).toEqual(rebuilt);
};

describe('deferred work: the leaderboard re-scores a follow after commit', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });

  afterAll(() => t.close());

  it('a follow writes the follow, its counters and one queued key set; the board follows once drained', async () => {
    const organisation = await world.newOrganisation();
    const [fan, star] = [
      await world.newPerson({ organisationId: organisation.id }),
      await world.newPerson({ organisationId: organisation.id }),
    ];
    const before = await scoreOf(t, star);
    const drainer = t.app.get(DeferredDrainer);
    await t.drained();
    await drainer.stop();
    try {
      const { texts } = await recordStatements(t.dataSource, () => world.follow(fan, star));
      const writes = texts.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)/i.test(sql));
      expect(writes.map((sql) => sql.match(/^\s*\w+\s+(?:INTO|FROM)?\s*"?(\w+)/i)![1])).toEqual([
        'follows',
        'deferred_work',
        'follow_stats',
      ]);
      expect(texts.filter((sql) => /leaderboard_|badges/.test(sql))).toEqual([]);
      // the board has not moved yet: the re-scoring is queued, not done
      expect(await scoreOf(t, star)).toBe(before);
      expect(await queued(t)).toBe(2);
    } finally {
      drainer.start();
    }
    await t.drained();
    expect(await scoreOf(t, star)).toBeGreaterThan(before);
    expect(await queued(t)).toBe(0);
  });

  it('many follows at once share a few re-scorings and end equal to a full recompute', async () => {
    const organisation = await world.newOrganisation();
    const people: StaffMember[] = [];
    for (let i = 0; i < 8; i++) {
      people.push(await world.newPerson({ organisationId: organisation.id }));
    }
    await Promise.all(
      people.flatMap((a, i) =>
        people.filter((_, j) => (i + j) % 3 === 0 && i !== j).map((b) => world.follow(a, b)),
      ),
    );
    await t.drained();
    expect(await queued(t)).toBe(0);
    await expectIncrementalEqualsRecompute(t);
  });

  it('keys committed while a drain waits for the writer are all in its batch, and no drain follows for them', async () => {
    const organisation = await world.newOrganisation();
    const fan = await world.newPerson({ organisationId: organisation.id });
    const stars: StaffMember[] = [];
    for (let i = 0; i < 4; i++) {
      stars.push(await world.newPerson({ organisationId: organisation.id }));
    }
    await t.drained();
    // the drain's transaction is held before it asks for the writer, as SQLite's queue holds it
    // behind requests, while more follows commit
    const transactions = t.app.get(TransactionRunner);
    const run = transactions.run.bind(transactions);
    let asked!: () => void;
    const drainAsked = new Promise<void>((resolve) => (asked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const batches: unknown[] = [];
    transactions.run = (async (work, options) => {
      if (!inDeferredDrain()) return run(work, options);
      asked();
      await released;
      return run(async (tx) => {
        const taken = await work(tx);
        batches.push(taken);
        return taken;
      }, options);
    }) as TransactionRunner['run'];
    try {
      await world.follow(fan, stars[0]);
      await drainAsked;
      for (const star of stars.slice(1)) await world.follow(fan, star);
      release();
      await t.drained();
    } finally {
      delete (transactions as { run?: unknown }).run;
    }
    // the fan and four stars, in one re-scoring; no second drain for the keys it already took
    expect(batches).toEqual([5]);
    expect(await queued(t)).toBe(0);
  });
});

describe('deferred work survives a crash', () => {
  it('keys queued but never drained (the instance stopped) are drained when the next one boots', async () => {
    const first = await createTestApp({}, { keepDatabase: true });
    let second: TestApp | null = null;
    try {
      const world = new World(first);
      const organisation = await world.newOrganisation();
      const [fan, star] = [
        await world.newPerson({ organisationId: organisation.id }),
        await world.newPerson({ organisationId: organisation.id }),
      ];
      const before = await scoreOf(first, star);
      await first.drained();
      await first.app.get(DeferredDrainer).stop();
      await world.follow(fan, star);
      expect(await queued(first)).toBe(2);
      expect(await scoreOf(first, star)).toBe(before);
      await first.close();

      second = await createTestApp({}, { database: first.database });
      await second.drained();
      expect(await queued(second)).toBe(0);
      expect(await scoreOf(second, star)).toBeGreaterThan(before);
      await expectIncrementalEqualsRecompute(second);
    } finally {
      if (second) await second.close();
      else await first.database.drop();
    }
  });
});

describe('deferred work with two instances on one PostgreSQL database', () => {
  it('both drain, neither takes a key the other has, and the boards equal a full recompute', async () => {
    const one = await createTestApp({}, { keepDatabase: true });
    // two in-process writers on one SQLite file would block each other's event loop: on SQLite
    // there is one instance's queue of transactions (several-instances.e2e-spec.ts runs two
    // processes on one file)
    if (one.database.kind !== 'postgres') {
      await one.close();
      await one.database.drop();
      return;
    }
    const two = await createTestApp({}, { database: one.database, keepDatabase: true });
    try {
      const [w1, w2] = [new World(one), new World(two)];
      const organisation = await w1.newOrganisation();
      const people: StaffMember[] = [];
      for (let i = 0; i < 10; i++) {
        people.push(await w1.newPerson({ organisationId: organisation.id }));
      }
      // each instance follows for half the people, at once, so both drainers run side by side
      await Promise.all(
        people.flatMap((a, i) =>
          people
            .filter((b, j) => b !== a && (i * 7 + j) % 4 === 0)
            .map((b, k) => (k % 2 ? w1 : w2).follow(a, b)),
        ),
      );
      await Promise.all([one.drained(), two.drained()]);
      expect(await queued(one)).toBe(0);
      await expectIncrementalEqualsRecompute(one);
    } finally {
      await two.close();
      await one.close();
      await one.database.drop();
    }
  });
});

describe('a drain commits without waiting for the disk; every other write waits for it', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });

  afterAll(() => t.close());

  /** SQLite: PRAGMA synchronous (2 FULL, 1 NORMAL); PostgreSQL: synchronous_commit. */
  const durability = async (tx: EntityManager): Promise<string> => {
    if (t.dataSource.options.type === 'postgres') {
      const [row] = await tx.query('SHOW synchronous_commit');
      return row.synchronous_commit === 'off' ? 'no wait' : 'waits';
    }
    const [row] = await tx.query('PRAGMA synchronous');
    return Number(row.synchronous) === 1 ? 'no wait' : 'waits';
  };

  it("a drain's transaction does not wait for the disk, and the writes around it do", async () => {
    const derived = t.app.get(DerivedState);
    const transactions = t.app.get(TransactionRunner);
    const seen: string[] = [];
    const probe = derived.deferred('durability probe', async (tx) => {
      seen.push(await durability(tx));
    });
    derived.later('follows', probe, (changes) => changes.map((c) => c.followerId));
    const [fan, star] = [await world.newPerson(), await world.newPerson()];
    const followSeen: string[] = [];
    await transactions.run(async (tx) => {
      followSeen.push(await durability(tx));
    });
    await world.follow(fan, star);
    await t.drained();
    await transactions.run(async (tx) => {
      followSeen.push(await durability(tx));
    });
    expect({ drain: seen, others: followSeen }).toEqual({
      drain: ['no wait'],
      others: ['waits', 'waits'],
    });
  });
});
