import { Department } from '../src/organisations/department.entity';
import { Site } from '../src/organisations/site.entity';
import { TransactionRunner } from '../src/database/transaction-runner';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const SUGGESTIONS = /* GraphQL */ `
  query ($first: Int) {
    followSuggestions(first: $first) {
      person {
        id
        displayName
      }
      reasons {
        kind
        text
        count
        community {
          id
          name
        }
      }
    }
  }
`;
const FOLLOW = `mutation ($input: StaffIdInput!) { follow(input: $input) { followee { id } } }`;
const DISMISS = `mutation ($input: StaffIdInput!) { dismissFollowSuggestion(input: $input) { staffId } }`;
const OPT_OUT = `mutation ($input: FollowSuggestionsOptOutInput!) { setFollowSuggestionsOptOut(input: $input) { me { id } } }`;
const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id name } } }`;
const JOIN = `mutation ($input: CommunityIdInput!) { joinCommunity(input: $input) { community { id } } }`;
const SET_LEADER = `mutation ($input: SetLeaderInput!) { setLeader(input: $input) { leader { title } } }`;

type Suggestion = {
  person: { id: string };
  reasons: {
    kind: string;
    text: string;
    count: number | null;
    community: { name: string } | null;
  }[];
};

describe('follow suggestions', () => {
  let t: TestApp;
  let world: World;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  /** A fresh organisation with two departments and two sites, so tests never meet. */
  const workplace = async () => {
    const organisation = await world.newOrganisation();
    seq += 1;
    return t.app.get(TransactionRunner).run(async (tx) => {
      const [cardiology, radiology] = await tx.save(Department, [
        tx.create(Department, { organisationId: organisation.id, name: `Cardiology ${seq}` }),
        tx.create(Department, { organisationId: organisation.id, name: `Radiology ${seq}` }),
      ]);
      const [general, community] = await tx.save(Site, [
        tx.create(Site, { organisationId: organisation.id, name: `General Hospital ${seq}` }),
        tx.create(Site, { organisationId: organisation.id, name: `Community Hospital ${seq}` }),
      ]);
      return { organisation, cardiology, radiology, general, community };
    });
  };
  const suggestions = async (me: StaffMember, first = 50): Promise<Suggestion[]> => {
    const res = await t.gql(SUGGESTIONS, { first }, me);
    expect(res.errors).toBeUndefined();
    return res.data!.followSuggestions;
  };
  const find = (list: Suggestion[], who: StaffMember) =>
    list.find((s) => s.person.id === String(who.id));
  const follow = (me: StaffMember, other: StaffMember) =>
    t.gql(FOLLOW, { input: { staffId: String(other.id) } }, me);

  it('suggests colleagues with every reason, strongest first', async () => {
    const w = await workplace();
    const inOrg = { organisationId: w.organisation.id };
    const me = await world.newPerson({
      ...inOrg,
      departmentId: w.cardiology.id,
      siteId: w.general.id,
    });
    const teamMate = await world.newPerson({
      ...inOrg,
      departmentId: w.cardiology.id,
      siteId: w.community.id,
    });
    const siteMate = await world.newPerson({
      ...inOrg,
      departmentId: w.radiology.id,
      siteId: w.general.id,
    });
    const [friend1, friend2, friendOfFriends] = [
      await world.newPerson(),
      await world.newPerson(),
      await world.newPerson(),
    ];
    await follow(me, friend1);
    await follow(me, friend2);
    await follow(friend1, friendOfFriends);
    await follow(friend2, friendOfFriends);
    const communityName = `WeNurses ${seq}`;
    // NHS-wide communities and the national leaders list are the national team's
    const national = await world.newNationalAdmin();
    const community = (
      await t.gql(CREATE_COMMUNITY, { input: { name: communityName, kind: 'NETWORK' } }, national)
    ).data!.createCommunity.community;
    const fellowMember = await world.newPerson();
    await t.gql(JOIN, { input: { communityId: community.id } }, me);
    await t.gql(JOIN, { input: { communityId: community.id } }, fellowMember);
    const leader = await world.newPerson();
    await t.gql(
      SET_LEADER,
      { input: { staffId: String(leader.id), title: 'Chief Executive' } },
      national,
    );

    const list = await suggestions(me);
    expect(find(list, teamMate)!.reasons).toEqual([
      {
        kind: 'SAME_DEPARTMENT',
        text: `Also in ${w.cardiology.name}`,
        count: null,
        community: null,
      },
    ]);
    expect(find(list, siteMate)!.reasons).toEqual([
      { kind: 'SAME_SITE', text: `Also at ${w.general.name}`, count: null, community: null },
    ]);
    expect(find(list, friendOfFriends)!.reasons).toEqual([
      {
        kind: 'FOLLOWED_BY_PEOPLE_YOU_FOLLOW',
        text: 'Followed by 2 people you follow',
        count: 2,
        community: null,
      },
    ]);
    expect(find(list, fellowMember)!.reasons).toEqual([
      {
        kind: 'SHARED_COMMUNITY',
        text: `Also in ${communityName}`,
        count: null,
        community: { id: community.id, name: communityName },
      },
    ]);
    expect(find(list, leader)!.reasons).toEqual([
      { kind: 'LEADER', text: 'Leader: Chief Executive', count: null, community: null },
    ]);
    // ranked: a team mate (4) and a network of follows (3 + 1) above a shared community (2) above a site (1)
    const rank = (who: StaffMember) => list.findIndex((s) => s.person.id === String(who.id));
    expect(rank(teamMate)).toBeLessThan(rank(fellowMember));
    expect(rank(friendOfFriends)).toBeLessThan(rank(fellowMember));
    expect(rank(fellowMember)).toBeLessThan(rank(siteMate));
    // the first N are the top N
    const top = await suggestions(me, 2);
    expect(top.map((s) => s.person.id)).toEqual(list.slice(0, 2).map((s) => s.person.id));
  });

  it('leaves out me, people I follow, hidden people, people who opted out and dismissed ones', async () => {
    const w = await workplace();
    const team = {
      organisationId: w.organisation.id,
      departmentId: w.cardiology.id,
      siteId: w.general.id,
    };
    const me = await world.newPerson(team);
    const [followed, leaver, quiet, dismissed, suggested] = await Promise.all(
      Array.from({ length: 5 }, () => world.newPerson(team)),
    );
    await follow(me, followed);
    await world.leave(leaver);
    await t.gql(OPT_OUT, { input: { optOut: true } }, quiet);

    const before = await suggestions(me);
    expect(find(before, dismissed)).toBeDefined();
    const res = await t.gql(DISMISS, { input: { staffId: String(dismissed.id) } }, me);
    expect(res.data!.dismissFollowSuggestion.staffId).toBe(String(dismissed.id));
    // dismissing twice is harmless
    expect(
      (await t.gql(DISMISS, { input: { staffId: String(dismissed.id) } }, me)).errors,
    ).toBeUndefined();

    const ids = (await suggestions(me)).map((s) => s.person.id);
    expect(ids).toContain(String(suggested.id));
    for (const excluded of [me, followed, leaver, quiet, dismissed])
      expect(ids).not.toContain(String(excluded.id));
    // the opted-out person still sees suggestions themself, and is still followable
    expect((await suggestions(quiet)).map((s) => s.person.id)).toContain(String(suggested.id));
    expect((await follow(me, quiet)).errors).toBeUndefined();
    // a dismissal is mine alone
    expect((await suggestions(suggested)).map((s) => s.person.id)).toContain(String(dismissed.id));
  });

  it('keeps people hidden from me out of the people my follows follow', async () => {
    const [me, friend, leaver] = [
      await world.newPerson(),
      await world.newPerson(),
      await world.newPerson(),
    ];
    await follow(me, friend);
    await follow(friend, leaver);
    expect(find(await suggestions(me), leaver)).toBeDefined();
    await world.leave(leaver);
    expect(find(await suggestions(me), leaver)).toBeUndefined();
  });

  it('refuses to dismiss myself or someone hidden, like someone who does not exist', async () => {
    const [me, leaver] = [await world.newPerson(), await world.newPerson()];
    await world.leave(leaver);
    const self = await t.gql(DISMISS, { input: { staffId: String(me.id) } }, me);
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'staffId' });
    const hidden = await t.gql(DISMISS, { input: { staffId: String(leaver.id) } }, me);
    const missing = await t.gql(DISMISS, { input: { staffId: '999999' } }, me);
    expect(hidden.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'staffId' });
  });

  it.each([0, 51])('refuses first = %i, naming the field', async (first) => {
    const me = await world.newPerson();
    const res = await t.gql(SUGGESTIONS, { first }, me);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('suggests no one from another organisation’s private community', async () => {
    const [ours, theirs] = [await world.newOrganisation(), await world.newOrganisation()];
    const me = await world.newPerson({ organisationId: ours.id });
    const other = await world.newPerson({ organisationId: theirs.id });
    const community = (
      await t.gql(
        CREATE_COMMUNITY,
        {
          input: {
            name: `Private ${seq++}`,
            kind: 'NETWORK',
            scope: 'ORGANISATION',
            organisationId: String(theirs.id),
          },
        },
        await world.newAdmin({ organisationId: theirs.id }),
      )
    ).data!.createCommunity.community;
    await t.gql(JOIN, { input: { communityId: community.id } }, other);
    // I cannot join it, so it can never be a shared community for me
    const join = await t.gql(JOIN, { input: { communityId: community.id } }, me);
    expect(join.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(find(await suggestions(me), other)).toBeUndefined();
  });
});
