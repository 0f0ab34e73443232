import { parse } from 'csv-parse/sync';
import { Department } from '../src/organisations/department.entity';
import { TransactionRunner } from '../src/database/transaction-runner';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';
import { recordStatements } from './support/statements';

const ADD_ACCOUNT = `mutation ($input: AddSocialAccountInput!) { addSocialAccount(input: $input) { account { id } } }`;
const FOLLOW = `mutation ($input: StaffIdInput!) { follow(input: $input) { followee { id } } }`;
const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id slug name } } }`;
const JOIN = `mutation ($input: CommunityIdInput!) { joinCommunity(input: $input) { community { id } } }`;
const SET_LEADER = `mutation ($input: SetLeaderInput!) { setLeader(input: $input) { leader { title } } }`;
const PACK = /* GraphQL */ `
  query (
    $source: FollowPackSource!
    $id: ID
    $include: [ID!]
    $exclude: [ID!]
    $first: Int
    $after: String
  ) {
    followPack(
      source: $source
      id: $id
      include: $include
      exclude: $exclude
      first: $first
      after: $after
    ) {
      source
      title
      mastodonCsvPath
      people {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ticked
            person {
              id
            }
            accounts {
              platform
              handle
            }
          }
        }
      }
      platforms {
        platform
        profileUrls
        followUrls
        accounts {
          handle
          followUrl
        }
      }
    }
  }
