import { CommunityRole } from '../src/communities/community-membership.entity';
import { CommunitiesService } from '../src/communities/communities.service';
import { TransactionRunner } from '../src/database/transaction-runner';
import { FigureSegment, segmentStarts, summariseFigures } from '../src/leaderboard/figure-segments';
import { LeaderboardRepository } from '../src/leaderboard/leaderboard.repository';
import { LeaderboardService } from '../src/leaderboard/leaderboard.service';
import { oneFigurePerDay } from '../src/leaderboard/score-inputs';
import { addDays, londonToday } from '../src/leaderboard/windows';
import { MetricSource } from '../src/metrics/metric-snapshot.entity';
import { Organisation } from '../src/organisations/organisation.entity';
import type { SocialAccount } from '../src/social-accounts/social-account.entity';
import { StaffGroup } from '../src/staff/staff-group';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { recordStatements } from './support/statements';
import { World } from './support/world';

const BOARD = /* GraphQL */ `
  query (
    $window: LeaderboardWindow!
    $campaignId: ID
    $filter: LeaderboardFilter
    $first: Int
    $after: String
  ) {
    leaderboard(
      window: $window
      campaignId: $campaignId
      filter: $filter
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          rank
          score
          movement
          isMe
          staff {
            id
            displayName
          }
          breakdown {
            component
            points
            detail
          }
        }
      }
    }
  }
`;
const MINE = /* GraphQL */ `
  query ($window: LeaderboardWindow!, $filter: LeaderboardFilter) {
    myLeaderboardPosition(window: $window, filter: $filter) {
      rank
      score
      outOf
      isMe
      staff {
        id
      }
      breakdown {
        component
        points
        detail
      }
    }
  }
`;
const OPT_IN = /* GraphQL */ `
  mutation ($on: Boolean!) {
    updateMyProfile(input: { showOnLeaderboard: $on }) {
      staffMember {
        showOnLeaderboard
      }
    }
  }
`;
const WEIGHTS = /* GraphQL */ `
  mutation ($input: UpdateLeaderboardWeightsInput!) {
    updateLeaderboardWeights(input: $input) {
      weights {
        reach
        profile
        formula
      }
    }
  }
`;

interface Entry {
  rank: number;
  score: number;
  movement: number | null;
  isMe: boolean;
  staff: { id: string; displayName: string } | null;
  breakdown: { component: string; points: number; detail: string | null }[];
}

