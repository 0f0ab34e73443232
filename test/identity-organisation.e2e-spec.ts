import { TransactionRunner } from '../src/database/transaction-runner';
import { Department } from '../src/organisations/department.entity';
import { Organisation } from '../src/organisations/organisation.entity';
import { Site } from '../src/organisations/site.entity';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const CHOOSE = /* GraphQL */ `
  mutation ($input: ChooseMyOrganisationInput!) {
    chooseMyOrganisation(input: $input) {
      claim {
        status
      }
      me {
        id
        needsOrganisation
        organisation {
          id
        }
        site {
          id
        }
        department {
          id
        }
      }
    }
  }
`;
const NEEDS = `query($id: ID!) { me { needsOrganisation } staffMember(id: $id) { needsOrganisation } }`;

describe('identity: a person says which organisation they work for', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const organisationWithPlaces = async () => {
    const organisation = await world.newOrganisation();
    return t.app.get(TransactionRunner).run(async (tx) => ({
      organisation,
      site: await tx.save(Site, { organisationId: organisation.id, name: 'General Hospital' }),
      department: await tx.save(Department, { organisationId: organisation.id, name: 'Pharmacy' }),
    }));
  };
  const stored = (person: StaffMember) =>
    t.dataSource.getRepository(StaffMember).findOneByOrFail({ id: person.id });

  it('asks a person without an organisation to choose one, and saves the choice', async () => {
    const { organisation, site, department } = await organisationWithPlaces();
    const me = await world.newPerson({ organisationId: null });
    const colleague = await world.newPerson({ organisationId: null });
    expect((await t.gql(NEEDS, { id: String(colleague.id) }, me)).data).toEqual({
      me: { needsOrganisation: true },
      staffMember: { needsOrganisation: false }, // not theirs to answer for someone else
    });

    const input = {
      organisationId: String(organisation.id),
      siteId: String(site.id),
      departmentId: String(department.id),
    };
    const res = await t.gql(CHOOSE, { input }, me);
    expect(res.errors).toBeUndefined();
    // self-chosen: a claim, unconfirmed, that grants nothing until the trust's team confirms it
    expect(res.data!.chooseMyOrganisation.me).toEqual({
      id: String(me.id),
      needsOrganisation: false,
      organisation: null,
      site: null,
      department: null,
    });
    expect(await stored(me)).toMatchObject({ organisationId: null });
    await world.confirmClaimOf(me);
    expect(await stored(me)).toMatchObject({
      organisationId: organisation.id,
      siteId: site.id,
      departmentId: department.id,
    });
    expect((await t.gql(NEEDS, { id: String(me.id) }, me)).data!.me.needsOrganisation).toBe(false);

    // moving on: a new organisation, without site or department, clears the old ones
    const next = await world.newOrganisation();
    await t.gql(CHOOSE, { input: { organisationId: String(next.id) } }, me);
    // and trust resets: the old organisation is gone at once, the new one waits for confirmation
    expect(await stored(me)).toMatchObject({
      organisationId: null,
      siteId: null,
      departmentId: null,
    });
  });

  it.each([
    [
      'an organisation that does not exist',
      () => ({ organisationId: '999999999' }),
      'organisationId',
    ],
    ['an id that is not one', () => ({ organisationId: 'RJ1' }), 'organisationId'],
    [
      'a site of another organisation',
      (o: Places, other: Places) => ({
        organisationId: String(o.organisation.id),
        siteId: String(other.site.id),
      }),
      'siteId',
    ],
    [
      'a department of another organisation',
      (o: Places, other: Places) => ({
        organisationId: String(o.organisation.id),
        departmentId: String(other.department.id),
      }),
      'departmentId',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_, makeInput, field) => {
    const [mine, other] = [await organisationWithPlaces(), await organisationWithPlaces()];
    const me = await world.newPerson({ organisationId: null });
    const res = await t.gql(CHOOSE, { input: makeInput(mine, other) }, me);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stored(me)).toMatchObject({
      organisationId: null,
      siteId: null,
      departmentId: null,
    });
  });

  it("changes only the caller's own record: another person cannot use it on someone else", async () => {
    const { organisation } = await organisationWithPlaces();
    const victim = await world.newPerson({ organisationId: null });
    const intruder = await world.newPerson({ organisationId: null });
    // there is no way to name someone else: the mutation acts on the signed-in person only
    const res = await t.gql(
      CHOOSE,
      { input: { organisationId: String(organisation.id), staffId: String(victim.id) } },
      intruder,
    );
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data?.chooseMyOrganisation).toBeFalsy();
    const own = await t.gql(
      CHOOSE,
      { input: { organisationId: String(organisation.id) } },
      intruder,
    );
    expect(own.data!.chooseMyOrganisation.me.id).toBe(String(intruder.id));
    expect(await stored(victim)).toMatchObject({ organisationId: null });
    expect(await stored(intruder)).toMatchObject({ organisationId: null });
    expect(own.data!.chooseMyOrganisation.claim).toMatchObject({ status: 'PENDING' });
  });

  it('refuses someone not signed in', async () => {
    const { organisation } = await organisationWithPlaces();
    const res = await t.gql(CHOOSE, { input: { organisationId: String(organisation.id) } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

type Places = { organisation: Organisation; site: Site; department: Department };
