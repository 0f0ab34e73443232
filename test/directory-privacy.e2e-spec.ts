import { TransactionRunner } from '../src/database/transaction-runner';
import { DerivedStateInTheApp1764700000000 } from '../src/database/migrations/1764700000000-derived-state-in-the-app';
import { DirectorySearchOrganisationHandles1764600000000 } from '../src/database/migrations/1764600000000-directory-search-organisation-handles';
import { Organisation } from '../src/organisations/organisation.entity';
import { Platform } from '../src/social-accounts/platforms/platform';
import { AccountVisibility } from '../src/social-accounts/social-account.entity';
import { SocialAccountsService } from '../src/social-accounts/social-accounts.service';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const STAFF = /* GraphQL */ `
  query Directory($first: Int, $filter: StaffFilter) {
    staff(first: $first, filter: $filter) {
      totalCount
      totalCountCapped
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`;

interface Page {
  totalCount: number;
  totalCountCapped: boolean;
  edges: { node: { id: string; displayName: string } }[];
}

/** The hidden token the index keeps for an organisation-only handle word (search-text.ts). */
const hiddenToken = (organisation: Organisation, word: string) =>
  `orgtok${String(organisation.id).padStart(9, '0')}${word}`;

async function search(t: TestApp, viewer: StaffMember, filter: Record<string, unknown>) {
  const res = await t.gql<{ staff: Page }>(STAFF, { first: 100, filter }, viewer);
  expect(res.errors).toBeUndefined();
  return res.data!.staff;
}

const ids = (page: Page) => page.edges.map((edge) => Number(edge.node.id));

/**
 * What a person hides is not revealed through search, filters or counts: an organisation-only
 * handle is found by a colleague typing it, never by anyone else, and never by typing the
 * index's hidden token for it (or the start of one).
 */
describe('directory privacy: organisation-only handles', () => {
  let t: TestApp;
  let org: Organisation;
  let owner: StaffMember;
  let colleague: StaffMember;
  let outsider: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    const world = new World(t);
    org = await world.newOrganisation();
    const otherOrg = await world.newOrganisation();
    // no word of the name or title starts with "o" or "j"
    owner = await world.newPerson({
      organisationId: org.id,
      displayName: 'Quill Zephyrine',
      jobTitle: 'Pharmacist',
    });
    const accounts = t.app.get(SocialAccountsService);
    const add = (platform: Platform, handle: string, visibility: AccountVisibility) =>
      accounts.add(owner, { platform, handle, visibility, purpose: 'PROFESSIONAL' as never });
    await add(Platform.X, '@jaquetteward', AccountVisibility.ORGANISATION);
    await add(Platform.INSTAGRAM, 'jaqsecretgram', AccountVisibility.ONLY_ME);
    colleague = await world.newPerson({ organisationId: org.id, displayName: 'Ada Colleague' });
    outsider = await world.newPerson({ organisationId: otherOrg.id, displayName: 'Ben Outsider' });
  });
  afterAll(() => t.close());

  it.each([['jaquetteward'], ['jaq'], ['jaquet'], ['quill jaq']])(
    'a colleague of the same organisation finds the person by typing %p',
    async (typed) => {
      const page = await search(t, colleague, { search: typed });
      expect(ids(page)).toEqual([owner.id]);
      expect(page.totalCount).toBe(1);
      // and within the organisation filter (on SQLite: the index's filter tags)
      const filtered = await search(t, colleague, {
        search: typed,
        organisationId: String(org.id),
      });
      expect(ids(filtered)).toEqual([owner.id]);
      expect(filtered.totalCount).toBe(1);
    },
  );

  it.each([['jaquetteward'], ['jaq'], ['quill jaq']])(
    'someone from another organisation typing %p does not find or count the person',
    async (typed) => {
      for (const filter of [{ search: typed }, { search: typed, organisationId: String(org.id) }]) {
        const page = await search(t, outsider, filter);
        expect(ids(page)).not.toContain(owner.id);
        expect(page.totalCount).toBe(0);
      }
    },
  );

  it('typing the hidden token, or the start of one, finds and counts nobody, in or out of the organisation', async () => {
    const typedWords = [
      'org',
      'orgt',
      'orgto',
      'orgtok',
      'orgtok0',
      hiddenToken(org, ''),
      hiddenToken(org, 'jaq'),
      hiddenToken(org, 'jaquetteward'),
    ];
    for (const viewer of [outsider, colleague, owner]) {
      for (const typed of typedWords) {
        for (const filter of [
          { search: typed },
          { search: typed, organisationId: String(org.id) },
          { search: `quill ${typed}` },
        ]) {
          const page = await search(t, viewer, filter);
          expect({ viewer: viewer.displayName, filter, ids: ids(page) }).toEqual({
            viewer: viewer.displayName,
            filter,
            ids: [],
          });
          expect(page.totalCount).toBe(0);
        }
      }
    }
  });

  it('a single typed letter (checked row by row) reaches a hidden handle only for a colleague', async () => {
    // "o" would match the hidden token's text ("orgtok…"), "j" the handle itself
    expect(ids(await search(t, outsider, { search: 'o' }))).not.toContain(owner.id);
    expect(ids(await search(t, colleague, { search: 'o' }))).not.toContain(owner.id);
    expect(ids(await search(t, outsider, { search: 'j' }))).not.toContain(owner.id);
    expect(ids(await search(t, colleague, { search: 'j' }))).toContain(owner.id);
    expect(ids(await search(t, outsider, { search: 'quill o' }))).toEqual([]);
    expect(ids(await search(t, colleague, { search: 'quill j' }))).toEqual([owner.id]);
  });

  it('an only-me handle matches nobody, not even a colleague', async () => {
    for (const viewer of [outsider, colleague]) {
      for (const typed of ['jaqsecretgram', 'jaqsecret']) {
        const page = await search(t, viewer, { search: typed });
        expect(ids(page)).toEqual([]);
        expect(page.totalCount).toBe(0);
      }
    }
  });
});