describe('leaderboard', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });

  afterAll(() => t.close());

  async function board(
    as: StaffMember,
    organisation: Organisation,
    extra: Record<string, unknown> = {},
  ): Promise<{ totalCount: number; entries: Entry[]; endCursor: string | null }> {
    const res = await t.gql(
      BOARD,
      { window: 'WEEK', filter: { organisationId: String(organisation.id) }, first: 50, ...extra },
      as,
    );
    expect(res.errors).toBeUndefined();
    const connection = res.data!.leaderboard;
    return {
      totalCount: connection.totalCount,
      entries: connection.edges.map((e: { node: Entry }) => e.node),
      endCursor: connection.pageInfo.endCursor,
    };
  }

  /** A trust with people whose profiles differ: more fields filled, more points. */
  async function trust(count: number) {
    const organisation = await world.newOrganisation();
    const people: StaffMember[] = [];
    for (let i = 0; i < count; i++) {
      people.push(
        await world.newPerson({
          organisationId: organisation.id,
          displayName: `Person ${String.fromCharCode(65 + i)}`,
          staffGroup: StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED,
        }),
      );
    }
    return { organisation, people };
  }

  it('ranks by score with a breakdown that adds up; ties share a rank, ordered by name', async () => {
    const { organisation, people } = await trust(4);
    const [a, b, c, d] = people;
    await world.update(d, { bio: 'Nurse and runner', pronouns: 'she/her' });
    await world.follow(b, c);
    await t.drained(); // a follow re-scores after commit
    const { totalCount, entries } = await board(a, organisation);
    expect(totalCount).toBe(4);
    for (const entry of entries) {
      expect(entry.breakdown.reduce((sum, part) => sum + part.points, 0)).toBe(entry.score);
    }
    // d's profile is fullest; b and c each have one connection; a has neither
    expect(entries.map((e) => e.rank)).toEqual([1, 2, 2, 4]);
    expect(entries[0].score).toBeGreaterThan(entries[1].score);
    expect(entries[1].score).toBe(entries[2].score);
    const mine = entries.find((e) => e.isMe)!;
    expect(mine.rank).toBe(4);
    expect(mine.staff!.id).toBe(String(a.id));
  });

  it('names only those who opted in; others are anonymous, and see their own position', async () => {
    const { organisation, people } = await trust(3);
    const [me, colleague, other] = people;
    let seen = await board(colleague, organisation);
    const myEntry = () =>
      seen.entries.find((e) => e.staff?.id === String(me.id) || (!e.staff && !e.isMe))!;
    expect(seen.entries.filter((e) => e.staff).map((e) => e.staff!.id)).toEqual([
      String(colleague.id),
    ]);
    expect(myEntry().staff).toBeNull();
    expect(myEntry().breakdown.every((part) => part.detail === null)).toBe(true);

    const mine = await t.gql(
      MINE,
      { window: 'WEEK', filter: { organisationId: String(organisation.id) } },
      me,
    );
    expect(mine.data!.myLeaderboardPosition).toMatchObject({
      isMe: true,
      outOf: 3,
      staff: { id: String(me.id) },
    });

    const opted = await t.gql(OPT_IN, { on: true }, me);
    expect(opted.data!.updateMyProfile.staffMember.showOnLeaderboard).toBe(true);
    seen = await board(colleague, organisation);
    expect(seen.entries.map((e) => e.staff?.id ?? null).sort()).toEqual(
      [String(colleague.id), String(me.id), null].sort(),
    );
    expect(
      seen.entries.find((e) => e.staff?.id === String(me.id))!.breakdown[0].detail,
    ).not.toBeNull();
    void other;
  });

  it('the communications team sees its own organisation’s people by name, not another’s', async () => {
    const { organisation } = await trust(2);
    const ownTeam = await world.newAdmin({ organisationId: organisation.id });
    const elsewhere = await world.newAdmin({ organisationId: (await world.newOrganisation()).id });
    const seenByOwn = await board(ownTeam, organisation);
    expect(seenByOwn.entries.every((e) => e.staff !== null)).toBe(true);
    const seenByOther = await board(elsewhere, organisation);
    expect(seenByOther.entries.every((e) => e.staff === null)).toBe(true);
  });

  it('pages by keyset with a precomputed total', async () => {
    const { organisation, people } = await trust(6);
    const admin = await world.newAdmin({ organisationId: organisation.id });
    people.push(admin);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const res: { data?: Record<string, any> } = await t.gql(
        BOARD,
        { window: 'MONTH', filter: { organisationId: String(organisation.id) }, first: 2, after },
        admin,
      );
      const connection: {
        totalCount: number;
        edges: { node: Entry }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      } = res.data!.leaderboard;
      expect(connection.totalCount).toBe(7);
      seen.push(
        ...connection.edges.map((e: { node: Entry }) => `${e.node.staff!.id}@${e.node.rank}`),
      );
      after = connection.pageInfo.endCursor;
      if (!connection.pageInfo.hasNextPage) break;
    }
    expect(seen.map((s) => s.split('@')[0]).sort()).toEqual(people.map((p) => String(p.id)).sort());
    // pages of two, cut through ties, read as one page would: the same order, the same ranks
    const whole = await t.gql(
      BOARD,
      { window: 'MONTH', filter: { organisationId: String(organisation.id) }, first: 50 },
      admin,
    );
    expect(seen).toEqual(
      whole.data!.leaderboard.edges.map(
        (e: { node: Entry }) => `${e.node.staff!.id}@${e.node.rank}`,
      ),
    );
  });

  it('leaders are ranked on their own board; staff groups have boards of their own', async () => {
    const { organisation, people } = await trust(2);
    const porter = await world.newPerson({
      organisationId: organisation.id,
      staffGroup: StaffGroup.ESTATES_AND_ANCILLARY,
    });
    const nurses = await board(people[0], organisation, {
      filter: {
        organisationId: String(organisation.id),
        staffGroup: 'NURSING_AND_MIDWIFERY_REGISTERED',
      },
    });
    expect(nurses.totalCount).toBe(2);
    const porters = await board(porter, organisation, {
      filter: { organisationId: String(organisation.id), staffGroup: 'ESTATES_AND_ANCILLARY' },
    });
    expect(porters.totalCount).toBe(1);
    const all = await board(porter, organisation);
    expect(all.totalCount).toBe(3);
  });

  it('compares teams by average score per ranked person, never totals', async () => {
    const organisation = await world.newOrganisation();
    const big = await world.newPlace(organisation, `Big ${world.unique()}`);
    const small = await world.newPlace(organisation, `Small ${world.unique()}`);
    const inBig = await Promise.all(
      [1, 2, 3].map(() =>
        world.newPerson({ organisationId: organisation.id, departmentId: big.department.id }),
      ),
    );
    const keen = await world.newPerson({
      organisationId: organisation.id,
      departmentId: small.department.id,
      bio: 'Keen',
      pronouns: 'they/them',
    });
    const res = await t.gql(
      `query ($org: ID) { teamLeaderboard(window: WEEK, kind: DEPARTMENT, organisationId: $org) { rank teamId name averageScore people } }`,
      { org: String(organisation.id) },
      keen,
    );
    expect(res.errors).toBeUndefined();
    const teams = res.data!.teamLeaderboard;
    expect(teams.map((team: { teamId: string }) => team.teamId)).toEqual([
      String(small.department.id),
      String(big.department.id),
    ]);
    expect(teams.map((team: { people: number }) => team.people)).toEqual([1, 3]);
    expect(teams[0].rank).toBe(1);
    void inBig;
  });

  it('badges: earned by rule, awarded by the person’s own communications team, shown on profiles', async () => {
    const organisation = await world.newOrganisation();
    const me = await world.newPerson({ organisationId: organisation.id });
    const community = await world.newCommunity({ organisationId: organisation.id });
    const admin = await world.newAdmin({ organisationId: organisation.id });
    await t.app
      .get(CommunitiesService)
      .setMemberRole(world.signedIn(admin), community.id, me.id, CommunityRole.CHAMPION);
    await t.drained(); // a role re-scores (and re-derives rule badges) after commit
    const PROFILE = `query ($id: ID!) { staffMember(id: $id) { badges { kind source } } }`;
    const kinds = async () =>
      (
        (await t.gql(PROFILE, { id: String(me.id) }, admin)).data!.staffMember.badges as {
          kind: string;
          source: string;
        }[]
      ).map((b) => `${b.kind}/${b.source}`);
    expect(await kinds()).toEqual(['COMMUNITY_CHAMPION/RULE', 'GUIDANCE_ACCEPTED/RULE']);

    const SET = `mutation ($input: SetBadgeInput!) { setBadge(input: $input) { badges { kind } } }`;
    const input = { staffId: String(me.id), kind: 'VERIFIED', awarded: true };
    const stranger = await world.newAdmin();
    expect((await t.gql(SET, { input }, stranger)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(SET, { input }, me)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(SET, { input }, admin)).errors).toBeUndefined();
    expect(await kinds()).toContain('VERIFIED/ADMIN');
    // a later change re-derives rule badges and keeps the awarded one
    await world.update(me, { bio: 'Now with a bio' });
    expect(await kinds()).toEqual([
      'COMMUNITY_CHAMPION/RULE',
      'GUIDANCE_ACCEPTED/RULE',
      'VERIFIED/ADMIN',
    ]);
  });

  it('a follow writes only the two people’s entries and score counts, however big their boards', async () => {
    const { organisation, people } = await trust(3);
    const entryWrites = async (follower: StaffMember, followee: StaffMember) => {
      await t.drained();
      // the follow and its re-scoring after commit (deferred-work.e2e-spec.ts: the follow alone)
      const { texts } = await recordStatements(
        t.dataSource,
        async () => {
          await world.follow(follower, followee);
          await t.drained();
        },
        { withDrains: true },
      );
      const writes = texts.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)/i.test(sql));
      return {
        statements: texts.length,
        // no statement updates or deletes entries by range: only the two people's rows change
        ranges: writes.filter(
          (sql) =>
            /(UPDATE|DELETE FROM) leaderboard_entries/i.test(sql) && !/staff_id = /.test(sql),
        ),
      };
    };
    const small = await entryWrites(people[0], people[1]);
    // the same boards grow by forty people with spread scores
    for (let i = 0; i < 40; i++) {
      const person = await world.newPerson({
        organisationId: organisation.id,
        staffGroup: StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED,
        bio: i % 2 ? 'Hello' : null,
      });
      if (i % 3 === 0) await world.follow(person, people[2]);
    }
    const big = await entryWrites(people[1], people[0]);
    expect(big.ranges).toEqual([]);
    expect(small.ranges).toEqual([]);
    expect(big.statements).toBe(small.statements);
  });

  it('drops a leaver at once', async () => {
    const { organisation, people } = await trust(3);
    await world.leave(people[2]);
    expect((await board(people[0], organisation)).totalCount).toBe(2);
  });

  it('weights: Comms.Admin of the organisation only, whole numbers in range, scores follow', async () => {
    const { organisation, people } = await trust(2);
    const admin = await world.newAdmin({ organisationId: organisation.id });
    const before = (await board(admin, organisation)).entries[0].score;

    const refused = await t.gql(
      WEIGHTS,
      { input: { organisationId: String(organisation.id), profile: 50 } },
      people[0],
    );
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const otherAdmin = await world.newAdmin();
    const elsewhere = await t.gql(
      WEIGHTS,
      { input: { organisationId: String(organisation.id), profile: 50 } },
      otherAdmin,
    );
    expect(elsewhere.errors![0].extensions!.reason).toBe('NOT_ADMIN_OF_ORGANISATION');
    const bad = await t.gql(
      WEIGHTS,
      { input: { organisationId: String(organisation.id), profile: 500 } },
      admin,
    );
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'profile' });

    const done = await t.gql(
      WEIGHTS,
      { input: { organisationId: String(organisation.id), profile: 60, guidance: 0 } },
      admin,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.updateLeaderboardWeights.weights.profile).toBe(60);
    expect(done.data!.updateLeaderboardWeights.weights.formula.join(' ')).toContain(
      'up to 60 points',
    );
    const after = (await board(admin, organisation)).entries[0].score;
    expect(after).not.toBe(before);
  });

  it('refuses a CAMPAIGN window without a campaign, naming the field', async () => {
    const me = await world.newPerson();
    const res = await t.gql(BOARD, { window: 'CAMPAIGN' }, me);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'campaignId',
      reason: 'CAMPAIGN_WINDOW_NEEDS_CAMPAIGN',
    });
  });

  it('people with more figures than one read summarises are scored as each alone', async () => {
    // three people of years of daily figures and one of three days: together past the figures
    // one statement may summarise, so their reads are split and the split must lose no one
    const organisation = await world.newOrganisation();
    const people: StaffMember[] = [];
    for (const [i, days] of [4_500, 3, 4_500, 4_500].entries()) {
      const person = await world.newPerson({ organisationId: organisation.id });
      const account = await world.newAccount(person);
      await world.recordFigures(
        account,
        Array.from({ length: days }, (_, day) => ({
          day: addDays(londonToday(), -day),
          followers: 50 + (i + 1) * (days - day),
          posts: (day + i) % 4,
          engagements: day % 7,
        })),
      );
      people.push(person);
    }
    const leaderboard = t.app.get(LeaderboardService);
    const transactions = t.app.get(TransactionRunner);
    await t.drained();
    await transactions.run((tx) =>
      leaderboard.refresh(
        tx,
        people.map((p) => p.id),
      ),
    );
    const together = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
    for (const person of people)
      await transactions.run((tx) => leaderboard.refresh(tx, [person.id]));
    const alone = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
    expect(JSON.stringify(together)).toContain(`${people[3].id}`);
    expect(alone).toEqual(together);
  }, 120_000);

  it('the incremental path equals a full recompute, on randomised changes', async () => {
    let seed = 20261201;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const organisations = [await world.newOrganisation(), await world.newOrganisation()];
    // sites and departments to move people between (team sums)
    const places = [
      await world.newPlace(organisations[0]),
      await world.newPlace(organisations[0]),
      await world.newPlace(organisations[1]),
    ];
    const groups = [StaffGroup.MEDICAL_AND_DENTAL, StaffGroup.ALLIED_HEALTH_PROFESSIONALS, null];
    const people: StaffMember[] = [];
    for (let i = 0; i < 24; i++) {
      people.push(
        await world.newPerson({
          organisationId: organisations[random(2)].id,
          staffGroup: groups[random(3)],
          displayName: `Random ${random(5)}`,
        }),
      );
    }
    const community = await world.newCommunity();
    const communities = t.app.get(CommunitiesService);
    const communityAdmin = await world.newNationalAdmin();
    const accounts: SocialAccount[] = [];
    const leaderboard = t.app.get(LeaderboardService);
    const transactions = t.app.get(TransactionRunner);
    const left = new Set<number>();
    let compared = 0;
    for (let step = 0; step < 90; step++) {
      const person = people[random(people.length)];
      const other = people[random(people.length)];
      const acting = !left.has(person.id) && !left.has(other.id);
      if (acting)
        switch (random(10)) {
          case 0:
            if (person.id !== other.id) await world.follow(person, other);
            break;
          case 1: {
            const place = places[random(places.length)];
            await world.update(person, {
              bio: random(2) ? 'Hello' : null,
              siteId: random(3) ? place.site.id : null,
              departmentId: random(3) ? place.department.id : null,
            });
            break;
          }
          case 2:
            await world.update(person, { staffGroup: groups[random(3)] });
            break;
          case 3:
            await communities.setMemberRole(
              world.signedIn(communityAdmin),
              community.id,
              person.id,
              [CommunityRole.CHAMPION, CommunityRole.ORGANISER, CommunityRole.MEMBER][random(3)],
            );
            break;
          case 4:
            accounts.push(await world.newAccount(person));
            break;
          case 5:
            await world.update(person, { organisationId: organisations[random(2)].id });
            break;
          case 6: {
            const account = await world.newAccount(person);
            accounts.push(account);
            await world.recordFigures(account, [
              {
                day: addDays(londonToday(), -random(40)),
                followers: random(5000),
                posts: random(9),
              },
              {
                day: addDays(londonToday(), -random(5)),
                followers: random(5000),
                engagements: random(99),
              },
            ]);
            break;
          }
          case 7:
            await world.newCampaignOnDates(
              {
                startsOn: addDays(londonToday(), -random(20)),
                endsOn: addDays(londonToday(), random(20) - 5),
              },
              [person, other].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i),
            );
            break;
          case 8: {
            // figures of an existing account move up or down: scores cross others' in both
            // directions, often landing on a tie (few distinct values)
            const account = accounts[random(Math.max(1, accounts.length))];
            if (!account || left.has(account.staffId)) break;
            await world.recordFigures(account, [
              {
                day: addDays(londonToday(), -random(3)),
                followers: 10 * random(8),
                posts: random(3),
              },
            ]);
            break;
          }
          case 9:
            if (random(4) === 0) {
              await world.leave(person);
              left.add(person.id);
            }
            break;
        }
      if (step % 30 === 29) {
        // ranks are compared at checkpoints, each from the state the last one left, once the
        // re-scorings deferred after commit (follows, roles, accounts) have run
        await t.drained();
        const incremental = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
        await transactions.run((tx) => leaderboard.recomputeAll(tx));
        const rebuilt = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
        expect(rebuilt.length).toBeGreaterThan(0);
        expect(incremental).toEqual(rebuilt);
        compared += 1;
      }
    }
    expect(compared).toBe(3);
  }, 240_000);

  it('the daily roll, in chunks, gives the same boards as a full recompute for the new day', async () => {
    const organisation = await world.newOrganisation();
    // more than a first chunk (100 people on SQLite): the roll takes several, their sizes chosen
    // as it goes by how long each one's COMMIT took
    for (let i = 0; i < 120; i++) {
      const person = await world.newPerson({
        organisationId: organisation.id,
        displayName: `Roller ${i % 4}`,
      });
      await world.recordFigures(await world.newAccount(person), [
        { day: addDays(londonToday(), -10), followers: 10 * (i % 5), posts: i % 3 },
        { day: addDays(londonToday(), -1), followers: 100 * (i % 4), engagements: i },
      ]);
    }
    const leaderboard = t.app.get(LeaderboardService);
    const transactions = t.app.get(TransactionRunner);
    await transactions.run((tx) => leaderboard.recomputeAll(tx));
    const rebuilt = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
    // the boards as they stood a week ago: every window's figures, scores and counts differ
    await transactions.run((tx) => leaderboard.recomputeAll(tx, addDays(londonToday(), -7)));
    const weekAgo = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
    expect(weekAgo).not.toEqual(rebuilt);
    await leaderboard.rollInChunks(londonToday());
    const rolled = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
    expect(rolled).toEqual(rebuilt);
  });

  it('a new day found while the server serves rolls in chunks in the background, however few people', async () => {
    const organisation = await world.newOrganisation();
    for (let i = 0; i < 3; i++) {
      const person = await world.newPerson({ organisationId: organisation.id });
      await world.recordFigures(await world.newAccount(person), [
        { day: addDays(londonToday(), -9), followers: 10 + i, posts: 1 },
        { day: londonToday(), followers: 40 * (i + 1), engagements: 2 },
      ]);
    }
    const leaderboard = t.app.get(LeaderboardService);
    const transactions = t.app.get(TransactionRunner);
    await transactions.run((tx) => leaderboard.recomputeAll(tx));
    const rebuilt = await transactions.run((tx) => leaderboard.snapshotOfEverything(tx));
    await transactions.run((tx) => leaderboard.recomputeAll(tx, addDays(londonToday(), -1)));
    expect(await transactions.run((tx) => leaderboard.snapshotOfEverything(tx))).not.toEqual(
      rebuilt,
    );

    // the hourly check: a rebuild in one transaction would hold the event loop while serving
    expect(await leaderboard.rollIfNewDay({ serving: true })).toBe(true);
    expect(leaderboard.rolling).not.toBeNull();
    await leaderboard.rolling;
    expect(await transactions.run((tx) => leaderboard.snapshotOfEverything(tx))).toEqual(rebuilt);
    expect(await leaderboard.rollIfNewDay({ serving: true })).toBe(false);
  });
});

