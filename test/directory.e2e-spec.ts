import { TransactionRunner } from '../src/database/transaction-runner';
import { Organisation } from '../src/organisations/organisation.entity';
import { Platform } from '../src/social-accounts/platforms/platform';
import {
  AccountVisibility,
  SocialAccount,
  VerificationStatus,
} from '../src/social-accounts/social-account.entity';
import { StaffGroup } from '../src/staff/staff-group';
import { StaffMember } from '../src/staff/staff-member.entity';
import { NewStaffMember } from '../src/staff/staff.service';
import { recordStatements } from './support/statements';
import { webOperation } from './support/web-queries';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const STAFF = /* GraphQL */ `
  query Directory($first: Int, $after: String, $filter: StaffFilter) {
    staff(first: $first, after: $after, filter: $filter) {
      totalCount
      totalCountCapped
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          displayName
          jobTitle
          organisation {
            name
          }
          site {
            name
          }
          department {
            name
          }
          accounts {
            platform
            handle
          }
        }
      }
    }
  }
`;

interface Page {
  totalCount: number;
  totalCountCapped: boolean;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; displayName: string } }[];
}

describe('directory: staff(first, after, filter)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const place = (organisation: Organisation, name: string) => world.newPlace(organisation, name);

  const person = (organisation: Organisation, fields: Partial<NewStaffMember> = {}) =>
    world.newPerson({ organisationId: organisation.id, ...fields });

  const addAccount = (
    owner: StaffMember,
    platform: Platform,
    handle: string,
    visibility = AccountVisibility.NHS_DIRECTORY,
  ) => world.newAccount(owner, { platform, handle, visibility });

  async function search(
    viewer: StaffMember,
    filter: Record<string, unknown>,
    first = 20,
    after?: string,
  ) {
    const res = await t.gql<{ staff: Page }>(STAFF, { first, after, filter }, viewer);
    expect(res.errors).toBeUndefined();
    return res.data!.staff;
  }

  const names = (page: Page) => page.edges.map((edge) => edge.node.displayName);

  it('finds people by name, job title, handle and bio, as a prefix while typing', async () => {
    const org = await world.newOrganisation();
    const viewer = await person(org);
    const nurse = await person(org, {
      displayName: 'Zanele Okonkwo-Brightwater',
      jobTitle: 'Tissue Viability Specialist Nurse',
      bio: 'I run the #pressureulcer awareness sessions on Thursdays.',
    });
    await addAccount(nurse, Platform.X, 'https://x.com/ZaneleTVN');
    const filter = (search: string) => ({ search, organisationId: String(org.id) });

    for (const typed of [
      'zan',
      'Zanele Okon',
      'okonkwo bright',
      'tissue viab',
      'zanelet',
      '@ZaneleTVN',
      'pressureulc',
      'ZANÉLE',
    ]) {
      expect(names(await search(viewer, filter(typed)))).toEqual(['Zanele Okonkwo-Brightwater']);
    }
    expect(names(await search(viewer, filter('zanele cardiology')))).toEqual([]);
    // single letters are checked on each row (and a search of only letters is listed by name)
    for (const typed of ['z', 'z o', 'zanele o', 'zanele okonkwo b']) {
      expect(names(await search(viewer, filter(typed)))).toEqual(['Zanele Okonkwo-Brightwater']);
    }
    expect(names(await search(viewer, filter('zanele q')))).toEqual([]);
  });

  it('orders by relevance, then by name; with no search, by name', async () => {
    const org = await world.newOrganisation();
    const viewer = await person(org);
    await person(org, { displayName: 'Bram Quillfeather', jobTitle: 'Porter' });
    await person(org, {
      displayName: 'Anna Lindqvist',
      jobTitle: 'Porter',
      bio: 'Ask Quillfeather about the rota',
    });
    await person(org, { displayName: 'Cara Quillfeather', jobTitle: 'Porter' });
    const ranked = await search(viewer, { search: 'quillfeather', organisationId: String(org.id) });
    // name matches outrank a bio mention; equal relevance falls back to name
    expect(names(ranked)).toEqual(['Bram Quillfeather', 'Cara Quillfeather', 'Anna Lindqvist']);

    const byName = await search(viewer, { organisationId: String(org.id), staffGroup: null });
    expect(names(byName)).toEqual([...names(byName)].sort());
    expect(byName.totalCount).toBe(4);
  });

  it('pages with opaque cursors, never repeating or skipping anyone', async () => {
    const org = await world.newOrganisation();
    const viewer = await person(org, { displayName: 'Viewer Pager' });
    for (let i = 0; i < 11; i++) {
      await person(org, {
        displayName: `Pagewell ${String.fromCharCode(65 + (i % 5))} ${i}`,
        jobTitle: 'Pharmacist',
      });
    }
    for (const filter of [
      { organisationId: String(org.id) },
      { organisationId: String(org.id), search: 'pagewell' },
    ]) {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await search(viewer, filter, 4, after);
        expect(page.totalCount).toBe(filter.search ? 11 : 12);
        seen.push(...page.edges.map((edge) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
        pages += 1;
      } while (after);
      expect(pages).toBe(filter.search ? 3 : 3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(filter.search ? 11 : 12);
    }
  });

  it('respects every visibility choice: a hidden handle never matches, counts or shows', async () => {
    const org = await world.newOrganisation();
    const otherOrg = await world.newOrganisation();
    const owner = await person(org, { displayName: 'Hedda Nightingale' });
    await addAccount(owner, Platform.X, '@HeddaPublic');
    await addAccount(
      owner,
      Platform.BLUESKY,
      'heddacolleagues.bsky.social',
      AccountVisibility.ORGANISATION,
    );
    await addAccount(owner, Platform.INSTAGRAM, 'heddasecret', AccountVisibility.ONLY_ME);
    const colleague = await person(org);
    const outsider = await person(otherOrg);

    const find = async (viewer: StaffMember, typed: string) =>
      (await search(viewer, { search: typed })).edges.filter((e) => e.node.id === String(owner.id));

    expect(await find(outsider, 'heddapublic')).toHaveLength(1);
    expect(await find(colleague, 'heddacolleagues')).toHaveLength(1);
    expect(await find(outsider, 'heddacolleagues')).toHaveLength(0);
    expect(await find(colleague, 'heddasecret')).toHaveLength(0);
    expect(await find(outsider, 'heddasecret')).toHaveLength(0);
    // nor can the organisation tag be typed to reach another organisation's handles
    const tag = `orgtok${String(org.id).padStart(9, '0')}heddacolleagues`;
    expect(await find(outsider, tag)).toHaveLength(0);
    expect((await search(outsider, { search: 'heddacolleagues' })).totalCount).toBe(0);

    // the platform filter only counts accounts the viewer may see
    const onBluesky = (viewer: StaffMember) =>
      search(viewer, { platform: 'BLUESKY', organisationId: String(org.id) });
    expect(names(await onBluesky(colleague))).toEqual(['Hedda Nightingale']);
    expect((await onBluesky(outsider)).totalCount).toBe(0);
    expect(
      (await search(outsider, { platform: 'INSTAGRAM', organisationId: String(org.id) }))
        .totalCount,
    ).toBe(0);
    // and the accounts shown on a result are only the visible ones
    const shown = await search(outsider, { search: 'hedda nightingale' });
    expect(shown.edges[0].node).toMatchObject({
      accounts: [{ platform: 'X', handle: '@HeddaPublic' }],
    });
  });

  it('filters by site, department, staff group, platform, community and verified accounts', async () => {
    const org = await world.newOrganisation();
    const { site, department } = await place(org, 'Riverside North');
    const viewer = await person(org);
    const radiographer = await person(org, {
      displayName: 'Filtered Radiographer',
      staffGroup: StaffGroup.ALLIED_HEALTH_PROFESSIONALS,
      siteId: site.id,
      departmentId: department.id,
    });
    const doctor = await person(org, {
      displayName: 'Filtered Doctor',
      staffGroup: StaffGroup.MEDICAL_AND_DENTAL,
    });
    const account = await addAccount(doctor, Platform.MASTODON, '@filtereddoc@mastodon.social');
    await addAccount(radiographer, Platform.MASTODON, '@filteredrad@mastodon.social');
    await t.app
      .get(TransactionRunner)
      .run((tx) =>
        tx.update(
          SocialAccount,
          { id: account.id },
          { verificationStatus: VerificationStatus.VERIFIED },
        ),
      );
    const o = String(org.id);
    expect(names(await search(viewer, { organisationId: o, siteId: String(site.id) }))).toEqual([
      'Filtered Radiographer',
    ]);
    expect(
      names(await search(viewer, { organisationId: o, departmentId: String(department.id) })),
    ).toEqual(['Filtered Radiographer']);
    expect(
      names(await search(viewer, { organisationId: o, staffGroup: 'MEDICAL_AND_DENTAL' })),
    ).toEqual(['Filtered Doctor']);
    expect(names(await search(viewer, { organisationId: o, platform: 'MASTODON' }))).toEqual([
      'Filtered Doctor',
      'Filtered Radiographer',
    ]);
    expect(names(await search(viewer, { organisationId: o, verifiedOnly: true }))).toEqual([
      'Filtered Doctor',
    ]);
    expect(
      names(await search(viewer, { search: 'filtered', organisationId: o, verifiedOnly: true })),
    ).toEqual(['Filtered Doctor']);

    const community = await world.newCommunity({ name: 'Radiographers' });
    await world.join(radiographer, community);
    expect(names(await search(viewer, { communityId: String(community.id) }))).toEqual([
      'Filtered Radiographer',
    ]);
  });

  it('a search with place and group filters follows a move made by any writer', async () => {
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    const west = await place(org, 'Tagmove West');
    const north = await place(org, 'Tagmove North');
    const east = await place(other, 'Tagmove East');
    const viewer = await person(org);
    const mover = await person(org, {
      displayName: 'Tagmover Person',
      staffGroup: StaffGroup.ALLIED_HEALTH_PROFESSIONALS,
      siteId: west.site.id,
      departmentId: west.department.id,
    });
    const found = async (filter: Record<string, unknown>) =>
      names(await search(viewer, { search: 'tagmover', ...filter }));
    const filters = (organisation: Organisation, at: typeof west, staffGroup: StaffGroup) => ({
      organisationId: String(organisation.id),
      siteId: String(at.site.id),
      departmentId: String(at.department.id),
      staffGroup,
    });
    // each filter alone and all together: only the person's current place and group match
    const expectOnlyAt = async (now: Record<string, string>, was: Record<string, string>) => {
      for (const [key, value] of Object.entries(now)) {
        expect({ [key]: await found({ [key]: value }) }).toEqual({ [key]: ['Tagmover Person'] });
      }
      for (const [key, value] of Object.entries(was)) {
        if (now[key] !== value)
          expect({ [key]: await found({ [key]: value }) }).toEqual({ [key]: [] });
      }
      const page = await search(viewer, { search: 'tagmover', ...now });
      expect([names(page), page.totalCount]).toEqual([['Tagmover Person'], 1]);
    };
    const first = filters(org, west, StaffGroup.ALLIED_HEALTH_PROFESSIONALS);
    await expectOnlyAt(first, first);

    // a change made by any writer (provisioning, sign-in, the profile): the index follows
    const move = (fields: Partial<StaffMember>) => world.update(mover, fields);
    await move({
      siteId: north.site.id,
      departmentId: north.department.id,
      staffGroup: StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED,
    });
    const second = filters(org, north, StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED);
    await expectOnlyAt(second, first);

    await move({
      organisationId: other.id,
      siteId: east.site.id,
      departmentId: east.department.id,
    });
    await expectOnlyAt(filters(other, east, StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED), second);
  });

  it('lists only people who accepted their guidance and are still here; they can search anyway', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const accepted = await person(org, { displayName: 'Listed Lumley' });
    const pending = await person(org, { displayName: 'Pending Lumley' });
    const leaver = await person(org, { displayName: 'Leaver Lumley' });
    const publish = await t.gql(
      `mutation($input: PublishGuidanceInput!) { publishGuidance(input: $input) { document { version } } }`,
      { input: { title: 'Guide', summary: 'Be kind.', url: 'https://example.nhs.uk/guide' } },
      admin,
    );
    expect(publish.errors).toBeUndefined();
    const accept = `mutation { acceptGuidance(input: { version: 1 }) { staffMember { listed } } }`;
    expect((await t.gql(accept, {}, accepted)).data!.acceptGuidance.staffMember.listed).toBe(true);
    expect((await t.gql(accept, {}, leaver)).errors).toBeUndefined();
    await world.leave(leaver);

    const page = await search(pending, { search: 'lumley' });
    expect(names(page)).toEqual(['Listed Lumley']);
    expect(page.totalCount).toBe(1);
  });

  it('refuses bad input clearly: malformed cursor, first over 100, over-long search', async () => {
    const viewer = await world.newPerson();
    const bad = async (vars: Record<string, unknown>, field: string) => {
      const res = await t.gql(STAFF, vars, viewer);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await bad({ first: 101 }, 'first');
    await bad({ first: 0 }, 'first');
    await bad({ after: 'not a cursor!' }, 'after');
    await bad({ after: Buffer.from('{"a":1}').toString('base64url') }, 'after');
    await bad({ after: Buffer.from('[1, "x", 3]').toString('base64url') }, 'after'); // ranked cursor, unranked search
    await bad({ filter: { search: 'x'.repeat(201) } }, 'filter.search');
    await bad({ filter: { siteId: 'abc' } }, 'filter.siteId');
    // an unknown platform never reaches the resolver: GraphQL refuses the enum value
    const unknown = await t.gql(STAFF, { filter: { platform: 'MYSPACE' } }, viewer);
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.data?.staff ?? null).toBeNull();
  });

  it('issues the same few SQL statements for a page of 5 people as for 50', async () => {
    const org = await world.newOrganisation();
    const { site, department } = await place(org, 'Statement Counting');
    const viewer = await person(org);
    for (let i = 0; i < 55; i++) {
      const someone = await person(org, {
        displayName: `Counted Person ${String(i).padStart(2, '0')}`,
        siteId: site.id,
        departmentId: department.id,
      });
      await addAccount(someone, Platform.X, `@counted${i}`);
    }
    const countStatements = async (first: number, filter: Record<string, unknown>) => {
      await search(viewer, filter, first); // warm
      const statements = await recordStatements(t.dataSource, () => search(viewer, filter, first));
      return statements;
    };
    for (const filter of [
      { organisationId: String(org.id) },
      { search: 'counted person', organisationId: String(org.id) },
    ]) {
      const five = await countStatements(5, filter);
      const fifty = await countStatements(50, filter);
      expect(fifty.result.edges).toHaveLength(50);
      expect(five.result.edges).toHaveLength(5);
      expect(fifty.count).toBe(five.count);
      // with a search: how broad it is, then the ranked page, which counts its matches itself;
      // without: the page and its count. Then the people with their organisations, sites and
      // departments in one read, and one batch of accounts; no write before a read
      expect(five.count).toBe(4);
      expect(
        five.texts.filter((sql) => /\bFROM "?(organisations|sites|departments)"?/.test(sql)),
      ).toEqual([]);
      expect(
        five.texts.filter((sql) => /JOIN "(organisations|sites|departments)"/.test(sql)),
      ).toHaveLength(1);
    }
  });

  it('asks for no page when the index matches nobody, and says so', async () => {
    const org = await world.newOrganisation();
    const viewer = await person(org);
    await person(org, { displayName: 'Someone Findable' });
    // three letters: too short for the close-spellings fallback, so only the index is asked
    const nobody = () => search(viewer, { search: 'zqx', organisationId: String(org.id) });
    await nobody(); // warm
    const { result, texts } = await recordStatements(t.dataSource, nobody);
    expect(result).toMatchObject({
      totalCount: 0,
      totalCountCapped: false,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    // how broad the search is (nobody), and nothing after it
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/MATCH|@@/);
    expect(
      names(await search(viewer, { search: 'findable', organisationId: String(org.id) })),
    ).toEqual(['Someone Findable']);
  });

  it('reads both follow states of a page’s cards in one statement, each person’s right', async () => {
    const org = await world.newOrganisation();
    const viewer = await person(org);
    const followed = await person(org, { displayName: 'Followstate Followed' });
    const follower = await person(org, { displayName: 'Followstate Follower' });
    const mutual = await person(org, { displayName: 'Followstate Mutual' });
    const stranger = await person(org, { displayName: 'Followstate Stranger' });
    await world.follow(viewer, followed);
    await world.follow(follower, viewer);
    await world.follow(viewer, mutual);
    await world.follow(mutual, viewer);
    await world.follow(follower, stranger); // between two others: neither state of the viewer's
    const page = () =>
      t.gql<{
        staff: {
          edges: {
            node: { displayName: string; viewerFollows: boolean; followsViewer: boolean };
          }[];
        };
      }>(
        webOperation('DirectoryPage'),
        { first: 20, filter: { search: 'followstate', organisationId: String(org.id) } },
        viewer,
      );
    await page(); // warm
    const { result, texts } = await recordStatements(t.dataSource, page);
    expect(result.errors).toBeUndefined();
    const states = Object.fromEntries(
      result.data!.staff.edges.map(({ node }) => [
        node.displayName,
        [node.viewerFollows, node.followsViewer],
      ]),
    );
    expect(states).toEqual({
      'Followstate Followed': [true, false],
      'Followstate Follower': [false, true],
      'Followstate Mutual': [true, true],
      'Followstate Stranger': [false, false],
    });
    expect(texts.filter((sql) => /\bFROM "?follows"?\b/.test(sql))).toHaveLength(1);
  });

  it('answers the directory page’s own queries in the same statements however many organisations', async () => {
    const viewer = await world.newPerson();
    const results = () => t.gql(webOperation('DirectoryPage'), { first: 20, filter: {} }, viewer);
    const filterOptions = () => t.gql(webOperation('DirectoryFilterOptions'), {}, viewer);
    await results(); // warm
    await filterOptions();
    const before = [
      await recordStatements(t.dataSource, results),
      await recordStatements(t.dataSource, filterOptions),
    ];
    for (const { result } of before) expect(result.errors).toBeUndefined();
    for (let i = 0; i < 10; i++) await world.newPlace(await world.newOrganisation());
    const after = [
      await recordStatements(t.dataSource, results),
      await recordStatements(t.dataSource, filterOptions),
    ];
    expect(after[1].result.data!.organisations.length).toBeGreaterThanOrEqual(10);
    expect(after.map((a) => a.count)).toEqual(before.map((b) => b.count));
  });
});
