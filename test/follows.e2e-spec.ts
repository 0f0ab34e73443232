import { TransactionRunner } from '../src/database/transaction-runner';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';
import { recordStatements } from './support/statements';

const FOLLOW = /* GraphQL */ `
  mutation ($input: StaffIdInput!) {
    follow(input: $input) {
      followee {
        id
        followerCount
        viewerFollows
      }
      follower {
        id
        followingCount
      }
    }
  }
`;
const UNFOLLOW = /* GraphQL */ `
  mutation ($input: StaffIdInput!) {
    unfollow(input: $input) {
      followee {
        id
        followerCount
        viewerFollows
      }
      follower {
        id
        followingCount
      }
    }
  }
`;
const PERSON = /* GraphQL */ `
  query ($id: ID!, $first: Int, $after: String) {
    staffMember(id: $id) {
      id
      followerCount
      followingCount
      viewerFollows
      followsViewer
      followSuggestionsOptOut
      followers(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
          }
        }
      }
      following(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
          }
        }
      }
    }
  }
`;
const OPT_OUT = `mutation ($input: FollowSuggestionsOptOutInput!) { setFollowSuggestionsOptOut(input: $input) { me { id followSuggestionsOptOut } } }`;
const ACCOUNT_FOLLOW_URL = `query ($id: ID!) { staffMember(id: $id) { accounts { platform handle followUrl } } }`;

