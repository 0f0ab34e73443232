import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';
import type { StaffMember } from '../src/staff/staff-member.entity';

// Past PostgreSQL's `integer` (SQLite's is 64-bit): no row can have it, on either database.
const BEYOND = '2147483648';
const HUGE = '99999999999999999999';
const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('ids and cursors: one answer on both databases', () => {
  let t: TestApp;
  let world: World;
  let me: StaffMember;
  let admin: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    const organisation = await world.newOrganisation();
    me = await world.newPerson({ organisationId: organisation.id });
    // the national team: it may act on every list and organisation, so only the id decides the answer
    admin = await world.newNationalAdmin({ organisationId: organisation.id, isCommsAdmin: true });
  });
  afterAll(() => t.close());

  const codeOf = async (query: string, variables: Record<string, unknown>, as = me) => {
    const res = await t.gql(query, variables, as);
    return res.errors?.[0]?.extensions ?? null;
  };

  describe.each([BEYOND, HUGE])('an id of %s', (id) => {
    it.each([
      ['staffMember', `query($id: ID!) { staffMember(id: $id) { id } }`, { id }, 'NOT_FOUND', 'id'],
      ['community', `query($id: ID!) { community(id: $id) { id } }`, { id }, 'NOT_FOUND', 'id'],
      [
        'followPack of a community',
        `query($id: ID) { followPack(source: COMMUNITY, id: $id) { title } }`,
        { id },
        'NOT_FOUND',
        'id',
      ],
      [
        'followPack of a team',
        `query($id: ID) { followPack(source: TEAM, id: $id) { title } }`,
        { id },
        'NOT_FOUND',
        'id',
      ],
      [
        'the directory filtered by that community',
        `query($id: ID) { staff(filter: { communityId: $id }) { totalCount } }`,
        { id },
        'NOT_FOUND',
        'communityId',
      ],
      [
        'follow',
        `mutation($id: ID!) { follow(input: { staffId: $id }) { followee { id } } }`,
        { id },
        'NOT_FOUND',
        'staffId',
      ],
      [
        'unfollow',
        `mutation($id: ID!) { unfollow(input: { staffId: $id }) { followee { id } } }`,
        { id },
        'NOT_FOUND',
        'staffId',
      ],
      [
        'joinCommunity',
        `mutation($id: ID!) { joinCommunity(input: { communityId: $id }) { community { id } } }`,
        { id },
        'NOT_FOUND',
        'communityId',
      ],
      [
        'leaveCommunity',
        `mutation($id: ID!) { leaveCommunity(input: { communityId: $id }) { community { id } } }`,
        { id },
        'NOT_FOUND',
        'communityId',
      ],
      [
        'updateSocialAccount',
        `mutation($id: ID!) { updateSocialAccount(input: { id: $id, purpose: PERSONAL }) { account { id } } }`,
        { id },
        'NOT_FOUND',
        'id',
      ],
      [
        'removeSocialAccount',
        `mutation($id: ID!) { removeSocialAccount(input: { id: $id }) { removedAccountId } }`,
        { id },
        'NOT_FOUND',
        'id',
      ],
      [
        'updateMyProfile with a site',
        `mutation($id: ID) { updateMyProfile(input: { siteId: $id }) { staffMember { id } } }`,
        { id },
        'BAD_USER_INPUT',
        'siteId',
      ],
      [
        'chooseMyOrganisation',
        `mutation($id: ID!) { chooseMyOrganisation(input: { organisationId: $id }) { me { id } } }`,
        { id },
        'BAD_USER_INPUT',
        'organisationId',
      ],
    ])('%s answers %s', async (_, query, variables, code, field) => {
      expect(await codeOf(query, variables)).toMatchObject({ code, field });
    });

    it.each([
      [
        'setLeader',
        `mutation($id: ID!) { setLeader(input: { staffId: $id, title: "CEO" }) { leader { title } } }`,
        'NOT_FOUND',
        'staffId',
      ],
      [
        'setCommunityMemberRole',
        `mutation($id: ID!) { setCommunityMemberRole(input: { communityId: $id, staffId: $id, role: CHAMPION }) { membership { role } } }`,
        'NOT_FOUND',
        'staffId',
      ],
      [
        'archiveCommunity',
        `mutation($id: ID!) { archiveCommunity(input: { communityId: $id }) { community { id } } }`,
        'NOT_FOUND',
        'id',
      ],
      [
        'updateCommunity',
        `mutation($id: ID!) { updateCommunity(input: { id: $id, name: "Renamed" }) { community { id } } }`,
        'NOT_FOUND',
        'id',
      ],
      [
        'createCommunity for that organisation',
        `mutation($id: ID) { createCommunity(input: { name: "Ours", kind: NETWORK, scope: ORGANISATION, organisationId: $id }) { community { id } } }`,
        'BAD_USER_INPUT',
        'organisationId',
      ],
      [
        'reorderLeaders',
        `mutation($id: ID!) { reorderLeaders(input: { staffIds: [$id] }) { leaders { title } } }`,
        'BAD_USER_INPUT',
        'staffIds',
      ],
    ])('%s (communications team) answers %s', async (_, query, code, field) => {
      expect(await codeOf(query, { id }, admin)).toMatchObject({ code, field });
    });

    it('the directory filtered by that organisation, site or department finds nobody', async () => {
      for (const filter of ['organisationId', 'siteId', 'departmentId']) {
        const res = await t.gql(
          `query($filter: StaffFilter) { staff(filter: $filter) { totalCount } }`,
          { filter: { [filter]: id } },
          me,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.staff.totalCount).toBe(0);
      }
    });

    it('the Mastodon CSV of that community or team answers 404', async () => {
      for (const source of ['community', 'team']) {
        const res = await t
          .http()
          .get(`/api/follow-packs/mastodon.csv?source=${source}&id=${id}`)
          .set('Authorization', `Bearer ${t.tokenFor(me)}`);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: 'NOT_FOUND', field: 'id' });
        expect(res.body.reason).toMatch(/^(COMMUNITY|DEPARTMENT)_NOT_FOUND$/);
      }
    });
  });

  it('a malformed id answers BAD_USER_INPUT naming the field', async () => {
    for (const id of ['abc', '-1', '1.5', '', ' 7']) {
      expect(await codeOf(`query($id: ID!) { staffMember(id: $id) { id } }`, { id })).toMatchObject(
        { code: 'BAD_USER_INPUT', field: 'id' },
      );
    }
  });

  describe('cursors that this API never issued answer BAD_USER_INPUT naming after', () => {
    const timestampCursors = [
      cursor(['2026-01-01 00:00:00.000', Number(BEYOND)]),
      cursor([1e20, 1]),
      cursor([Date.now(), Number(HUGE)]),
    ];
    it.each([
      [
        'the directory by name',
        `query($after: String) { staff(after: $after) { totalCount } }`,
        [cursor(['Smith', Number(BEYOND)]), cursor(['Smith', 1.5])],
      ],
      [
        'the directory by relevance',
        `query($after: String) { staff(after: $after, filter: { search: "smith" }) { totalCount } }`,
        [cursor([1, 'Smith', Number(BEYOND)]), cursor(['1', 'Smith', 1])],
      ],
      [
        'communities',
        `query($after: String) { communities(after: $after) { totalCount } }`,
        [cursor(['WeNurses', Number(BEYOND)])],
      ],
      [
        'leaders',
        `query($after: String) { leaders(after: $after) { totalCount } }`,
        [cursor([1, Number(BEYOND)]), cursor([Number(BEYOND), 1])],
      ],
      [
        'followers',
        `query($after: String) { me { followers(after: $after) { totalCount } } }`,
        timestampCursors,
      ],
      [
        'following',
        `query($after: String) { me { following(after: $after) { totalCount } } }`,
        timestampCursors,
      ],
    ])('%s', async (_, query, cursors) => {
      for (const after of cursors) {
        // root (staff, communities, leaders) and nested (followers) fields answer alike
        expect(await codeOf(query, { after })).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_CURSOR',
          field: 'after',
        });
      }
    });
  });
});