`;

describe('follow packs', () => {
  let t: TestApp;
  let world: World;
  let admin: StaffMember;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    admin = await world.newNationalAdmin({ isCommsAdmin: true });
  });
  afterAll(() => t.close());

  const addAccount = async (
    who: StaffMember,
    platform: string,
    handle: string,
    visibility = 'NHS_DIRECTORY',
  ) => {
    const res = await t.gql(ADD_ACCOUNT, { input: { platform, handle, visibility } }, who);
    expect(res.errors).toBeUndefined();
  };
  const follow = (me: StaffMember, other: StaffMember) =>
    t.gql(FOLLOW, { input: { staffId: String(other.id) } }, me);
  const pack = async (me: StaffMember, vars: Record<string, unknown>) => {
    const res = await t.gql(PACK, vars, me);
    expect(res.errors).toBeUndefined();
    const { people, ...rest } = res.data!.followPack;
    return {
      ...rest,
      people: people.edges.map((e: any) => e.node),
      pageInfo: people.pageInfo,
      totalCount: people.totalCount,
      tickedCount: people.edges.filter((e: any) => e.node.ticked).length,
    };
  };
  const csv = (me: StaffMember, query: string) =>
    t
      .http()
      .get(`/api/follow-packs/mastodon.csv?${query}`)
      .set('Authorization', `Bearer ${t.tokenFor(me)}`);

  /** Me, following three colleagues with accounts on several platforms. */
  const network = async () => {
    seq += 1;
    const org = await world.newOrganisation();
    const me = await world.newPerson({ organisationId: org.id });
    const [ana, ben, cal] = [
      await world.newPerson({ displayName: `Ana ${seq}`, organisationId: org.id }),
      await world.newPerson({ displayName: `Ben ${seq}` }),
      await world.newPerson({ displayName: `Cal ${seq}` }),
    ];
    await addAccount(ana, 'MASTODON', `@ana${seq}@mastodon.social`);
    await addAccount(ana, 'X', `@ana_${seq}_x`);
    await addAccount(ben, 'MASTODON', `@ben${seq}@fosstodon.org`);
    await addAccount(ben, 'BLUESKY', `ben${seq}.bsky.social`);
    await addAccount(cal, 'THREADS', `@cal_${seq}`);
    // Cal's Mastodon account is for Cal's organisation only: not mine
    await addAccount(cal, 'MASTODON', `@cal${seq}@mastodon.social`, 'ORGANISATION');
    for (const p of [ana, ben, cal]) await follow(me, p);
    return { me, ana, ben, cal };
  };

  it('packs the people I follow, all ticked, per platform, with only accounts I may see', async () => {
    const { me, ana, ben, cal } = await network();
    const res = await pack(me, { source: 'FOLLOWING' });
    expect(res).toMatchObject({
      source: 'FOLLOWING',
      title: 'People you follow',
      tickedCount: 3,
      totalCount: 3,
      pageInfo: { hasNextPage: false },
    });
    expect(res.people.map((p: any) => p.person.id)).toEqual(
      [ana, ben, cal].map((p) => String(p.id)),
    );
    expect(res.people.every((p: any) => p.ticked)).toBe(true);
    const byPlatform = Object.fromEntries(res.platforms.map((p: any) => [p.platform, p]));
    expect(Object.keys(byPlatform).sort()).toEqual(['BLUESKY', 'MASTODON', 'THREADS', 'X']);
    expect(byPlatform.MASTODON.accounts.map((a: any) => a.handle)).toEqual([
      `@ana${seq}@mastodon.social`,
      `@ben${seq}@fosstodon.org`,
    ]);
    expect(byPlatform.X.followUrls).toEqual([
      `https://x.com/intent/follow?screen_name=ana_${seq}_x`,
    ]);
    expect(byPlatform.BLUESKY.profileUrls).toEqual([
      `https://bsky.app/profile/ben${seq}.bsky.social`,
    ]);
    expect(byPlatform.THREADS.followUrls).toEqual([`https://www.threads.com/@cal_${seq}`]);
  });

  it("reads the page's accounts and mine in one statement, my server making the Mastodon links", async () => {
    const { me } = await network();
    await addAccount(me, 'MASTODON', `@me${seq}@mastodon.social`);
    await pack(me, { source: 'FOLLOWING' }); // the first request signs me in
    const { result, texts } = await recordStatements(t.dataSource, () =>
      t.gql(PACK, { source: 'FOLLOWING' }, me),
    );
    expect(result.errors).toBeUndefined();
    // each followUrl finds my accounts read with the page's: no read of mine alone
    expect(texts.filter((text) => /social_accounts/.test(text)).length).toBe(1);
    // people and their accounts, whatever their number: the source's ids, the people, the accounts
    expect(texts.length).toBeLessThanOrEqual(4);
    const mastodon = result.data!.followPack.platforms.find(
      (p: { platform: string }) => p.platform === 'MASTODON',
    );
    expect(mastodon.accounts.map((a: { followUrl: string }) => a.followUrl)).toEqual([
      // on my own server, the profile; on another, through mine
      `https://mastodon.social/@ana${seq}`,
      `https://mastodon.social/authorize_interaction?uri=${encodeURIComponent(`ben${seq}@fosstodon.org`)}`,
    ]);
    expect(mastodon.followUrls).toEqual(
      mastodon.accounts.map((a: { followUrl: string }) => a.followUrl),
    );
  });

  it('unticks excluded people, or ticks only the included ones', async () => {
    const { me, ana, ben } = await network();
    const without = await pack(me, { source: 'FOLLOWING', exclude: [String(ana.id)] });
    expect(without.tickedCount).toBe(2);
    expect(without.people.find((p: any) => p.person.id === String(ana.id)).ticked).toBe(false);
    expect(without.platforms.find((p: any) => p.platform === 'X')).toBeUndefined();
    expect(without.mastodonCsvPath).toBe(
      `/api/follow-packs/mastodon.csv?source=following&exclude=${ana.id}`,
    );

    const only = await pack(me, { source: 'FOLLOWING', include: [String(ben.id)] });
    expect(only.tickedCount).toBe(1);
    expect(only.platforms.map((p: any) => p.platform)).toEqual(['MASTODON', 'BLUESKY']);
  });

  it('downloads the Mastodon follow-import CSV of the ticked people, with a good filename', async () => {
    const { me, ana, ben } = await network();
    const res = await csv(me, 'source=following').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="staff-voices-following-mastodon-follows-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(parse(res.text)).toEqual([
      ['Account address', 'Show boosts', 'Notify on new posts', 'Languages'],
      [`ana${seq}@mastodon.social`, 'true', 'false', ''],
      [`ben${seq}@fosstodon.org`, 'true', 'false', ''],
    ]);
    const fewer = await csv(me, `source=following&exclude=${ana.id}`).expect(200);
    expect(parse(fewer.text).slice(1)).toEqual([[`ben${seq}@fosstodon.org`, 'true', 'false', '']]);
    expect(ben).toBeDefined();
  });

  it('answers a bad request with 400 naming the field, and needs a bearer token', async () => {
    const me = await world.newPerson();
    const bad = await csv(me, 'source=everyone').expect(400);
    expect(bad.body).toMatchObject({ error: 'BAD_USER_INPUT', field: 'source' });
    const badIds = await csv(me, 'source=following&exclude=1,x').expect(400);
    expect(badIds.body).toMatchObject({ error: 'BAD_USER_INPUT', field: 'exclude' });
    const noCommunity = await csv(me, 'source=community').expect(400);
    expect(noCommunity.body).toMatchObject({ error: 'BAD_USER_INPUT', field: 'id' });
    await t.http().get('/api/follow-packs/mastodon.csv?source=following').expect(401);
  });

  it('packs a community by slug, without me, and not another organisation’s private one', async () => {
    const { me, ana, ben } = await network();
    const community = (
      await t.gql(
        CREATE_COMMUNITY,
        { input: { name: `Pack community ${seq}`, kind: 'NETWORK' } },
        admin,
      )
    ).data!.createCommunity.community;
    for (const p of [me, ana, ben]) await t.gql(JOIN, { input: { communityId: community.id } }, p);
    const res = await pack(me, { source: 'COMMUNITY', id: community.slug });
    expect(res.title).toBe(community.name);
    expect(res.people.map((p: any) => p.person.id)).toEqual([ana, ben].map((p) => String(p.id)));
    const file = await csv(me, `source=community&id=${community.id}`).expect(200);
    expect(file.headers['content-disposition']).toContain(
      `staff-voices-${community.slug}-mastodon-follows-`,
    );

    const theirs = await world.newOrganisation();
    const privateOne = (
      await t.gql(
        CREATE_COMMUNITY,
        {
          input: {
            name: `Private pack ${seq}`,
            kind: 'NETWORK',
            scope: 'ORGANISATION',
            organisationId: String(theirs.id),
          },
        },
        await world.newAdmin({ organisationId: theirs.id }),
      )
    ).data!.createCommunity.community;
    const refused = await t.gql(PACK, { source: 'COMMUNITY', id: privateOne.id }, me);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    await csv(me, `source=community&id=${privateOne.id}`).expect(404);
  });

  it('packs my team and the leaders, leaving out leavers', async () => {
    const org = await world.newOrganisation();
    const team = await t.app
      .get(TransactionRunner)
      .run((tx) =>
        tx.save(
          Department,
          tx.create(Department, { organisationId: org.id, name: `Team ${seq++}` }),
        ),
      );
    const inTeam = { organisationId: org.id, departmentId: team.id };
    const me = await world.newPerson(inTeam);
    const [mate, leaver] = [await world.newPerson(inTeam), await world.newPerson(inTeam)];
    await world.leave(leaver);
    const res = await pack(me, { source: 'TEAM' });
    expect(res.title).toBe(team.name);
    expect(res.people.map((p: any) => p.person.id)).toEqual([String(mate.id)]);

    const leader = await world.newPerson();
    await t.gql(
      SET_LEADER,
      { input: { staffId: String(leader.id), title: 'Chief Executive' } },
      admin,
    );
    const leaders = await pack(me, { source: 'LEADERS' });
    expect(leaders.title).toBe('Leaders');
    expect(leaders.people.map((p: any) => p.person.id)).toContain(String(leader.id));
  });

  it('pages a pack with first/after in keyset order, never listing me, the CSV still whole', async () => {
    seq += 1;
    const community = (
      await t.gql(
        CREATE_COMMUNITY,
        { input: { name: `Paged pack ${seq}`, kind: 'NETWORK' } },
        admin,
      )
    ).data!.createCommunity.community;
    const people: StaffMember[] = [];
    for (let i = 0; i < 5; i++) {
      const person = await world.newPerson({ displayName: `Paged ${seq} ${i}` });
      await addAccount(person, 'MASTODON', `@paged${seq}x${i}@mastodon.social`);
      people.push(person);
    }
    const me = people[2];
    for (const p of people) await t.gql(JOIN, { input: { communityId: community.id } }, p);
    const others = people.filter((p) => p !== me).map((p) => String(p.id));
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await pack(me, {
        source: 'COMMUNITY',
        id: community.slug,
        first: 2,
        after,
        exclude: [others[0]],
      });
      expect(page.totalCount).toBe(5); // the community's counter, me included
      seen.push(...page.people.map((p: any) => p.person.id));
      pageSizes.push(page.people.length);
      // this page's ticked people only
      const mastodon = page.platforms.find((p: any) => p.platform === 'MASTODON');
      expect(mastodon?.accounts.length ?? 0).toBe(page.tickedCount);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(others);
    expect(pageSizes).toEqual([2, 2]);

    // the Mastodon file is the whole pack, whatever page the viewer is on
    const file = await csv(me, `source=community&id=${community.id}&exclude=${others[0]}`).expect(
      200,
    );
    expect(
      parse(file.text)
        .slice(1)
        .map((row: string[]) => row[0]),
    ).toEqual([1, 3, 4].map((i) => `paged${seq}x${i}@mastodon.social`));

    const tooMany = await t.gql(PACK, { source: 'COMMUNITY', id: community.slug, first: 101 }, me);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const forged = await t.gql(
      PACK,
      {
        source: 'COMMUNITY',
        id: community.slug,
        after: Buffer.from('["x"]').toString('base64url'),
      },
      me,
    );
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('pages a team in name order', async () => {
    const org = await world.newOrganisation();
    const team = await t.app
      .get(TransactionRunner)
      .run((tx) =>
        tx.save(
          Department,
          tx.create(Department, { organisationId: org.id, name: `Paged team ${seq++}` }),
        ),
      );
    const inTeam = { organisationId: org.id, departmentId: team.id };
    const me = await world.newPerson(inTeam);
    const names = ['Cora', 'Abe', 'Bea'];
    const mates: Record<string, string> = {};
    for (const name of names) {
      mates[name] = String((await world.newPerson({ ...inTeam, displayName: name })).id);
    }
    const first = await pack(me, { source: 'TEAM', first: 2 });
    expect(first.people.map((p: any) => p.person.id)).toEqual([mates.Abe, mates.Bea]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await pack(me, { source: 'TEAM', first: 2, after: first.pageInfo.endCursor });
    expect(second.people.map((p: any) => p.person.id)).toEqual([mates.Cora]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
