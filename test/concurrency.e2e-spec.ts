import { lockOwnerRow } from '../src/database/locks';
import { TransactionRunner } from '../src/database/transaction-runner';
import { StaffMember } from '../src/staff/staff-member.entity';
import { MAX_ACCOUNTS_PER_PERSON } from '../src/social-accounts/social-accounts.service';
import { World } from './support/world';
import { createTestApp, GraphQLResponse, TestApp } from './support/create-test-app';

// Every check-then-write rule must hold when requests race: each test fires many requests at
// once over HTTP (Promise.all through the real app) and checks the exact state they leave. On
// PostgreSQL they run side by side at READ COMMITTED; on SQLite they queue for the one writer.

const ADD = `mutation ($input: AddSocialAccountInput!) { addSocialAccount(input: $input) { account { id } } }`;
const SET_LEADER = `mutation ($input: SetLeaderInput!) { setLeader(input: $input) { leader { featuredOrder } } }`;
const REMOVE_LEADER = `mutation ($input: RemoveLeaderInput!) { removeLeader(input: $input) { staffId } }`;
const FOLLOW = `mutation ($input: StaffIdInput!) { follow(input: $input) { followee { id } } }`;
const UNFOLLOW = `mutation ($input: StaffIdInput!) { unfollow(input: $input) { followee { id } } }`;
const JOIN = `mutation ($input: CommunityIdInput!) { joinCommunity(input: $input) { community { id } } }`;
const LEAVE = `mutation ($input: CommunityIdInput!) { leaveCommunity(input: $input) { community { id } } }`;
const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id } } }`;
const ACCEPT = `mutation ($input: AcceptGuidanceInput!) { acceptGuidance(input: $input) { staffMember { id } } }`;

/** Every error's reason (or code), so a failure shows what went wrong, INTERNAL included. */
const reasons = (responses: GraphQLResponse[]) =>
  responses.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.reason ?? e.extensions?.code));

describe('concurrent writes keep every rule', () => {
  let t: TestApp;
  let world: World;
  const rows = async <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => {
    const placeholders = t.database.kind === 'postgres' ? sql : sql.replace(/\$\d+/g, '?');
    return t.dataSource.query(placeholders, parameters);
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  it(`lets exactly ${MAX_ACCOUNTS_PER_PERSON} of 60 concurrent adds by one person in`, async () => {
    const me = await world.newPerson();
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.gql(
          ADD,
          { input: { platform: 'X', handle: `@race${i}${me.id}`, visibility: 'NHS_DIRECTORY' } },
          me,
        ),
      ),
    );
    const added = responses.filter((r) => r.data?.addSocialAccount);
    expect(added).toHaveLength(MAX_ACCOUNTS_PER_PERSON);
    expect(reasons(responses)).toEqual(
      Array(60 - MAX_ACCOUNTS_PER_PERSON).fill('TOO_MANY_ACCOUNTS'),
    );
    const [{ n }] = await rows<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM social_accounts WHERE staff_id = $1',
      [me.id],
    );
    expect(Number(n)).toBe(MAX_ACCOUNTS_PER_PERSON);
  });

  it('gives one handle to exactly one of many people adding it at once', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => world.newPerson()));
    const handle = `@c${world.unique().replace(/-/g, '').slice(0, 12)}`;
    const responses = await Promise.all(
      people.map((p) =>
        t.gql(ADD, { input: { platform: 'X', handle, visibility: 'NHS_DIRECTORY' } }, p),
      ),
    );
    expect(responses.filter((r) => r.data?.addSocialAccount)).toHaveLength(1);
    expect(reasons(responses)).toEqual(Array(11).fill('HANDLE_TAKEN'));
  });

  describe('leaders', () => {
    // this file's database is its own: every leader in it is one this describe made
    let admin: StaffMember;
    const order = () =>
      rows<{ staff_id: number | string; featured_order: number | string }>(
        'SELECT staff_id, featured_order FROM leaders ORDER BY featured_order, staff_id',
      ).then((r) =>
        r.map((l) => ({ staffId: Number(l.staff_id), order: Number(l.featured_order) })),
      );
    const expectDense = async () => {
      const leaders = await order();
      expect(leaders.map((l) => l.order)).toEqual(leaders.map((_, i) => i + 1));
      return leaders.map((l) => l.staffId);
    };

    beforeAll(async () => {
      admin = await world.newNationalAdmin();
    });

    it('keeps the featured order dense (1..n) under concurrent set, move and remove', async () => {
      const people = await Promise.all(
        Array.from({ length: 16 }, () => world.newPerson({ organisationId: admin.organisationId })),
      );
      const set = await Promise.all(
        people.map((p, i) =>
          t.gql(
            SET_LEADER,
            { input: { staffId: p.id, title: 'Director', featuredOrder: (i % 3) + 1 } },
            admin,
          ),
        ),
      );
      expect(reasons(set)).toEqual([]);
      expect((await expectDense()).sort()).toEqual(people.map((p) => p.id).sort());

      // moves of the first half, removals of the second, all at once
      const mixed = await Promise.all(
        people.map((p, i) =>
          i < 8
            ? t.gql(
                SET_LEADER,
                { input: { staffId: p.id, title: 'Director', featuredOrder: 8 - i } },
                admin,
              )
            : t.gql(REMOVE_LEADER, { input: { staffId: p.id } }, admin),
        ),
      );
      expect(reasons(mixed)).toEqual([]);
      expect((await expectDense()).sort()).toEqual(
        people
          .slice(0, 8)
          .map((p) => p.id)
          .sort(),
      );
    });

    it('removes leaders concurrently without a deadlock', async () => {
      const people = await Promise.all(
        Array.from({ length: 12 }, () => world.newPerson({ organisationId: admin.organisationId })),
      );
      for (const p of people) {
        await t.gql(SET_LEADER, { input: { staffId: p.id, title: 'Chair' } }, admin);
      }
      const before = await expectDense();
      const removed = await Promise.all(
        people.map((p) => t.gql(REMOVE_LEADER, { input: { staffId: p.id } }, admin)),
      );
      expect(reasons(removed)).toEqual([]);
      const gone = new Set(people.map((p) => p.id));
      expect(await expectDense()).toEqual(before.filter((id) => !gone.has(id)));
    });
  });

  it('keeps follow counters exact when people follow and unfollow each other at once', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, () => world.newPerson()));
    const pairs = people.flatMap((a) => people.filter((b) => b !== a).map((b) => [a, b] as const));
    const follows = await Promise.all(
      pairs.map(([a, b]) => t.gql(FOLLOW, { input: { staffId: b.id } }, a)),
    );
    expect(reasons(follows)).toEqual([]);
    // everyone unfollows the first person, and follows them again, twice over, at once
    const [first, ...others] = people;
    const churn = await Promise.all(
      others.flatMap((p) => [
        t.gql(UNFOLLOW, { input: { staffId: first.id } }, p),
        t.gql(FOLLOW, { input: { staffId: first.id } }, first === p ? others[0] : p),
        t.gql(UNFOLLOW, { input: { staffId: p.id } }, first),
      ]),
    );
    expect(reasons(churn)).toEqual([]);
    const stats = await rows<{ staff_id: number; follower_count: number; following_count: number }>(
      `SELECT s.staff_id, s.follower_count, s.following_count,
              (SELECT COUNT(*) FROM follows f WHERE f.followee_id = s.staff_id) AS followers,
              (SELECT COUNT(*) FROM follows f WHERE f.follower_id = s.staff_id) AS following
       FROM follow_stats s WHERE s.staff_id IN (${people.map((p) => p.id).join(', ')})`,
    );
    expect(stats).toHaveLength(people.length);
    for (const s of stats as unknown as Record<string, number | string>[]) {
      expect(Number(s.follower_count)).toBe(Number(s.followers));
      expect(Number(s.following_count)).toBe(Number(s.following));
    }
  });

  it('gives a community slug to exactly one of many communities created at once', async () => {
    const organisation = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: organisation.id });
    const name = `Race Network ${world.unique()}`;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.gql(
          CREATE_COMMUNITY,
          {
            input: {
              name,
              kind: 'NETWORK',
              scope: 'ORGANISATION',
              organisationId: organisation.id,
            },
          },
          admin,
        ),
      ),
    );
    expect(responses.filter((r) => r.data?.createCommunity)).toHaveLength(1);
    expect(reasons(responses)).toEqual(Array(7).fill('SLUG_TAKEN'));
  });

  it('keeps a community member count exact under concurrent joins and leaves', async () => {
    const community = await world.newCommunity();
    const people = await Promise.all(Array.from({ length: 20 }, () => world.newPerson()));
    const joins = await Promise.all(
      people.flatMap((p) => [
        t.gql(JOIN, { input: { communityId: community.id } }, p),
        t.gql(JOIN, { input: { communityId: community.id } }, p),
      ]),
    );
    expect(reasons(joins)).toEqual([]);
    const churn = await Promise.all(
      people.flatMap((p, i) =>
        i % 2 === 0
          ? [t.gql(LEAVE, { input: { communityId: community.id } }, p)]
          : [
              t.gql(LEAVE, { input: { communityId: community.id } }, p),
              t.gql(JOIN, { input: { communityId: community.id } }, p),
            ],
      ),
    );
    expect(reasons(churn)).toEqual([]);
    const [{ kept, actual }] = await rows<{ kept: number | string; actual: number | string }>(
      `SELECT member_count AS kept,
              (SELECT COUNT(*) FROM community_memberships m WHERE m.community_id = c.id) AS actual
       FROM communities c WHERE c.id = $1`,
      [community.id],
    );
    expect(Number(kept)).toBe(Number(actual));
  });

  it('never leaves someone listed on guidance that was replaced while they accepted it', async () => {
    const organisation = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: organisation.id });
    const people = await Promise.all(
      Array.from({ length: 10 }, () => world.newPerson({ organisationId: organisation.id })),
    );
    const first = await world.publishGuidance({ organisationId: organisation.id });
    const responses = await Promise.all([
      ...people.map((p) => t.gql(ACCEPT, { input: { version: first.version } }, p)),
      world.publishGuidance({ organisationId: organisation.id }).then(() => ({})),
    ]);
    expect(reasons(responses).filter((r) => r !== 'GUIDANCE_VERSION_NOT_CURRENT')).toEqual([]);
    const current = await rows<{ id: number | string }>(
      'SELECT id FROM guidance_documents WHERE organisation_id = $1 ORDER BY version DESC',
      [organisation.id],
    );
    const staff = await rows<{ listed: unknown; accepted_guidance_id: number | string | null }>(
      `SELECT listed, accepted_guidance_id FROM staff_members WHERE id IN (${people
        .map((p) => p.id)
        .join(', ')})`,
    );
    for (const s of staff) {
      const accepted = Number(s.accepted_guidance_id) === Number(current[0].id);
      expect(Number(s.listed) === 1 || s.listed === true).toBe(accepted);
    }
    void admin;
  });

  it('runs a whole transaction again when PostgreSQL aborts it for a deadlock', async () => {
    const [p, q] = await Promise.all([world.newPerson(), world.newPerson()]);
    const runner = t.app.get(TransactionRunner);
    let locked = 0;
    let attempts = 0;
    // both hold their first lock before either asks for its second (on SQLite they queue instead)
    const barrier = () =>
      new Promise<void>((resolve) => {
        locked += 1;
        const started = Date.now();
        const wait = () =>
          locked >= 2 || Date.now() - started > 500 ? resolve() : setTimeout(wait, 5);
        wait();
      });
    const cross = (first: StaffMember, second: StaffMember) =>
      runner.run(async (tx) => {
        attempts += 1;
        await lockOwnerRow(tx, StaffMember, first.id);
        await barrier();
        await lockOwnerRow(tx, StaffMember, second.id);
        return first.id;
      });
    expect(await Promise.all([cross(p, q), cross(q, p)])).toEqual([p.id, q.id]);
    // PostgreSQL aborted one of the two (40P01), which ran again; SQLite never deadlocks
    expect(attempts).toBe(t.database.kind === 'postgres' ? 3 : 2);
  });
});
