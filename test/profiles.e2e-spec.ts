import { TransactionRunner } from '../src/database/transaction-runner';
import { Department } from '../src/organisations/department.entity';
import { Organisation } from '../src/organisations/organisation.entity';
import { Site } from '../src/organisations/site.entity';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const UPDATE = `mutation($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) {
    staffMember { id displayName jobTitle staffGroup pronouns bio site { name } department { name } }
  }
}`;
const DIRECTORY = `query($search: String) { staff(filter: { search: $search }) { edges { node { id } } } }`;

describe('profiles: updateMyProfile', () => {
  let t: TestApp;
  let world: World;
  const reload = (person: StaffMember) =>
    t.dataSource.getRepository(StaffMember).findOneByOrFail({ id: person.id });

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const places = (organisation: Organisation, name: string) =>
    t.app.get(TransactionRunner).run(async (tx) => ({
      site: await tx.save(Site, tx.create(Site, { organisationId: organisation.id, name })),
      department: await tx.save(
        Department,
        tx.create(Department, { organisationId: organisation.id, name: `${name} team` }),
      ),
    }));

  it('changes my own profile and returns it; a search finds the new words at once', async () => {
    const org = await world.newOrganisation();
    const { site, department } = await places(org, 'Harbourside');
    const me = await world.newPerson({ organisationId: org.id });
    const bio = 'Theatre nurse.\nI post about #WeNurses <b>and</b> <script>alert("x")</script>';
    const res = await t.gql(
      UPDATE,
      {
        input: {
          displayName: '  Orla Featherstonehaugh  ',
          jobTitle: 'Scrub Practitioner',
          staffGroup: 'NURSING_AND_MIDWIFERY_REGISTERED',
          siteId: String(site.id),
          departmentId: String(department.id),
          pronouns: 'she/her',
          bio: bio.replace('\n', '\r\n'),
        },
      },
      me,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMyProfile.staffMember).toEqual({
      id: String(me.id),
      displayName: 'Orla Featherstonehaugh',
      jobTitle: 'Scrub Practitioner',
      staffGroup: 'NURSING_AND_MIDWIFERY_REGISTERED',
      pronouns: 'she/her',
      // HTML is stored exactly as text; clients show it escaped
      bio,
      site: { name: 'Harbourside' },
      department: { name: 'Harbourside team' },
    });
    // (not by the new name: each sign-in currently copies the token's name claim back)
    const found = await t.gql(DIRECTORY, { search: 'scrub wenurs' }, me);
    expect(found.data!.staff.edges).toEqual([{ node: { id: String(me.id) } }]);

    // left out: unchanged; null: cleared
    const cleared = await t.gql(UPDATE, { input: { pronouns: null, siteId: null } }, me);
    expect(cleared.data!.updateMyProfile.staffMember).toMatchObject({
      jobTitle: 'Scrub Practitioner',
      pronouns: null,
      site: null,
      department: { name: 'Harbourside team' },
    });
  });

  it('refuses a site or department of another organisation, writing nothing', async () => {
    const mine = await world.newOrganisation();
    const theirs = await world.newOrganisation();
    const { site } = await places(theirs, 'Elsewhere General');
    const me = await world.newPerson({ organisationId: mine.id, jobTitle: 'Porter' });
    const res = await t.gql(
      UPDATE,
      { input: { jobTitle: 'Changed', siteId: String(site.id) } },
      me,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    expect((await reload(me)).jobTitle).toBe('Porter');

    const homeless = await world.newPerson();
    const none = await t.gql(UPDATE, { input: { departmentId: '1' } }, homeless);
    expect(none.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'departmentId',
    });
  });

  it.each([
    [{ displayName: '' }, 'displayName'],
    [{ displayName: null }, 'displayName'],
    [{ displayName: 'x'.repeat(101) }, 'displayName'],
    [{ displayName: 'Tab\tName' }, 'displayName'],
    [{ jobTitle: 'x'.repeat(101) }, 'jobTitle'],
    [{ jobTitle: 'Line\nbreak' }, 'jobTitle'],
    [{ pronouns: 'x'.repeat(31) }, 'pronouns'],
    [{ bio: 'x'.repeat(1001) }, 'bio'],
    [{ bio: 'null byte \u0000 here' }, 'bio'],
    [{ bio: 'reversed \u202E text' }, 'bio'],
    [{ siteId: 'abc' }, 'siteId'],
  ])('refuses %j naming the field and writes nothing', async (input, field) => {
    const me = await world.newPerson({ jobTitle: 'Porter', bio: 'Original bio' });
    const res = await t.gql(UPDATE, { input: { jobTitle: 'Should not be saved', ...input } }, me);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const row = await reload(me);
    expect(row).toMatchObject({
      jobTitle: 'Porter',
      bio: 'Original bio',
      displayName: me.displayName,
    });
  });

  it('refuses an unknown staff group', async () => {
    const me = await world.newPerson();
    const res = await t.gql(UPDATE, { input: { staffGroup: 'ASTRONAUTS' } }, me);
    expect(res.errors).toHaveLength(1);
    expect((await reload(me)).staffGroup).toBeNull();
  });
});