/**
 * More than 1,000 people match, so the directory walks people by name testing each row's search
 * text (`search_text LIKE`) instead of ranking: the same rules hold there.
 */
describe('directory privacy: organisation-only handles in a broad search', () => {
  let t: TestApp;
  let org: Organisation;
  let colleague: StaffMember;
  let outsider: StaffMember;
  const FILLERS = 1_050;

  beforeAll(async () => {
    t = await createTestApp();
    const world = new World(t);
    org = await world.newOrganisation();
    const otherOrg = await world.newOrganisation();
    colleague = await world.newPerson({ organisationId: org.id, displayName: 'Ada Colleague' });
    outsider = await world.newPerson({ organisationId: otherOrg.id, displayName: 'Ben Outsider' });
    const people = await world.newPeople(FILLERS, (i) => ({
      displayName: `Zed${String(i).padStart(4, '0')} Fillman`,
      jobTitle: 'Pharmacist',
      organisationId: org.id,
    }));
    await world.newAccounts(
      people.map((owner, i) => ({
        owner,
        platform: Platform.X,
        handle: `jaqfill${i}`,
        visibility: AccountVisibility.ORGANISATION,
      })),
    );
  });
  afterAll(() => t.close());

  it('a colleague finds everyone by the hidden handles, listed by name with a capped count', async () => {
    const page = await search(t, colleague, { search: 'jaqfill' });
    expect(page.edges).toHaveLength(100);
    expect(page.edges[0].node.displayName).toBe('Zed0000 Fillman');
    expect(page).toMatchObject({ totalCount: 1000, totalCountCapped: true });
  });

  it.each([['jaqfill'], ['org'], ['orgto'], ['orgtok']])(
    'someone from another organisation typing %p finds and counts nobody',
    async (typed) => {
      const page = await search(t, outsider, { search: typed });
      expect(ids(page)).toEqual([]);
      expect(page).toMatchObject({ totalCount: 0, totalCountCapped: false });
    },
  );

  it.each([['org'], ['orgto'], [hiddenToken({ id: 0 } as Organisation, '').slice(0, 10)]])(
    'a colleague typing %p finds nobody through the hidden tokens',
    async (typed) => {
      const page = await search(t, colleague, { search: typed });
      expect(ids(page)).toEqual([]);
      expect(page.totalCount).toBe(0);
    },
  );
});