describe('following inside the directory', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const follow = (me: StaffMember, other: StaffMember | string) =>
    t.gql(FOLLOW, { input: { staffId: typeof other === 'string' ? other : String(other.id) } }, me);
  const unfollow = (me: StaffMember, other: StaffMember) =>
    t.gql(UNFOLLOW, { input: { staffId: String(other.id) } }, me);
  const person = async (
    viewer: StaffMember,
    who: StaffMember,
    vars: Record<string, unknown> = {},
  ) => {
    const res = await t.gql(PERSON, { id: String(who.id), first: 100, ...vars }, viewer);
    expect(res.errors).toBeUndefined();
    return res.data!.staffMember;
  };
  const leave = (who: StaffMember) => world.leave(who);

  it('follows idempotently and counts once', async () => {
    const [me, nurse] = [await world.newPerson(), await world.newPerson()];
    for (let i = 0; i < 2; i++) {
      const res = await follow(me, nurse);
      expect(res.errors).toBeUndefined();
      expect(res.data!.follow).toEqual({
        followee: { id: String(nurse.id), followerCount: 1, viewerFollows: true },
        follower: { id: String(me.id), followingCount: 1 },
      });
    }
    const seen = await person(nurse, me);
    expect(seen).toMatchObject({ followingCount: 1, followsViewer: true, viewerFollows: false });
    expect(seen.following.edges).toEqual([{ node: { id: String(nurse.id) } }]);
    expect((await person(me, nurse)).followers.edges).toEqual([{ node: { id: String(me.id) } }]);
  });

  it("reads the person followed alone, not the places a profile's read joins", async () => {
    const [me, nurse] = [await world.newPerson(), await world.newPerson()];
    await follow(me, nurse); // the first request signs me in
    await unfollow(me, nurse);
    const { result, texts } = await recordStatements(t.dataSource, () => follow(me, nurse));
    expect(result.errors).toBeUndefined();
    const reads = texts.filter((text) =>
      /^SELECT .* FROM "staff_members" s\s+WHERE s\."id" = /s.test(text),
    );
    expect(reads.length).toBeGreaterThanOrEqual(1);
    for (const read of reads) expect(read).not.toMatch(/JOIN/);
  });

  it('unfollows idempotently and counts once', async () => {
    const [me, nurse] = [await world.newPerson(), await world.newPerson()];
    await follow(me, nurse);
    for (let i = 0; i < 2; i++) {
      const res = await unfollow(me, nurse);
      expect(res.errors).toBeUndefined();
      expect(res.data!.unfollow).toEqual({
        followee: { id: String(nurse.id), followerCount: 0, viewerFollows: false },
        follower: { id: String(me.id), followingCount: 0 },
      });
    }
    expect((await person(me, nurse)).followers).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('keeps counts exact under concurrent follows and unfollows', async () => {
    const star = await world.newPerson();
    const fans = await Promise.all(Array.from({ length: 10 }, () => world.newPerson()));
    await Promise.all(fans.flatMap((fan) => [follow(fan, star), follow(fan, star)]));
    // two people following each other at once must not deadlock
    await Promise.all([follow(star, fans[0]), follow(fans[0], star), follow(star, fans[1])]);
    expect(await person(star, star)).toMatchObject({ followerCount: 10, followingCount: 2 });
    await Promise.all(
      fans.slice(0, 4).flatMap((fan) => [unfollow(fan, star), unfollow(fan, star)]),
    );
    const after = await person(star, star);
    expect(after).toMatchObject({ followerCount: 6 });
    expect(after.followers.edges).toHaveLength(6);
  });

  it('refuses to follow yourself, naming the field', async () => {
    const me = await world.newPerson();
    const res = await follow(me, me);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'staffId' });
    expect(await person(me, me)).toMatchObject({ followerCount: 0, followingCount: 0 });
  });

  it('answers a hidden person exactly as one who does not exist, and writes nothing', async () => {
    const [me, leaver] = [await world.newPerson(), await world.newPerson()];
    await leave(leaver);
    const hidden = await follow(me, leaver);
    const missing = await follow(me, '999999');
    expect(hidden.errors?.[0]).toMatchObject({ message: missing.errors?.[0].message });
    expect(hidden.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'staffId' });
    expect(await person(me, me)).toMatchObject({ followingCount: 0 });
    const unf = await unfollow(me, leaver);
    expect(unf.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);
  });

  it('lets someone unfollow a colleague who has since left, and hides leavers from the lists', async () => {
    const [me, colleague, other] = [
      await world.newPerson(),
      await world.newPerson(),
      await world.newPerson(),
    ];
    await follow(me, colleague);
    await follow(me, other);
    await follow(colleague, me);
    await leave(colleague);
    const mine = await person(me, me);
    expect(mine.following.edges).toEqual([{ node: { id: String(other.id) } }]);
    expect(mine.followers.edges).toEqual([]);
    const res = await unfollow(me, colleague);
    expect(res.errors).toBeUndefined();
    expect(res.data!.unfollow).toEqual({
      followee: null,
      follower: { id: String(me.id), followingCount: 1 },
    });
  });

  it('pages followers newest first by cursor', async () => {
    const star = await world.newPerson();
    const fans: StaffMember[] = [];
    for (let i = 0; i < 5; i++) {
      const fan = await world.newPerson();
      await follow(fan, star);
      fans.push(fan);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await person(star, star, { first: 2, after });
      seen.push(...page.followers.edges.map((e: any) => e.node.id));
      expect(page.followers.totalCount).toBe(5);
      if (!page.followers.pageInfo.hasNextPage) break;
      after = page.followers.pageInfo.endCursor;
    }
    expect(seen).toEqual(fans.map((f) => String(f.id)).reverse());
  });

  it('pages through followers written elsewhere with the same second-precision timestamp', async () => {
    const star = await world.newPerson();
    const fans = await Promise.all(Array.from({ length: 4 }, () => world.newPerson()));
    // as a bulk import or another tool would write them: no milliseconds, all in one second
    // (still through the one way to write: on SQLite anything else meets the read-only connection)
    for (const fan of fans) {
      await t.app
        .get(TransactionRunner)
        .run((tx) =>
          tx.query(
            `INSERT INTO follows (follower_id, followee_id, created_at) VALUES (${fan.id}, ${star.id}, '2026-01-05 10:00:00')`,
          ),
        );
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: any = await person(star, star, { first: 1, after });
      seen.push(...page.followers.edges.map((e: any) => e.node.id));
      if (!page.followers.pageInfo.hasNextPage) break;
      after = page.followers.pageInfo.endCursor;
    }
    // ties in time are broken by id, newest first
    expect(seen).toEqual(
      fans
        .map((f) => f.id)
        .sort((a, b) => b - a)
        .map(String),
    );
  });

  it('refuses a cursor that is not one of ours', async () => {
    const me = await world.newPerson();
    const res = await t.gql(PERSON, { id: String(me.id), first: 2, after: 'bm90LWEtY3Vyc29y' }, me);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('needs a signed-in person for every following operation', async () => {
    const someone = await world.newPerson();
    const input = { staffId: String(someone.id) };
    for (const [operation, variables] of [
      [FOLLOW, { input }],
      [UNFOLLOW, { input }],
      [OPT_OUT, { input: { optOut: true } }],
      [
        'mutation ($input: StaffIdInput!) { dismissFollowSuggestion(input: $input) { staffId } }',
        { input },
      ],
      ['{ followSuggestions { person { id } } }', {}],
      ['{ followPack(source: LEADERS) { title } }', {}],
    ] as const) {
      const res = await t.gql(operation, variables, null);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await person(someone, someone)).toMatchObject({ followerCount: 0 });
  });

  it('acts only for the signed-in person: no operation takes someone else as the follower', async () => {
    const [me, other, target] = [
      await world.newPerson(),
      await world.newPerson(),
      await world.newPerson(),
    ];
    await follow(other, target);
    // my unfollow of target cannot touch other's follow, and my opt-out is mine alone
    await unfollow(me, target);
    await t.gql(OPT_OUT, { input: { optOut: true } }, me);
    expect(await person(other, other)).toMatchObject({
      followingCount: 1,
      followSuggestionsOptOut: false,
    });
    expect((await person(me, target)).followers.edges).toEqual([
      { node: { id: String(other.id) } },
    ]);
  });

  it('lets a person opt out of suggestions, which only they can see', async () => {
    const [me, other] = [await world.newPerson(), await world.newPerson()];
    const res = await t.gql(OPT_OUT, { input: { optOut: true } }, me);
    expect(res.data!.setFollowSuggestionsOptOut.me).toEqual({
      id: String(me.id),
      followSuggestionsOptOut: true,
    });
    expect((await person(other, me)).followSuggestionsOptOut).toBeNull();
    await t.gql(OPT_OUT, { input: { optOut: false } }, me);
    expect((await person(me, me)).followSuggestionsOptOut).toBe(false);
  });

  it('opens Mastodon follows through the viewer’s own server, and X through its follow intent', async () => {
    const [me, colleague] = [await world.newPerson(), await world.newPerson()];
    await t.app.get(TransactionRunner).run(async (tx) => {
      for (const [staffId, platform, handle, url] of [
        [me.id, 'MASTODON', '@me@nhs.social', 'https://nhs.social/@me'],
        [
          colleague.id,
          'MASTODON',
          `@c${colleague.id}@mastodon.social`,
          `https://mastodon.social/@c${colleague.id}`,
        ],
        [colleague.id, 'X', `@c${colleague.id}`, `https://x.com/c${colleague.id}`],
      ] as const) {
        await tx.query(
          `INSERT INTO social_accounts (staff_id, platform, handle, handle_key, url) VALUES (${staffId}, '${platform}', '${handle}', '${handle.toLowerCase()}', '${url}')`,
        );
      }
    });
    const res = await t.gql(ACCOUNT_FOLLOW_URL, { id: String(colleague.id) }, me);
    expect(res.data!.staffMember.accounts).toEqual([
      {
        platform: 'MASTODON',
        handle: `@c${colleague.id}@mastodon.social`,
        followUrl: `https://nhs.social/authorize_interaction?uri=c${colleague.id}%40mastodon.social`,
      },
      {
        platform: 'X',
        handle: `@c${colleague.id}`,
        followUrl: `https://x.com/intent/follow?screen_name=c${colleague.id}`,
      },
    ]);
    // a viewer without Mastodon gets the profile
    const stranger = await world.newPerson();
    const plain = await t.gql(ACCOUNT_FOLLOW_URL, { id: String(colleague.id) }, stranger);
    expect(plain.data!.staffMember.accounts[0].followUrl).toBe(
      `https://mastodon.social/@c${colleague.id}`,
    );
  });
});
