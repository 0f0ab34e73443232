import { DirectoryRepository } from '../src/directory/directory.repository';
import { Platform } from '../src/social-accounts/platforms/platform';
import { AccountVisibility } from '../src/social-accounts/social-account.entity';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const STAFF = `query($first: Int, $after: String, $filter: StaffFilter) {
  staff(first: $first, after: $after, filter: $filter) {
    totalCount
    totalCountCapped
    pageInfo { hasNextPage endCursor }
    edges { node { id displayName } }
  }
}`;

/** More than 1,000 people match: the directory lists them by name instead of ranking them all. */
describe('directory: a search matching more than 1,000 people', () => {
  let t: TestApp;
  let viewer: StaffMember;
  const everyone: { id: number; name: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const world = new World(t);
    const organisation = await world.newOrganisation();
    viewer = await world.newPerson({
      organisationId: organisation.id,
      displayName: 'Viewer Person',
    });
    // 1,100 people whose bios share a word; names spread through the alphabet
    const people = await world.newPeople(1100, (i) => ({
      displayName: `${String.fromCharCode(65 + (i % 26))}${String(i).padStart(4, '0')} Broadsworth`,
      jobTitle: i % 3 === 0 ? 'Healthcare Assistant' : 'Porter',
      bio: 'Part of the broadwalk team',
      organisationId: organisation.id,
    }));
    const ids = people.map((row) => ({ id: row.id, name: row.displayName }));
    everyone.push(...ids);
  });
  afterAll(() => t.close());

  async function allPages(filter: Record<string, unknown>, first = 100) {
    const seen: string[] = [];
    let after: string | undefined;
    let totals: { totalCount: number; totalCountCapped: boolean } | undefined;
    do {
      const res = await t.gql(STAFF, { first, after, filter }, viewer);
      expect(res.errors).toBeUndefined();
      const page = res.data!.staff;
      // every page of a search gives the same total, whichever statement counted it
      const pageTotals = { totalCount: page.totalCount, totalCountCapped: page.totalCountCapped };
      totals ??= pageTotals;
      expect(pageTotals).toEqual(totals);
      seen.push(
        ...page.edges.map((edge: { node: { displayName: string } }) => edge.node.displayName),
      );
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    return { seen, totals: totals! };
  }

  const byName = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  it.each([
    ['a bio word', 'broadwalk', 1100],
    ['a surname prefix', 'broadsw', 1100],
    ['a job title word', 'porter', 733],
  ])(
    'lists every match of %s by name, once, with a capped count',
    async (_what, search, expected) => {
      const { seen, totals } = await allPages({ search });
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);
      expect(seen).toEqual(byName(seen));
      expect(totals).toEqual({
        totalCount: Math.min(expected, 1000),
        totalCountCapped: expected > 1000,
      });
    },
  );

  it('gives the same rows when matches cluster beyond the first people by name', async () => {
    const repository = t.app.get(DirectoryRepository);
    const whole = await allPages({ search: 'broadwalk' }, 50);
    repository.broadWindow = 30; // fewer than a page of matches in the window: sort the index's matches
    try {
      const sorted = await allPages({ search: 'broadwalk' }, 50);
      expect(sorted.seen).toEqual(whole.seen);
      const healthcare = await allPages({ search: 'broadwalk healthcare' }, 50);
      expect(healthcare.seen).toHaveLength(367);
      expect(healthcare.seen).toEqual(byName(healthcare.seen));
    } finally {
      repository.broadWindow = 5_000;
    }
  });

  it('gives the same rows with place filters, whether the matches are sorted or walked', async () => {
    const repository = t.app.get(DirectoryRepository);
    const organisationId = String(viewer.organisationId);
    const unfiltered = await allPages({ search: 'broadwalk' }, 50);
    const filtered = { search: 'broadwalk', organisationId };
    const sorted = await allPages(filtered, 50); // SQLite: few enough filtered matches to sort
    repository.broadSortLimit = 10; // too many to sort: walk people by name
    try {
      const walked = await allPages(filtered, 50);
      expect(sorted.seen).toEqual(unfiltered.seen);
      expect(walked.seen).toEqual(unfiltered.seen);
      expect(walked.totals).toEqual({ totalCount: 1000, totalCountCapped: true });
      expect(sorted.totals).toEqual(walked.totals);
    } finally {
      repository.broadSortLimit = 2_000;
    }
    const elsewhere = await new World(t).newOrganisation();
    const none = await allPages({ search: 'broadwalk', organisationId: String(elsewhere.id) });
    expect(none).toEqual({ seen: [], totals: { totalCount: 0, totalCountCapped: false } });
  });

  // issue 14 item 1: a rare platform is listed from its accounts (bounded), not by testing every
  // person in name order; both plans give the same rows, totals and visibility
  it('lists a rare platform from its accounts, the same as walking people by name', async () => {
    const repository = t.app.get(DirectoryRepository);
    const holders = await new World(t).newAccounts(
      everyone
        .filter((_, i) => i % 7 === 0)
        .map(({ id }, i) => ({
          owner: { id } as StaffMember,
          platform: Platform.TIKTOK,
          handle: `@broadtok${i}`,
          // every tenth is its owner's alone: it must not make its owner match
          visibility: i % 10 === 0 ? AccountVisibility.ONLY_ME : AccountVisibility.NHS_DIRECTORY,
        })),
    );
    const shown = holders.filter((a) => a.visibility !== AccountVisibility.ONLY_ME).length;
    const fromAccounts = await allPages({ platform: 'TIKTOK' }, 50);
    expect(fromAccounts.seen).toHaveLength(shown);
    expect(fromAccounts.seen).toEqual(byName(fromAccounts.seen));
    expect(fromAccounts.totals).toEqual({ totalCount: shown, totalCountCapped: false });
    repository.broadSortLimit = 10; // too many accounts to start from: walk people by name
    try {
      const walked = await allPages({ platform: 'TIKTOK' }, 50);
      expect(walked).toEqual(fromAccounts);
    } finally {
      repository.broadSortLimit = 2_000;
    }
    const none = await allPages({ platform: 'YOUTUBE', staffGroup: 'STUDENTS' });
    expect(none).toEqual({ seen: [], totals: { totalCount: 0, totalCountCapped: false } });
  });

  it('still ranks a narrow search within the broad set', async () => {
    const target = everyone[123];
    const res = await t.gql(STAFF, { first: 5, filter: { search: target.name } }, viewer);
    expect(res.data!.staff.edges[0].node.displayName).toBe(target.name);
  });
});
