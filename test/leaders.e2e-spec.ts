import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const SET = /* GraphQL */ `
  mutation ($input: SetLeaderInput!) {
    setLeader(input: $input) {
      leader {
        title
        statement
        featuredOrder
        person {
          id
        }
      }
    }
  }
`;
const REMOVE = `mutation ($input: RemoveLeaderInput!) { removeLeader(input: $input) { staffId leaders { person { id } } } }`;
const REORDER = `mutation ($input: ReorderLeadersInput!) { reorderLeaders(input: $input) { leaders { featuredOrder person { id } } } }`;
const LEADERS = /* GraphQL */ `
  query ($first: Int, $after: String) {
    leaders(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          title
          statement
          featuredOrder
          person {
            id
            displayName
            accounts {
              handle
            }
            leader {
              title
            }
          }
        }
      }
    }
  }
`;

// Each test file has its own database, but the tests here share the one list of leaders: each
// test looks only at the leaders it made, in their relative order.
describe('leaders', () => {
  let t: TestApp;
  let world: World;
  let admin: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    // the national list (no organisationId) is curated by Comms.NationalAdmin
    admin = await world.newNationalAdmin();
  });
  afterAll(() => t.close());

  const setLeader = async (person: StaffMember, input: Record<string, unknown> = {}) => {
    const res = await t.gql(
      SET,
      { input: { staffId: String(person.id), title: 'Director', ...input } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.setLeader.leader;
  };
  const orderOf = async (people: StaffMember[]) => {
    const res = await t.gql(LEADERS, { first: 100 }, admin);
    const ids = new Set(people.map((p) => String(p.id)));
    return res
      .data!.leaders.edges.map((e: any) => e.node.person.id)
      .filter((id: string) => ids.has(id));
  };

  it('features a person with a title and statement, listed with their accounts', async () => {
    const ceo = await world.newPerson({ displayName: 'Dr Amara Okafor' });
    const leader = await setLeader(ceo, {
      title: 'Chief Executive',
      statement: 'I work out loud.',
    });
    expect(leader).toMatchObject({
      title: 'Chief Executive',
      statement: 'I work out loud.',
      person: { id: String(ceo.id) },
    });
    const viewer = await world.newPerson();
    const res = await t.gql(LEADERS, { first: 100 }, viewer);
    const node = res.data!.leaders.edges.find((e: any) => e.node.person.id === String(ceo.id)).node;
    expect(node).toMatchObject({
      title: 'Chief Executive',
      person: {
        displayName: 'Dr Amara Okafor',
        accounts: [],
        leader: { title: 'Chief Executive' },
      },
    });
  });

  it('places, moves, reorders and removes leaders, keeping positions without gaps', async () => {
    const [a, b, c] = [await world.newPerson(), await world.newPerson(), await world.newPerson()];
    await setLeader(a);
    await setLeader(b);
    await setLeader(c, { featuredOrder: 1 });
    expect(await orderOf([a, b, c])).toEqual([c, a, b].map((p) => String(p.id)));

    // editing the title keeps the place
    const edited = await setLeader(a, { title: 'Medical Director' });
    expect(edited.title).toBe('Medical Director');
    expect(await orderOf([a, b, c])).toEqual([c, a, b].map((p) => String(p.id)));

    const reordered = await t.gql(
      REORDER,
      { input: { staffIds: [b, a, c].map((p) => String(p.id)) } },
      admin,
    );
    expect(reordered.errors).toBeUndefined();
    expect(await orderOf([a, b, c])).toEqual([b, a, c].map((p) => String(p.id)));
    const positions = reordered.data!.reorderLeaders.leaders.map((l: any) => l.featuredOrder);
    expect(positions).toEqual(positions.map((_: number, i: number) => i + 1));

    const removed = await t.gql(REMOVE, { input: { staffId: String(a.id) } }, admin);
    expect(removed.data!.removeLeader.staffId).toBe(String(a.id));
    expect(await orderOf([a, b, c])).toEqual([b, c].map((p) => String(p.id)));
    // removing again changes nothing
    const again = await t.gql(REMOVE, { input: { staffId: String(a.id) } }, admin);
    expect(again.errors).toBeUndefined();
  });

  it('refuses to reorder with someone who is not a leader', async () => {
    const stranger = await world.newPerson();
    const res = await t.gql(REORDER, { input: { staffIds: [String(stranger.id)] } }, admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'staffIds' });
  });

  it('refuses a leader without a title, or a person who does not exist', async () => {
    const person = await world.newPerson();
    const noTitle = await t.gql(SET, { input: { staffId: String(person.id), title: '' } }, admin);
    expect(noTitle.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    const nobody = await t.gql(SET, { input: { staffId: '999999', title: 'CEO' } }, admin);
    expect(nobody.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'staffId' });
    expect(await orderOf([person])).toEqual([]);
  });

  it('refuses every leader change to anyone but Comms.Admin', async () => {
    const person = await world.newPerson();
    await setLeader(person);
    const me = await world.newPerson();
    for (const [mutation, input] of [
      [SET, { staffId: String(me.id), title: 'Self-appointed' }],
      [REMOVE, { staffId: String(person.id) }],
      [REORDER, { staffIds: [String(person.id)] }],
    ] as const) {
      const res = await t.gql(mutation, { input }, me);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await orderOf([person, me])).toEqual([String(person.id)]);
  });

  it('leaves a leader who has left out of the list', async () => {
    const leaver = await world.newPerson();
    await setLeader(leaver);
    await world.leave(leaver);
    expect(await orderOf([leaver])).toEqual([]);
  });

  it('pages leaders by cursor in featured order', async () => {
    const viewer = await world.newPerson();
    const all = await t.gql(LEADERS, { first: 100 }, viewer);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(LEADERS, { first: 2, after }, viewer);
      seen.push(...res.data.leaders.edges.map((e: any) => e.node.person.id));
      if (!res.data.leaders.pageInfo.hasNextPage) break;
      after = res.data.leaders.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.leaders.edges.map((e: any) => e.node.person.id));
    expect(all.data!.leaders.totalCount).toBe(seen.length);
  });
});
