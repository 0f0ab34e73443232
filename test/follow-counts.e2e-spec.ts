import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const PERSON = /* GraphQL */ `
  query ($id: ID!) {
    staffMember(id: $id) {
      followerCount
      followingCount
      followers(first: 50) {
        totalCount
        totalCountCapped
        notListedCount
        edges {
          node {
            id
          }
        }
      }
      following(first: 50) {
        totalCount
        totalCountCapped
        notListedCount
        edges {
          node {
            id
          }
        }
      }
    }
  }
`;

interface List {
  totalCount: number;
  totalCountCapped: boolean;
  notListedCount: number;
  edges: unknown[];
}

/** Issue 13 item 7: a list's count is what it lists, and the kept count's difference is named. */
describe('follow counts that match their lists', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  it('counts the people the list shows, and says how many more the kept count holds', async () => {
    const me = await world.newPerson();
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await world.newPerson());
    for (const other of people) {
      await world.follow(me, other);
      await world.follow(other, me);
    }
    // one leaves; one is delisted by a new version of their organisation's guidance
    const org = await world.newOrganisation();
    const unlisted = await world.newPerson({ organisationId: org.id });
    await world.follow(me, unlisted);
    await world.follow(unlisted, me);
    await world.publishGuidance({ organisationId: org.id });
    await world.leave(people[0]);

    const res = await t.gql<{
      staffMember: {
        followerCount: number;
        followingCount: number;
        followers: List;
        following: List;
      };
    }>(PERSON, { id: String(me.id) }, people[1]);
    expect(res.errors).toBeUndefined();
    const person = res.data!.staffMember;
    expect(person.followingCount).toBe(5);
    expect(person.following.edges).toHaveLength(3);
    expect(person.following).toMatchObject({
      totalCount: 3,
      notListedCount: 2,
      totalCountCapped: false,
    });
    expect(person.followerCount).toBe(5);
    expect(person.followers).toMatchObject({ totalCount: 3, notListedCount: 2 });
    expect(person.followers.edges).toHaveLength(3);
  });
});
