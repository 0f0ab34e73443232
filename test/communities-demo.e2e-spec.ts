import { seedDemoDataIfEmpty } from '../src/seed/seed-demo-data';
import { StaffGroup } from '../src/staff/staff-group';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';

const COMMUNITIES = `{ communities(first: 100) { totalCount edges { node { slug name kind hashtag memberCount links { url } } } } }`;
const WENURSES = /* GraphQL */ `
  {
    community(slug: "wenurses") {
      memberCount
      members(first: 100) {
        edges {
          node {
            role
            member {
              staffGroup
            }
          }
        }
      }
    }
  }
`;
const LEADERS = `{ leaders { edges { node { title statement person { displayName accounts { platform } } } } } }`;
const SUGGESTIONS = `{ followSuggestions(first: 10) { person { id } reasons { kind text } } }`;
const ME = `{ me { followerCount followingCount following(first: 5) { totalCount notListedCount edges { node { id } } } } }`;

describe('demo data: communities, leaders and follows', () => {
  let t: TestApp;
  let nurse: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDataIfEmpty(t.app);
    nurse = await t.dataSource.getRepository(StaffMember).findOneByOrFail({
      staffGroup: StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED,
      organisationId: 1,
    });
  });
  afterAll(() => t.close());

  it('carries #hellomynameis, WeNurses, WeDocs and NHSMillion with descriptions, hashtags and links', async () => {
    const res = await t.gql(COMMUNITIES, {}, nurse);
    expect(res.errors).toBeUndefined();
    const bySlug = Object.fromEntries(
      res.data!.communities.edges.map((e: any) => [e.node.slug, e.node]),
    );
    expect(bySlug).toMatchObject({
      hellomynameis: { kind: 'HASHTAG', hashtag: '#hellomynameis' },
      wenurses: { kind: 'NETWORK', name: 'WeNurses' },
      wedocs: { kind: 'NETWORK', name: 'WeDocs' },
      nhsmillion: { kind: 'ACCOUNT', name: 'NHSMillion' },
    });
    for (const community of Object.values(bySlug) as any[]) {
      expect(community.memberCount).toBeGreaterThan(0);
      expect(community.links.length).toBeGreaterThan(0);
    }
  });

  it('puts nurses in WeNurses', async () => {
    const res = await t.gql(WENURSES, {}, nurse);
    const groups = new Set(
      res.data!.community.members.edges.map((e: any) => e.node.member.staffGroup),
    );
    expect([...groups]).toEqual(['NURSING_AND_MIDWIFERY_REGISTERED']);
    expect(res.data!.community.members.edges.some((e: any) => e.node.role === 'CHAMPION')).toBe(
      true,
    );
  });

  it('features the chief executive and the director of communications', async () => {
    const res = await t.gql(LEADERS, {}, nurse);
    expect(
      res.data!.leaders.edges.map((e: any) => [e.node.title, e.node.person.displayName]),
    ).toEqual([
      ['Chief Executive', 'Dr Amara Okafor'],
      ['Director of Communications', 'Tom Whitfield'],
    ]);
    expect(res.data!.leaders.edges[0].node.person.accounts.length).toBeGreaterThan(0);
  });

  it('has a few thousand follows, with counters that match them', async () => {
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM follows');
    expect(Number(n)).toBeGreaterThan(2000);
    const [{ followers, following }] = await t.dataSource.query(
      'SELECT SUM(follower_count) AS followers, SUM(following_count) AS following FROM follow_stats',
    );
    expect([Number(followers), Number(following)]).toEqual([Number(n), Number(n)]);
    const me = await t.gql(ME, {}, nurse);
    // the list counts whom the viewer may see; notListedCount the rest the kept count holds
    const mine = me.data!.me;
    expect(mine.following.totalCount + mine.following.notListedCount).toBe(mine.followingCount);
    expect(me.data!.me.followingCount).toBeGreaterThan(0);
  });

  it('suggests people to a demo nurse, each with a reason', async () => {
    const res = await t.gql(SUGGESTIONS, {}, nurse);
    expect(res.errors).toBeUndefined();
    expect(res.data!.followSuggestions).toHaveLength(10);
    for (const s of res.data!.followSuggestions) expect(s.reasons.length).toBeGreaterThan(0);
  });
});
