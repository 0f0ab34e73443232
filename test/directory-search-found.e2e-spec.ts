import { Platform } from '../src/social-accounts/platforms/platform';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const STAFF = /* GraphQL */ `
  query Directory($first: Int, $after: String, $filter: StaffFilter) {
    staff(first: $first, after: $after, filter: $filter) {
      totalCount
      similarWords
      edges {
        node {
          displayName
        }
      }
    }
  }
`;

interface Page {
  totalCount: number;
  similarWords: string[];
  edges: { node: { displayName: string } }[];
}

/** Issue 13 item 5: search finds what its own hint suggests. */
describe('directory search: places, pasted links, typos', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  async function names(viewer: StaffMember, filter: Record<string, unknown>): Promise<string[]> {
    const res = await t.gql<{ staff: Page }>(STAFF, { first: 20, filter }, viewer);
    expect(res.errors).toBeUndefined();
    return res.data!.staff.edges.map((edge) => edge.node.displayName);
  }

  it('finds the people of a department or site by its name, and by its new name once renamed', async () => {
    const org = await world.newOrganisation();
    const u = world.unique().replace(/[^a-z0-9]/g, '');
    const place = await world.newPlace(org, `Kestrelmoor${u} General`);
    const viewer = await world.newPerson({ organisationId: org.id });
    await world.newPerson({
      organisationId: org.id,
      displayName: 'Ines Cardwell',
      jobTitle: 'Staff Nurse',
      departmentId: place.department.id,
    });
    await world.newPerson({
      organisationId: org.id,
      displayName: 'Olu Brent',
      jobTitle: 'Porter',
      siteId: place.site.id,
    });
    const inOrg = (search: string) => ({ search, organisationId: String(org.id) });
    // the department is "Kestrelmoor… General ward", the site "Kestrelmoor… General"
    expect(await names(viewer, inOrg('ward'))).toEqual(['Ines Cardwell']);
    expect((await names(viewer, inOrg(`kestrelmoor${u}`))).sort()).toEqual([
      'Ines Cardwell',
      'Olu Brent',
    ]);
    expect(await names(viewer, inOrg('porter general'))).toEqual(['Olu Brent']);

    await world.renamePlace({ departmentId: place.department.id }, `Cardiology${u}`);
    await world.renamePlace({ siteId: place.site.id }, `Heronfield${u} Hospital`);
    expect(await names(viewer, inOrg(`cardiology${u}`))).toEqual(['Ines Cardwell']);
    expect(await names(viewer, inOrg(`heronfield${u}`))).toEqual(['Olu Brent']);
    expect(await names(viewer, inOrg(`kestrelmoor${u}`))).toEqual([]);
    // "ward" no longer matches as typed (on SQLite, only as a close spelling of "cardwell")
    const ward = await t.gql<{ staff: Page }>(STAFF, { first: 20, filter: inOrg('ward') }, viewer);
    const { similarWords, totalCount } = ward.data!.staff;
    expect(similarWords.length > 0 || totalCount === 0).toBe(true);
    expect(similarWords).not.toContain('ward');
  });

  it('finds the people of a department named in the search across the NHS, ranked', async () => {
    const org = await world.newOrganisation();
    const u = world.unique().replace(/[^a-z0-9]/g, '');
    const place = await world.newPlace(org, `Cardiology${u}`);
    const viewer = await world.newPerson();
    await world.newPerson({
      organisationId: org.id,
      displayName: 'Aisha Okafor',
      jobTitle: 'Consultant',
      departmentId: place.department.id,
    });
    expect(await names(viewer, { search: `cardiology${u}` })).toEqual(['Aisha Okafor']);
    expect(await names(viewer, { search: `Cardiology${u} ward consultant` })).toEqual([
      'Aisha Okafor',
    ]);
  });

  it('finds a pasted profile link as the handle it names, in any form the handle rules accept', async () => {
    const org = await world.newOrganisation();
    const viewer = await world.newPerson({ organisationId: org.id });
    const u = world
      .unique()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 8);
    const x = await world.newPerson({ organisationId: org.id, displayName: 'Xena Paste' });
    await world.newAccount(x, { platform: Platform.X, handle: `@qx${u}` });
    const m = await world.newPerson({ organisationId: org.id, displayName: 'Milo Toot' });
    await world.newAccount(m, { platform: Platform.MASTODON, handle: `@qm${u}@mastodon.social` });
    const l = await world.newPerson({ organisationId: org.id, displayName: 'Lena Linked' });
    await world.newAccount(l, {
      platform: Platform.LINKEDIN,
      handle: `https://www.linkedin.com/in/ql-${u}`,
    });
    const inOrg = (search: string) => ({ search, organisationId: String(org.id) });
    for (const typed of [
      `@qx${u}`,
      `https://x.com/qx${u}`,
      `x.com/qx${u}`,
      `https://twitter.com/QX${u}/`,
      `https://mobile.twitter.com/qx${u}?s=20`,
      `https://x.com/intent/follow?screen_name=qx${u}`,
    ]) {
      expect([typed, await names(viewer, inOrg(typed))]).toEqual([typed, ['Xena Paste']]);
    }
    for (const typed of [`https://mastodon.social/@qm${u}`, `@qm${u}@mastodon.social`]) {
      expect([typed, await names(viewer, inOrg(typed))]).toEqual([typed, ['Milo Toot']]);
    }
    for (const typed of [`https://uk.linkedin.com/in/ql-${u}/`, `linkedin.com/in/ql-${u}`]) {
      expect([typed, await names(viewer, inOrg(typed))]).toEqual([typed, ['Lena Linked']]);
    }
    // a link that names no account is searched as the words it holds
    expect(await names(viewer, inOrg('https://x.com/home'))).toEqual([]);
  });

  it('tolerates a typo when nothing matches as typed, and says which spellings it searched', async () => {
    const org = await world.newOrganisation();
    const viewer = await world.newPerson({ organisationId: org.id });
    const u = world
      .unique()
      .replace(/[^a-z]/g, '')
      .slice(0, 4);
    // a surname no other test has, so the typo below has one close spelling here
    const surname = `Zqorvath${u}`;
    await world.newPerson({
      organisationId: org.id,
      displayName: `Aisha ${surname}`,
      jobTitle: 'Cardiology Registrar',
    });
    const search = async (typed: string) => {
      const res = await t.gql<{ staff: Page }>(
        STAFF,
        { first: 20, filter: { search: typed, organisationId: String(org.id) } },
        viewer,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.staff;
    };
    // "Aisa" for Aisha; a letter swapped, one left out, and one changed in the surname
    for (const typed of ['Aisa', 'aisa zqorvath', `zqovrath${u}`, `zqorath${u}`, 'cardiolgy']) {
      const page = await search(typed);
      expect([typed, page.edges.map((e) => e.node.displayName)]).toEqual([
        typed,
        [`Aisha ${surname}`],
      ]);
      expect(page.similarWords.length).toBeGreaterThan(0);
    }
    expect((await search('aisa')).similarWords).toContain('aisha');
    // an exact match is never mixed with guesses
    const exact = await search('aisha');
    expect(exact.similarWords).toEqual([]);
    expect(exact.totalCount).toBe(1);
    // too far from every word: nothing, and no spellings claimed
    const none = await search('qqqqqq');
    expect(none.totalCount).toBe(0);
    expect(none.similarWords).toEqual([]);
  });

  it('never offers a spelling that would show someone the viewer may not see', async () => {
    const u = world
      .unique()
      .replace(/[^a-z]/g, '')
      .slice(0, 4);
    const hidden = await world.newPerson({ displayName: `Quenby Hollowmire${u}`, listed: false });
    expect(hidden.listed).toBe(false);
    const viewer = await world.newPerson();
    const res = await t.gql<{ staff: Page }>(
      STAFF,
      { first: 20, filter: { search: `hollowmyre${u}` } },
      viewer,
    );
    expect(res.data!.staff.totalCount).toBe(0);
    expect(res.data!.staff.similarWords).toEqual([]);
  });
});
