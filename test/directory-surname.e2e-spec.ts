import { DataSource } from 'typeorm';
import { DirectoryRepository } from '../src/directory/directory.repository';
import { Platform } from '../src/social-accounts/platforms/platform';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { recordStatements } from './support/statements';
import { World } from './support/world';

const STAFF = `query($first: Int, $after: String, $filter: StaffFilter, $sort: DirectorySort) {
  staff(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id displayName } }
  }
}`;

/** The directory in surname order (issue 13 item 10): keyset pages on an index, both databases. */
describe('directory: sorted by surname', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  async function allPages(
    viewer: StaffMember,
    filter: Record<string, unknown>,
    first: number,
    sort = 'SURNAME',
  ) {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const res = await t.gql(STAFF, { first, after, filter, sort }, viewer);
      expect(res.errors).toBeUndefined();
      const page = res.data!.staff;
      seen.push(...page.edges.map((e: { node: { displayName: string } }) => e.node.displayName));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    return seen;
  }

  it('lists people by surname (the last word of the name), then by name, page after page', async () => {
    const org = await world.newOrganisation();
    const u = world.unique().replace(/[^a-z]/g, '');
    const names = [
      `Zoe Adams${u}`,
      `Adam Zimmer${u}`,
      `Bea Carter${u}`,
      `Al Carter${u}`,
      `Mary-Jane van der Berg${u}`,
      `cher${u}`,
    ];
    for (const displayName of names) {
      await world.newPerson({ organisationId: org.id, displayName, bio: `kestrel${u}` });
    }
    const viewer = await world.newPerson();
    const expected = [
      `Zoe Adams${u}`,
      `Mary-Jane van der Berg${u}`,
      `Al Carter${u}`,
      `Bea Carter${u}`,
      `cher${u}`,
      `Adam Zimmer${u}`,
    ];
    // two at a time, so every page boundary is a keyset cursor
    expect(await allPages(viewer, { organisationId: String(org.id) }, 2)).toEqual(expected);
    // a search keeps the order it was asked for
    expect(await allPages(viewer, { search: `kestrel${u}` }, 4)).toEqual(expected);
    expect(await allPages(viewer, { search: `carter${u}` }, 1)).toEqual([
      `Al Carter${u}`,
      `Bea Carter${u}`,
    ]);
    // and first-name order is still there
    expect(await allPages(viewer, { organisationId: String(org.id) }, 4, 'NAME')).toEqual(
      [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('keeps surname order through a broad search, walked or sorted', async () => {
    const org = await world.newOrganisation();
    const viewer = await world.newPerson({ organisationId: org.id });
    const people = await world.newPeople(120, (i) => ({
      displayName: `${String.fromCharCode(90 - (i % 26))}ara ${String.fromCharCode(65 + (i % 26))}${String(i).padStart(3, '0')}shore`,
      bio: 'Part of the shorewalk team',
      organisationId: org.id,
    }));
    const surname = (name: string) => name.split(' ').at(-1)!.toLowerCase();
    const expected = people
      .map((p) => p.displayName)
      .sort((a, b) => (surname(a) < surname(b) ? -1 : surname(a) > surname(b) ? 1 : 0));
    const repository = t.app.get(DirectoryRepository);
    const window = repository.broadWindow;
    try {
      expect(await allPages(viewer, { search: 'shorewalk' }, 25)).toEqual(expected);
      repository.broadWindow = 10; // the window holds less than a page: sort the matches
      expect(await allPages(viewer, { search: 'shorewalk' }, 25)).toEqual(expected);
    } finally {
      repository.broadWindow = window;
    }
  });

  it('keeps surname order when few accounts pass a platform filter (started from the accounts)', async () => {
    const org = await world.newOrganisation();
    const u = world.unique().replace(/[^a-z]/g, '');
    const names = [`Yan Bell${u}`, `Abe Dunn${u}`, `Cy Ash${u}`, `Bo Cole${u}`];
    for (const displayName of names) {
      const person = await world.newPerson({ organisationId: org.id, displayName });
      await world.newAccount(person, { platform: Platform.TIKTOK });
    }
    await world.newPerson({ organisationId: org.id, displayName: `Al Able${u}` }); // no TikTok
    const viewer = await world.newPerson();
    expect(
      await allPages(viewer, { organisationId: String(org.id), platform: 'TIKTOK' }, 3),
    ).toEqual([`Cy Ash${u}`, `Yan Bell${u}`, `Bo Cole${u}`, `Abe Dunn${u}`]);
  });

  it('is served by its index, with no sort of the people it pages through', async () => {
    const org = await world.newOrganisation();
    await world.newPeople(30, (i) => ({ displayName: `Indy Q${i}`, organisationId: org.id }));
    const viewer = await world.newPerson();
    const dataSource = t.app.get(DataSource);
    for (const filter of [{}, { organisationId: String(org.id) }]) {
      const { texts, parameters } = await recordStatements(dataSource, () =>
        t.gql(STAFF, { first: 5, filter, sort: 'SURNAME' }, viewer),
      );
      const i = texts.findIndex((text) => /ORDER BY s\.sort_surname, s\.id LIMIT/.test(text));
      expect(i).toBeGreaterThanOrEqual(0);
      if (dataSource.options.type === 'postgres') {
        // with sorting priced out, a plan that still sorts would show that no index serves it
        const plan = await dataSource.transaction(async (tx) => {
          await tx.query('SET LOCAL enable_sort = off');
          return tx.query(`EXPLAIN ${texts[i]}`, parameters[i]);
        });
        const lines = plan.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
        expect(lines).not.toMatch(/Sort/);
        expect(lines).toMatch(/IDX_staff_listed_(organisation_)?surname/i);
      } else {
        const plan = await dataSource.query(`EXPLAIN QUERY PLAN ${texts[i]}`, parameters[i]);
        const details = plan.map((row: { detail: string }) => row.detail).join('\n');
        expect(details).not.toMatch(/TEMP B-TREE/);
        expect(details).toMatch(/IDX_staff_listed_(organisation_)?surname/);
      }
    }
  });

  it('refuses a cursor of another order', async () => {
    const viewer = await world.newPerson();
    await world.newPerson();
    await world.newPerson();
    const byName = await t.gql(STAFF, { first: 1, sort: 'NAME' }, viewer);
    const after = byName.data!.staff.pageInfo.endCursor;
    const res = await t.gql(STAFF, { first: 1, after, sort: 'SURNAME' }, viewer);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CURSOR',
      field: 'after',
    });
  });
});
