import { DevTokenService } from '../src/identity/dev/dev-token.service';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const AUDIT_LOG = `
  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action targetType targetId actorKind actor { id } organisation { id } before after at } }
    }
  }`;

describe('audit log', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  /** A token that says the person now holds these roles, as Entra would after an assignment. */
  const signInWithRoles = (
    person: Awaited<ReturnType<World['newPerson']>>,
    roles: { isCommsAdmin?: boolean; isNationalAdmin?: boolean },
  ) =>
    t.gql(
      '{ me { id } }',
      {},
      {
        token: t.app.get(DevTokenService).issue({ ...person, objectId: person.objectId!, ...roles })
          .accessToken,
      },
    );

  it('records a role change seen at sign-in, in the organisation, for its admins only', async () => {
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const otherAdmin = await world.newAdmin({ organisationId: other.id });
    const promoted = await world.newPerson({ organisationId: org.id });

    await signInWithRoles(promoted, { isCommsAdmin: true });

    const mine = await t.gql(AUDIT_LOG, { filter: { action: 'staff.roles.change' } }, admin);
    expect(mine.errors).toBeUndefined();
    const entry = mine.data!.auditLog.edges.find(
      (e: any) => e.node.targetId === String(promoted.id),
    )?.node;
    expect(entry).toMatchObject({
      action: 'staff.roles.change',
      targetType: 'staff',
      actorKind: 'PERSON',
      actor: { id: String(promoted.id) },
      organisation: { id: String(org.id) },
    });
    expect(JSON.parse(entry.before)).toEqual({ commsAdmin: false, nationalAdmin: false });
    expect(JSON.parse(entry.after)).toEqual({ commsAdmin: true, nationalAdmin: false });

    const theirs = await t.gql(AUDIT_LOG, { filter: { action: 'staff.roles.change' } }, otherAdmin);
    expect(
      theirs.data!.auditLog.edges.some((e: any) => e.node.targetId === String(promoted.id)),
    ).toBe(false);
  });

  it('answers FORBIDDEN to people without a role, and to an admin asking for another organisation', async () => {
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    const person = await world.newPerson({ organisationId: org.id });
    const admin = await world.newAdmin({ organisationId: org.id });
    const homeless = await world.newAdmin({ organisationId: null });

    const asPerson = await t.gql(AUDIT_LOG, {}, person);
    expect(asPerson.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await t.gql(
      AUDIT_LOG,
      { filter: { organisationId: String(other.id) } },
      admin,
    );
    expect(elsewhere.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'AUDIT_LOG_FORBIDDEN',
      field: 'organisationId',
    });
    const noOrganisation = await t.gql(AUDIT_LOG, {}, homeless);
    expect(noOrganisation.errors?.[0].extensions).toMatchObject({ reason: 'AUDIT_LOG_FORBIDDEN' });
  });

  it('lets a national admin read every organisation, page by keyset and filter', async () => {
    const national = await world.newNationalAdmin();
    const org = await world.newOrganisation();
    const people = await Promise.all(
      [1, 2, 3].map(() => world.newPerson({ organisationId: org.id })),
    );
    for (const person of people) await signInWithRoles(person, { isCommsAdmin: true });

    const filter = { organisationId: String(org.id), action: 'staff.roles.change' };
    const first = await t.gql(AUDIT_LOG, { first: 2, filter }, national);
    expect(first.errors).toBeUndefined();
    expect(first.data!.auditLog.totalCount).toBe(3);
    expect(first.data!.auditLog.pageInfo.hasNextPage).toBe(true);
    const rest = await t.gql(
      AUDIT_LOG,
      { first: 2, filter, after: first.data!.auditLog.pageInfo.endCursor },
      national,
    );
    const ids = [...first.data!.auditLog.edges, ...rest.data!.auditLog.edges].map(
      (e: any) => e.node.targetId,
    );
    // newest first
    expect(ids).toEqual(people.map((p) => String(p.id)).reverse());

    const byActor = await t.gql(AUDIT_LOG, { filter: { actorId: String(people[0].id) } }, national);
    expect(byActor.data!.auditLog.edges.map((e: any) => e.node.targetId)).toEqual([
      String(people[0].id),
    ]);
    const future = await t.gql(
      AUDIT_LOG,
      { filter: { ...filter, from: new Date(Date.now() + 60_000).toISOString() } },
      national,
    );
    expect(future.data!.auditLog.totalCount).toBe(0);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    const person = await world.newPerson();
    await signInWithRoles(person, { isNationalAdmin: true });
    const sqlite = t.database.kind === 'sqlite';
    const p = sqlite ? '?' : '$1';
    await expect(
      t.dataSource.query(`UPDATE audit_log SET action = 'forged' WHERE target_id = ${p}`, [
        String(person.id),
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM audit_log WHERE target_id = ${p}`, [String(person.id)]),
    ).rejects.toThrow(/append-only/);
  });
});
