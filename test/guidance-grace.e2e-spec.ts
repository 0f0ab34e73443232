import { Clock } from '../src/common/clock/clock';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const GUIDANCE = /* GraphQL */ `
  query {
    guidance {
      accepted
      listedUntil
      current {
        version
        whatChanged
        graceEndsAt
      }
    }
  }
`;
const NOT_ACCEPTED = /* GraphQL */ `
  query ($first: Int, $after: String) {
    guidanceNotAccepted(first: $first, after: $after) {
      totalCount
      guidance {
        version
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          displayName
        }
      }
    }
  }
`;
const DAY = 86_400_000;

/** Issue 13 item 8: a new guidance version gives a grace period instead of delisting everyone. */
describe('guidance grace period (GUIDANCE_GRACE_DAYS=30)', () => {
  let t: TestApp;
  let world: World;
  let clock: Clock;

  beforeAll(async () => {
    t = await createTestApp({ GUIDANCE_GRACE_DAYS: '30' });
    world = new World(t);
    clock = t.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const moveClock = (days: number) => {
    const at = new Date(Date.now() + days * DAY);
    jest.spyOn(clock, 'now').mockReturnValue(at);
  };
  const listed = async (person: StaffMember) => (await world.reload(person)).listed;

  it('keeps people listed while asking them, shows what changed, and delists at the end by the sweep', async () => {
    const org = await world.newOrganisation();
    const u = world.unique();
    const [ada, ben] = [
      await world.newPerson({ organisationId: org.id, displayName: `Ada ${u}` }),
      await world.newPerson({ organisationId: org.id, displayName: `Ben ${u}` }),
    ];
    const admin = await world.newAdmin({ organisationId: org.id, displayName: `Cat ${u}` });
    // version 1: a first version has a grace period too (everyone was listed before it)
    await world.publishGuidance({ organisationId: org.id });
    expect(await listed(ada)).toBe(true);
    for (const p of [ada, ben, admin]) await world.acceptGuidance(await world.reload(p));

    await world.publishGuidance(
      { organisationId: org.id },
      { whatChanged: 'New section on patient photos.' },
    );
    // nobody is delisted at once
    expect(await listed(ada)).toBe(true);
    expect(await listed(ben)).toBe(true);
    const asked = await t.gql<{ guidance: any }>(GUIDANCE, {}, await world.reload(ada));
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.guidance).toMatchObject({
      accepted: false,
      current: { version: 2, whatChanged: 'New section on patient photos.' },
    });
    const until = new Date(asked.data!.guidance.listedUntil).getTime();
    expect(Math.abs(until - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    expect(asked.data!.guidance.current.graceEndsAt).toBe(asked.data!.guidance.listedUntil);

    await world.acceptGuidance(await world.reload(ben));
    // the communications team sees who has not re-accepted, by name, paged
    const first = await t.gql<{ guidanceNotAccepted: any }>(NOT_ACCEPTED, { first: 1 }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.guidanceNotAccepted).toMatchObject({
      totalCount: 2,
      guidance: { version: 2 },
      edges: [{ node: { displayName: `Ada ${u}` } }],
      pageInfo: { hasNextPage: true },
    });
    const second = await t.gql<{ guidanceNotAccepted: any }>(
      NOT_ACCEPTED,
      { first: 1, after: first.data!.guidanceNotAccepted.pageInfo.endCursor },
      admin,
    );
    expect(second.data!.guidanceNotAccepted.edges).toEqual([{ node: { displayName: `Cat ${u}` } }]);
    // not for staff without the role
    const refused = await t.gql(NOT_ACCEPTED, { first: 1 }, await world.reload(ada));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // a day before the end: the sweep changes nothing
    moveClock(29);
    expect(await world.sweepGuidanceGrace()).toBe(0);
    expect(await listed(ada)).toBe(true);

    // after the end: the sweep delists who has not accepted, and only them
    moveClock(31);
    expect(await world.sweepGuidanceGrace()).toBeGreaterThanOrEqual(1);
    expect(await listed(ada)).toBe(false);
    expect(await listed(admin)).toBe(false);
    expect(await listed(ben)).toBe(true);
    const late = await t.gql<{ guidance: any }>(GUIDANCE, {}, await world.reload(ada));
    expect(late.data!.guidance).toMatchObject({ accepted: false, listedUntil: null });
    // accepting lists them again at once
    await world.acceptGuidance(await world.reload(ada));
    expect(await listed(ada)).toBe(true);
  });

  it('gives no grace to someone who never accepted an earlier version', async () => {
    const org = await world.newOrganisation();
    await world.publishGuidance({ organisationId: org.id });
    const newcomer = await world.newPerson({ organisationId: org.id });
    // version 1's grace (everyone was listed before it) covers them too
    expect(newcomer.listed).toBe(true);
    const veteran = await world.newPerson({ organisationId: org.id });
    await world.acceptGuidance(veteran);
    moveClock(31);
    await world.sweepGuidanceGrace();
    expect(await listed(newcomer)).toBe(false);
    jest.restoreAllMocks();
    // version 2: the veteran (accepted v1) keeps a grace period; the newcomer (never) does not
    await world.publishGuidance({ organisationId: org.id });
    expect(await listed(veteran)).toBe(true);
    expect(await listed(newcomer)).toBe(false);
  });
});