/**
 * Migration 1764600000000 moves existing organisation tokens out of the typed words' reach, and
 * its down() restores the earlier format (organisation tokens among the handles), on either driver.
 */
describe('directory privacy: migrating an existing search index', () => {
  let t: TestApp;
  let org: Organisation;
  let owner: StaffMember;
  let colleague: StaffMember;
  let outsider: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    const world = new World(t);
    org = await world.newOrganisation();
    const otherOrg = await world.newOrganisation();
    owner = await world.newPerson({ organisationId: org.id, displayName: 'Quill Zephyrine' });
    await t.app.get(SocialAccountsService).add(owner, {
      platform: Platform.X,
      handle: '@jaquetteward',
      visibility: AccountVisibility.ORGANISATION,
      purpose: 'PROFESSIONAL' as never,
    });
    colleague = await world.newPerson({ organisationId: org.id, displayName: 'Ada Colleague' });
    outsider = await world.newPerson({ organisationId: otherOrg.id, displayName: 'Ben Outsider' });
  });
  afterAll(() => t.close());

  async function migrate(direction: 'up' | 'down') {
    // in a transaction of the app's one way to write (on SQLite the rest is read-only)
    await t.app.get(TransactionRunner).run(async (tx) => {
      const runner = tx.queryRunner!;
      // the migrations after it step aside first, as a real rollback to it would
      const later = new DerivedStateInTheApp1764700000000();
      if (direction === 'down') await later.down(runner);
      await new DirectorySearchOrganisationHandles1764600000000()[direction](runner);
      if (direction === 'up') await later.up(runner);
    });
  }

  /** Whom the index finds for a typed word, asked as the directory asks (text columns; A, B, D). */
  async function typedWordMatches(word: string): Promise<number[]> {
    const rows: { id: number | string }[] =
      t.dataSource.options.type === 'postgres'
        ? await t.dataSource.query(
            `SELECT staff_id AS id FROM staff_search WHERE document @@ to_tsquery('simple', $1)`,
            [`${word}:*ABD`],
          )
        : await t.dataSource.query(
            `SELECT rowid AS id FROM staff_search WHERE staff_search MATCH ?`,
            [`{name title handles bio} : "${word}"*`],
          );
    return rows.map((row) => Number(row.id));
  }

  const searchText = async () =>
    (
      await t.dataSource.query(
        `SELECT search_text AS text FROM staff_members WHERE id = ${Number(owner.id)}`,
      )
    )[0].text as string;

  it('down() restores the earlier format and up() hides the tokens again', async () => {
    const token = hiddenToken(org, 'jaquetteward');
    await migrate('down');
    expect(await typedWordMatches('orgto')).toEqual([owner.id]);
    expect(await searchText()).toContain(` ${token}`);

    await migrate('up');
    expect(await typedWordMatches('orgto')).toEqual([]);
    expect(await searchText()).toContain(` #${token}`);
    expect(ids(await search(t, outsider, { search: 'orgto' }))).toEqual([]);
    expect(ids(await search(t, colleague, { search: 'orgto' }))).toEqual([]);
    expect(ids(await search(t, outsider, { search: 'o' }))).not.toContain(owner.id);
    expect(ids(await search(t, colleague, { search: 'jaq' }))).toEqual([owner.id]);
    expect(ids(await search(t, colleague, { search: 'j' }))).toContain(owner.id);
    expect(ids(await search(t, outsider, { search: 'jaq' }))).toEqual([]);
  });
});
