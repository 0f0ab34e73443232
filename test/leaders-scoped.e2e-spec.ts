import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const SET = `mutation ($input: SetLeaderInput!) { setLeader(input: $input) { leader { title featuredOrder organisation { id } person { id } } } }`;
const REMOVE = `mutation ($input: RemoveLeaderInput!) { removeLeader(input: $input) { staffId leaders { person { id } } } }`;
const REORDER = `mutation ($input: ReorderLeadersInput!) { reorderLeaders(input: $input) { leaders { featuredOrder person { id } } } }`;
const LEADERS = `query ($organisationId: ID) { leaders(first: 100, organisationId: $organisationId) { totalCount edges { node { title featuredOrder organisation { id } person { id } } } } }`;
const AUDIT_LOG = `query ($filter: AuditLogFilter) { auditLog(first: 50, filter: $filter) { edges { node { action targetType targetId actor { id } organisation { id } before after } } } }`;

// Issue 9 item 4: the national leaders list needs Comms.NationalAdmin; each organisation's
// communications team curates its own organisation's leaders, and every change is audited.
describe('leaders lists: national and per organisation', () => {
  let t: TestApp;
  let world: World;
  let national: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    national = await world.newNationalAdmin();
  });
  afterAll(() => t.close());

  const idsOn = async (organisationId: number | null, viewer: StaffMember) => {
    const res = await t.gql(
      LEADERS,
      { organisationId: organisationId === null ? null : String(organisationId) },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.leaders.edges.map((e: any) => e.node);
  };

  it("refuses another trust's admin who retitles, removes or reorders the national chief executive", async () => {
    const ceo = await world.newPerson({ displayName: 'National Chief Executive' });
    const set = await t.gql(
      SET,
      { input: { staffId: String(ceo.id), title: 'Chief Executive' } },
      national,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setLeader.leader.organisation).toBeNull();

    const trustAdmin = await world.newAdmin({
      organisationId: (await world.newOrganisation()).id,
    });
    for (const [mutation, input] of [
      [SET, { staffId: String(ceo.id), title: 'Former Chief Executive' }],
      [REMOVE, { staffId: String(ceo.id) }],
      [REORDER, { staffIds: [String(ceo.id)] }],
    ] as const) {
      const res = await t.gql(mutation, { input }, trustAdmin);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NATIONAL_LEADERS_NEED_NATIONAL_ADMIN',
      });
    }
    // naming their own organisation does not move the national leader onto their list
    const moved = await t.gql(
      SET,
      {
        input: {
          staffId: String(ceo.id),
          title: 'Ours now',
          organisationId: String(trustAdmin.organisationId),
        },
      },
      trustAdmin,
    );
    expect(moved.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NATIONAL_LEADERS_NEED_NATIONAL_ADMIN',
    });
    const after = (await idsOn(null, trustAdmin)).find((l: any) => l.person.id === String(ceo.id));
    expect(after).toMatchObject({ title: 'Chief Executive', organisation: null });
  });

  it("lets an organisation's admin curate their own organisation's list, and only theirs", async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const [a, b] = [
      await world.newPerson({ organisationId: org.id }),
      await world.newPerson({ organisationId: org.id }),
    ];
    const orgId = String(org.id);
    for (const p of [a, b]) {
      const res = await t.gql(
        SET,
        { input: { staffId: String(p.id), title: 'Director', organisationId: orgId } },
        admin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.setLeader.leader.organisation).toEqual({ id: orgId });
    }
    const reordered = await t.gql(
      REORDER,
      { input: { staffIds: [String(b.id), String(a.id)], organisationId: orgId } },
      admin,
    );
    expect(reordered.errors).toBeUndefined();
    expect(reordered.data!.reorderLeaders.leaders.map((l: any) => l.person.id)).toEqual([
      String(b.id),
      String(a.id),
    ]);
    const ours = await idsOn(org.id, admin);
    expect(ours.map((l: any) => [l.person.id, l.featuredOrder])).toEqual([
      [String(b.id), 1],
      [String(a.id), 2],
    ]);
    // the organisation's leaders are not on the national list
    const nationalIds = (await idsOn(null, admin)).map((l: any) => l.person.id);
    expect(nationalIds).not.toContain(String(a.id));

    // another trust's admin may not touch this list
    const other = await world.newAdmin({ organisationId: (await world.newOrganisation()).id });
    const retitle = await t.gql(
      SET,
      { input: { staffId: String(a.id), title: 'Nobody', organisationId: orgId } },
      other,
    );
    expect(retitle.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_ORGANISATIONS_LEADERS',
    });
    const removal = await t.gql(REMOVE, { input: { staffId: String(a.id) } }, other);
    expect(removal.errors?.[0].extensions).toMatchObject({
      reason: 'NOT_YOUR_ORGANISATIONS_LEADERS',
    });
    // a trust admin cannot feature someone from elsewhere on their list
    const outsider = await world.newPerson();
    const wrong = await t.gql(
      SET,
      { input: { staffId: String(outsider.id), title: 'Director', organisationId: orgId } },
      admin,
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'LEADER_NOT_IN_ORGANISATION',
      field: 'staffId',
    });
    // and a national admin may step in on an organisation's list
    const removed = await t.gql(REMOVE, { input: { staffId: String(a.id) } }, national);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeLeader.leaders.map((l: any) => l.person.id)).toEqual([String(b.id)]);
    expect((await idsOn(org.id, admin)).map((l: any) => [l.person.id, l.featuredOrder])).toEqual([
      [String(b.id), 1],
    ]);
  });

  it('refuses to put a leader of one list on another', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const person = await world.newPerson({ organisationId: org.id });
    await t.gql(
      SET,
      { input: { staffId: String(person.id), title: 'Chair', organisationId: String(org.id) } },
      admin,
    );
    const res = await t.gql(
      SET,
      { input: { staffId: String(person.id), title: 'National Chair' } },
      national,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'LEADER_ON_ANOTHER_LIST',
      field: 'staffId',
    });
  });

  it('records every leader change in the audit log, with its list', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const person = await world.newPerson({ organisationId: org.id });
    const orgId = String(org.id);
    await t.gql(
      SET,
      { input: { staffId: String(person.id), title: 'Director', organisationId: orgId } },
      admin,
    );
    await t.gql(
      SET,
      { input: { staffId: String(person.id), title: 'Chief Nurse', organisationId: orgId } },
      admin,
    );
    await t.gql(
      REORDER,
      { input: { staffIds: [String(person.id)], organisationId: orgId } },
      admin,
    );
    await t.gql(REMOVE, { input: { staffId: String(person.id) } }, admin);
    const log = await t.gql(AUDIT_LOG, { filter: { targetType: 'leader' } }, admin);
    expect(log.errors).toBeUndefined();
    const mine = log
      .data!.auditLog.edges.map((e: any) => e.node)
      .filter((n: any) => n.targetId === String(person.id));
    expect(mine.map((n: any) => n.action)).toEqual(['leader.remove', 'leader.set', 'leader.set']);
    for (const n of mine) {
      expect(n).toMatchObject({ actor: { id: String(admin.id) }, organisation: { id: orgId } });
    }
    expect(JSON.parse(mine[1].before)).toMatchObject({ title: 'Director' });
    expect(JSON.parse(mine[1].after)).toMatchObject({ title: 'Chief Nurse' });
    const reorders = await t.gql(AUDIT_LOG, { filter: { action: 'leader.reorder' } }, admin);
    expect(reorders.data!.auditLog.edges[0].node).toMatchObject({
      targetType: 'leaders',
      targetId: orgId,
      after: JSON.stringify({ order: [String(person.id)].map(Number) }),
    });
  });

  it('leaves no audit entry when a change is refused', async () => {
    const person = await world.newPerson();
    const trustAdmin = await world.newAdmin();
    await t.gql(
      SET,
      { input: { staffId: String(person.id), title: 'Chief Executive' } },
      trustAdmin,
    );
    const log = await t.gql(AUDIT_LOG, { filter: { targetId: String(person.id) } }, national);
    expect(log.data!.auditLog.edges).toEqual([]);
  });

  it('features a person on one list only when two lists take them at the same moment', async () => {
    const organisation = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: organisation.id });
    const director = await world.newPerson({ organisationId: organisation.id });
    const input = { staffId: String(director.id), title: 'Director of Nursing' };
    const answers = await Promise.all([
      t.gql(SET, { input }, national),
      t.gql(SET, { input: { ...input, organisationId: String(organisation.id) } }, admin),
      t.gql(SET, { input }, national),
      t.gql(SET, { input: { ...input, organisationId: String(organisation.id) } }, admin),
    ]);
    // refused with a reason, never INTERNAL: the list is taken, or (for the trust's admin, once
    // the national team has them) the national list is not theirs to change
    for (const answer of answers.filter((a) => a.errors)) {
      expect(['LEADER_ON_ANOTHER_LIST', 'NATIONAL_LEADERS_NEED_NATIONAL_ADMIN']).toContain(
        answer.errors![0].extensions!.reason,
      );
    }
    const onLists = [
      ...(await idsOn(null, national)),
      ...(await idsOn(organisation.id, national)),
    ].filter((leader: any) => leader.person.id === String(director.id));
    expect(onLists).toHaveLength(1);
    const kept = onLists[0].organisation?.id ?? null;
    // every answer that succeeded put them on the list they stayed on
    for (const answer of answers.filter((a) => !a.errors)) {
      expect(answer.data!.setLeader.leader.organisation?.id ?? null).toBe(kept);
    }
  });

  it("shows each person the national leaders and their own organisation's, never another trust's (suggestions and the leaders pack)", async () => {
    const SUGGESTED = `{ followSuggestions(first: 50) { person { id } reasons { kind text } } }`;
    const PACK = `{ followPack(source: LEADERS, first: 100) { people { edges { node { person { id } } } } } }`;
    const [mine, theirs] = [await world.newOrganisation(), await world.newOrganisation()];
    const nationalLeader = await world.newPerson({ organisationId: theirs.id });
    const ourLeader = await world.newPerson({ organisationId: mine.id });
    const theirLeader = await world.newPerson({ organisationId: theirs.id });
    for (const [person, organisationId, admin] of [
      [nationalLeader, null, national],
      [ourLeader, mine.id, await world.newAdmin({ organisationId: mine.id })],
      [theirLeader, theirs.id, await world.newAdmin({ organisationId: theirs.id })],
    ] as const) {
      const set = await t.gql(
        SET,
        {
          input: {
            staffId: String(person.id),
            title: 'Chief Nurse',
            ...(organisationId === null ? {} : { organisationId: String(organisationId) }),
          },
        },
        admin,
      );
      expect(set.errors).toBeUndefined();
    }
    const colleague = await world.newPerson({ organisationId: mine.id });

    const pack = await t.gql(PACK, {}, colleague);
    expect(pack.errors).toBeUndefined();
    const packed = pack.data!.followPack.people.edges.map((e: any) => e.node.person.id);
    expect(packed).toEqual(
      expect.arrayContaining([String(nationalLeader.id), String(ourLeader.id)]),
    );
    expect(packed).not.toContain(String(theirLeader.id));

    const suggestions = await t.gql(SUGGESTED, {}, colleague);
    expect(suggestions.errors).toBeUndefined();
    const asLeaders = suggestions
      .data!.followSuggestions.filter((s: any) => s.reasons.some((r: any) => r.kind === 'LEADER'))
      .map((s: any) => s.person.id);
    expect(asLeaders).toEqual(
      expect.arrayContaining([String(nationalLeader.id), String(ourLeader.id)]),
    );
    expect(asLeaders).not.toContain(String(theirLeader.id));
  });
});