describe('leaderboard figures and windows', () => {
  let t: TestApp;
  let world: World;
  const today = londonToday();
  const day = (n: number) => addDays(today, n);

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });

  afterAll(() => t.close());

  async function entries(as: StaffMember, window: string, filter: object, campaignId?: number) {
    const res = await t.gql(
      BOARD,
      { window, filter, first: 50, campaignId: campaignId ? String(campaignId) : undefined },
      as,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.leaderboard.edges.map((e: { node: Entry }) => e.node) as Entry[];
  }
  const part = (entry: Entry, component: string) =>
    entry.breakdown.find((p) => p.component === component)!;

  it('reads followers, growth and activity inside the window’s London days only', async () => {
    const organisation = await world.newOrganisation();
    const me = await world.newPerson({ organisationId: organisation.id });
    const account = await world.newAccount(me);
    await world.recordFigures(account, [
      { day: day(-10), followers: 100, posts: 50 },
      { day: day(-7), followers: 120, posts: 7 },
      { day: day(-3), followers: 150, posts: 5 },
      { day: day(0), followers: 200, engagements: 20 },
    ]);
    const filter = { organisationId: String(organisation.id) };
    const [week] = await entries(me, 'WEEK', filter);
    expect(part(week, 'REACH')).toMatchObject({ points: 23, detail: '200 followers' });
    // from the last figure before the window (day -7: 120) to today's
    expect(part(week, 'GROWTH')).toMatchObject({ points: 29, detail: '+80 followers' });
    // day -7 is outside a 7-day window ending today
    expect(part(week, 'ACTIVITY')).toMatchObject({ points: 21, detail: '5 posts, 20 engagements' });
    const [month] = await entries(me, 'MONTH', filter);
    expect(part(month, 'ACTIVITY').detail).toBe('62 posts, 20 engagements');
    expect(part(month, 'GROWTH').detail).toBe('+100 followers');
  });

  it('marks self-reported figures, and an import of the same day wins over them', async () => {
    const organisation = await world.newOrganisation();
    const me = await world.newPerson({ organisationId: organisation.id });
    const account = await world.newAccount(me);
    await world.recordFigures(account, [
      { day: day(-1), followers: 40, source: MetricSource.SELF_REPORTED },
    ]);
    const filter = { organisationId: String(organisation.id) };
    expect(part((await entries(me, 'WEEK', filter))[0], 'REACH').detail).toBe(
      '40 followers (self-reported)',
    );
    await world.recordFigures(account, [{ day: day(-1), followers: 35 }]);
    expect(part((await entries(me, 'WEEK', filter))[0], 'REACH').detail).toBe('35 followers');
  });

  it('movement is places gained since the previous window; null when new', async () => {
    const organisation = await world.newOrganisation();
    const filter = { organisationId: String(organisation.id) };
    const [early, late, fresh] = await Promise.all(
      ['Early', 'Late', 'Fresh'].map((name) =>
        world.newPerson({ organisationId: organisation.id, displayName: name }),
      ),
    );
    await world.recordFigures(await world.newAccount(early), [
      { day: day(-13), followers: 10 },
      { day: day(-8), followers: 1000 },
      { day: day(-1), followers: 1000 },
    ]);
    await world.recordFigures(await world.newAccount(late), [
      { day: day(-13), followers: 10 },
      { day: day(0), followers: 500 },
    ]);
    await world.recordFigures(await world.newAccount(fresh), [{ day: day(0), followers: 1 }]);
    const admin = await world.newAdmin({ organisationId: organisation.id });
    const board = await entries(admin, 'WEEK', filter);
    const of = (person: StaffMember) => board.find((e) => e.staff?.id === String(person.id))!;
    expect(of(late)).toMatchObject({ rank: 1, movement: 1 });
    expect(of(early)).toMatchObject({ rank: 2, movement: -1 });
    expect(of(fresh).movement).toBeNull();

    const risers = await t.gql(
      `query ($filter: LeaderboardFilter) { risingStars(window: WEEK, filter: $filter) { rank movement staff { id } } }`,
      { filter },
      admin,
    );
    expect(risers.data!.risingStars).toEqual([
      { rank: 1, movement: 1, staff: { id: String(late.id) } },
    ]);
  });

  it('a campaign has its own board of its participants, over its dates', async () => {
    const organisation = await world.newOrganisation();
    const [taking, notTaking] = await Promise.all(
      [1, 2].map(() => world.newPerson({ organisationId: organisation.id })),
    );
    const campaign = await world.newCampaignOnDates({ startsOn: day(-2), endsOn: day(5) }, [
      taking,
    ]);
    const board = await entries(taking, 'CAMPAIGN', {}, campaign.id);
    expect(board).toHaveLength(1);
    expect(board[0].isMe).toBe(true);
    expect(part(board[0], 'CAMPAIGNS').points).toBe(10);
    const week = await entries(notTaking, 'WEEK', { organisationId: String(organisation.id) });
    expect(week.map((e) => part(e, 'CAMPAIGNS').points).sort()).toEqual([0, 10]);
  });

  it('summarises figures in SQL as the rows themselves do, on randomised figures', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 16_807) % 2_147_483_647;
      return Math.floor((seed / 2_147_483_647) * n);
    };
    const organisation = await world.newOrganisation();
    const people = await Promise.all(
      [1, 2, 3, 4].map(() => world.newPerson({ organisationId: organisation.id })),
    );
    const sources = [MetricSource.IMPORT, MetricSource.FETCHED, MetricSource.SELF_REPORTED];
    for (const person of people) {
      for (let a = random(3); a >= 0; a--) {
        const account = await world.newAccount(person);
        const figures = [];
        for (let back = 0; back < 200; back++) {
          for (const source of sources) {
            if (random(3) !== 0) continue;
            figures.push({
              day: day(-back),
              source,
              followers: random(100_000),
              posts: random(4) === 0 ? null : random(50),
              engagements: random(4) === 0 ? null : random(5000),
            });
          }
        }
        await world.recordFigures(account, figures);
      }
    }
    const repository = t.app.get(LeaderboardRepository);
    const ids = people.map((p) => p.id);
    const byDay = (a: FigureSegment, b: FigureSegment) =>
      a.accountId - b.accountId || (a.first.day < b.first.day ? -1 : 1);
    for (const starts of [
      segmentStarts([
        { from: day(-6), to: day(0) },
        { from: day(-89), to: day(-30) },
      ]),
      segmentStarts([
        { from: day(-150), to: day(-150) },
        { from: '0000-01-01', to: day(-1) },
      ]),
      [],
    ]) {
      const everyFigure = await repository.snapshots(repository.manager, ids);
      const summarised = await repository.figureSegments(repository.manager, ids, starts);
      expect([...summarised.keys()].sort()).toEqual([...everyFigure.keys()].sort());
      for (const [staffId, rows] of everyFigure) {
        expect([...summarised.get(staffId)!].sort(byDay)).toEqual(
          summariseFigures(oneFigurePerDay(rows), starts).sort(byDay),
        );
      }
    }
  });
});
