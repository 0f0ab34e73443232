import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const RENAME_SITE = `mutation($input: RenameSiteInput!) { renameSite(input: $input) { site { id name } } }`;
const RENAME_DEPARTMENT = `mutation($input: RenameDepartmentInput!) {
  renameDepartment(input: $input) { department { id name } } }`;
const PLACES = `query($id: ID!) { organisation(id: $id) { sites { id name } departments { id name } } }`;
const FIND = `query($search: String!) { staff(filter: { search: $search }) { edges { node { id } } } }`;
const AUDIT = `query($action: String!) { auditLog(filter: { action: $action }) {
  edges { node { action targetType targetId organisation { id } actor { id } before after } } } }`;

describe('renaming a site or a department (communications team)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const placesOf = async (organisationId: number) =>
    (await t.gql(PLACES, { id: String(organisationId) }, await world.newPerson())).data!
      .organisation;

  it('renames its own organisation’s department: found by the new name at once, and audited', async () => {
    const org = await world.newOrganisation();
    const { department } = await world.newPlace(org);
    const admin = await world.newAdmin({ organisationId: org.id });
    const nurse = await world.newPerson({ organisationId: org.id, departmentId: department.id });
    const name = `Cardiology${world.unique().replace(/-/g, '')}`;

    const res = await t.gql(
      RENAME_DEPARTMENT,
      { input: { departmentId: String(department.id), name: `  ${name} ` } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.renameDepartment.department).toEqual({ id: String(department.id), name });
    expect((await placesOf(org.id)).departments).toContainEqual({
      id: String(department.id),
      name,
    });

    const found = await t.gql(FIND, { search: name }, await world.newPerson());
    expect(found.data!.staff.edges.map((e: any) => e.node.id)).toEqual([String(nurse.id)]);

    const audit = await t.gql(AUDIT, { action: 'department.rename' }, admin);
    expect(audit.data!.auditLog.edges.map((e: any) => e.node)).toContainEqual({
      action: 'department.rename',
      targetType: 'department',
      targetId: String(department.id),
      organisation: { id: String(org.id) },
      actor: { id: String(admin.id) },
      before: JSON.stringify({ name: department.name }),
      after: JSON.stringify({ name }),
    });
  });

  it('refuses another organisation’s communications team, and changes nothing', async () => {
    const org = await world.newOrganisation();
    const { site } = await world.newPlace(org);
    const outsider = await world.newAdmin({ organisationId: (await world.newOrganisation()).id });
    const res = await t.gql(
      RENAME_SITE,
      { input: { siteId: String(site.id), name: 'Somewhere else' } },
      outsider,
    );
    expect(res.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_ORGANISATIONS_PLACES',
      field: 'siteId',
    });
    expect((await placesOf(org.id)).sites).toContainEqual({ id: String(site.id), name: site.name });
  });

  it('lets the national team rename any organisation’s site', async () => {
    const org = await world.newOrganisation();
    const { site } = await world.newPlace(org);
    const name = `Heronfield ${world.unique()} Hospital`;
    const res = await t.gql(
      RENAME_SITE,
      { input: { siteId: String(site.id), name } },
      await world.newNationalAdmin(),
    );
    expect(res.errors).toBeUndefined();
    expect((await placesOf(org.id)).sites).toContainEqual({ id: String(site.id), name });
  });

  it('refuses staff without a communications role', async () => {
    const org = await world.newOrganisation();
    const { site } = await world.newPlace(org);
    const res = await t.gql(
      RENAME_SITE,
      { input: { siteId: String(site.id), name: 'Mine now' } },
      await world.newPerson({ organisationId: org.id }),
    );
    expect(res.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'COMMS_ADMIN_REQUIRED',
    });
  });

  it('refuses a name another site of the organisation has, writing nothing', async () => {
    const org = await world.newOrganisation();
    const [first, second] = [await world.newPlace(org), await world.newPlace(org)];
    const admin = await world.newAdmin({ organisationId: org.id });
    const res = await t.gql(
      RENAME_SITE,
      { input: { siteId: String(first.site.id), name: second.site.name } },
      admin,
    );
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PLACE_NAME_TAKEN',
      field: 'name',
    });
    expect((await placesOf(org.id)).sites).toContainEqual({
      id: String(first.site.id),
      name: first.site.name,
    });
    const audit = await t.gql(AUDIT, { action: 'site.rename' }, admin);
    expect(
      audit.data!.auditLog.edges.filter((e: any) => e.node.targetId === String(first.site.id)),
    ).toEqual([]);
  });

  it.each([
    ['an empty', '   ', /name must not be empty/],
    ['a too long', 'x'.repeat(201), /name must be at most 200 characters/],
  ])('refuses %s name, naming the field', async (_case, name, message) => {
    const org = await world.newOrganisation();
    const { site } = await world.newPlace(org);
    const admin = await world.newAdmin({ organisationId: org.id });
    const res = await t.gql(RENAME_SITE, { input: { siteId: String(site.id), name } }, admin);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(res.errors![0].message).toMatch(message);
  });

  it('answers NOT_FOUND for a site that does not exist', async () => {
    const res = await t.gql(
      RENAME_SITE,
      { input: { siteId: '999999999', name: 'Nowhere' } },
      await world.newNationalAdmin(),
    );
    expect(res.errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SITE_NOT_FOUND',
      field: 'siteId',
    });
  });
});
