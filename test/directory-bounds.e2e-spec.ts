import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { DirectoryRepository } from '../src/directory/directory.repository';
import { FollowPacksService } from '../src/follows/follow-packs.service';
import { Platform } from '../src/social-accounts/platforms/platform';
import { AccountVisibility } from '../src/social-accounts/social-account.entity';
import { StaffGroup } from '../src/staff/staff-group';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { recordStatements } from './support/statements';
import { World } from './support/world';

const STAFF = `query($first: Int, $after: String, $filter: StaffFilter, $sort: DirectorySort) {
  staff(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    totalCountCapped
    searchLimited
    pageInfo { hasNextPage endCursor }
    edges { node { id displayName } }
  }
}`;

interface Page {
  totalCount: number;
  totalCountCapped: boolean;
  searchLimited: boolean;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; displayName: string } }[];
}

/**
 * Issue 14: every directory statement has a bound whatever the size of the data — searches of
 * single letters scan a capped window and say so, rare filters start from their few holders,
 * the Mastodon CSV is read in keyset chunks — and their plans use an index, never a full scan.
 */
describe('directory: bounded statements', () => {
  let t: TestApp;
  let world: World;
  let dataSource: DataSource;
  let repository: DirectoryRepository;
  const postgres = () => dataSource.options.type === 'postgres';

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    dataSource = t.app.get(DataSource);
    repository = t.app.get(DirectoryRepository);
  });
  afterAll(() => t.close());

  async function staff(viewer: StaffMember, vars: Record<string, unknown>): Promise<Page> {
    const res = await t.gql(STAFF, vars, viewer);
    expect(res.errors).toBeUndefined();
    return res.data!.staff as Page;
  }

  /** Every page, following endCursor while hasNextPage. */
  async function allPages(viewer: StaffMember, filter: Record<string, unknown>, first: number) {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const page = await staff(viewer, { first, after, filter });
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 100);
    return pages;
  }

  /** SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans priced out. */
  async function planOf(sql: string, parameters: unknown[]): Promise<string> {
    if (postgres()) {
      const rows = await dataSource.transaction(async (tx) => {
        // with whole-table reads and sorts priced out (a test's tables are tiny), a plan that
        // still has a Seq Scan shows no index serves it, and the index chosen is the one whose
        // order serves the statement's
        await tx.query('SET LOCAL enable_seqscan = off');
        await tx.query('SET LOCAL enable_bitmapscan = off');
        await tx.query('SET LOCAL enable_sort = off');
        return tx.query(`EXPLAIN ${sql}`, parameters);
      });
      return rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
    }
    const rows = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
    return rows.map((row: { detail: string }) => row.detail).join('\n');
  }

  /** No full scan of a table: SQLite scans only indexes (or its own subqueries), PostgreSQL none. */
  function expectNoFullScan(plan: string) {
    if (postgres()) {
      expect(plan).not.toMatch(/Seq Scan/);
      return;
    }
    for (const line of plan.split('\n').filter((l) => /^SCAN /.test(l))) {
      // a scan of a subquery's rows (`SCAN w`, `SCAN (subquery-2)`) reads what a bounded step made
      expect(line).toMatch(
        /^SCAN \w+ USING (COVERING )?INDEX |^SCAN (w|holders|capped|hits)\b|^SCAN \(subquery-\d+\)/,
      );
    }
  }

  describe('a search of single letters only', () => {
    let viewer: StaffMember;
    let organisationId: string;
    const matches: string[] = [];

    beforeAll(async () => {
      const organisation = await world.newOrganisation();
      organisationId = String(organisation.id);
      viewer = await world.newPerson();
      // 40 people by name: every eighth is "… Quinn Zeller" (matches "q z"), the rest do not
      const people = await world.newPeople(40, (i) => ({
        displayName: `Name${String(i).padStart(2, '0')} ${i % 8 === 0 ? 'Quinn Zeller' : 'Abel Brown'}`,
        jobTitle: 'Porter',
        organisationId: organisation.id,
      }));
      matches.push(
        ...people
          .map((p) => p.displayName)
          .filter((name) => name.endsWith('Quinn Zeller'))
          .sort(),
      );
    });

    const filter = () => ({ search: 'q z', organisationId });

    it('is complete and counted when one page holds everyone it checked', async () => {
      const page = await staff(viewer, { first: 20, filter: filter() });
      expect(page.edges.map((e) => e.node.displayName)).toEqual(matches);
      expect(page).toMatchObject({
        totalCount: matches.length,
        totalCountCapped: false,
        searchLimited: false,
        pageInfo: { hasNextPage: false },
      });
    });

    it('checks a capped stretch per page, says so, and continues where it stopped', async () => {
      const window = repository.broadWindow;
      repository.broadWindow = 6; // six people checked per page: at most one match each
      try {
        const pages = await allPages(viewer, filter(), 3);
        // every match once, in name order, across pages that each checked only six people
        expect(pages.flatMap((p) => p.edges.map((e) => e.node.displayName))).toEqual(matches);
        expect(pages.length).toBeGreaterThan(2);
        for (const page of pages) {
          expect(page.searchLimited).toBe(true);
          expect(page.totalCount).toBe(page.edges.length);
          expect(page.totalCountCapped).toBe(true);
          expect(page.edges.length).toBeLessThan(2);
        }
        // a page may hold none and still go on: the stretch of "Abel Brown"s
        expect(pages.some((p) => p.edges.length === 0 && p.pageInfo.hasNextPage)).toBe(true);
        expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
      } finally {
        repository.broadWindow = window;
      }
    });

    it('ends a full page with the usual cursor, and says the page is not all', async () => {
      const first = await staff(viewer, { first: 3, filter: filter() });
      expect(first.edges.map((e) => e.node.displayName)).toEqual(matches.slice(0, 3));
      expect(first).toMatchObject({ searchLimited: true, pageInfo: { hasNextPage: true } });
      const next = await staff(viewer, {
        first: 20,
        after: first.pageInfo.endCursor,
        filter: filter(),
      });
      expect(next.edges.map((e) => e.node.displayName)).toEqual(matches.slice(3));
      expect(next).toMatchObject({ searchLimited: true, pageInfo: { hasNextPage: false } });
    });

    it.each([
      ['everyone', false],
      ['one organisation', true],
    ])(
      'reads a range of a listed name index for %s, never the whole table',
      async (_who, withOrganisation) => {
        const search = { search: 'q z', ...(withOrganisation ? { organisationId } : {}) };
        const { texts, parameters } = await recordStatements(dataSource, () =>
          staff(viewer, { first: 3, filter: search }),
        );
        const window = texts.findIndex((text) => /LIMIT 5000\)/.test(text));
        expect(window).toBeGreaterThanOrEqual(0);
        // and no count: a capped scan counts nobody
        expect(texts.some((text) => /COUNT\(\*\) AS n/.test(text))).toBe(false);
        const plan = await planOf(texts[window], parameters[window]);
        expect(plan).toMatch(
          withOrganisation ? /IDX_staff_listed_organisation/i : /IDX_staff_listed_name/i,
        );
        expectNoFullScan(plan);
      },
    );
  });

  describe('a filter few people pass', () => {
    it('starts a small community from its members, on the membership key', async () => {
      const u = world.unique().replace(/[^a-z]/g, '');
      const community = await world.newCommunity();
      const members: string[] = [];
      for (const name of [`Cy Ash${u}`, `Abe Dunn${u}`, `Bo Cole${u}`]) {
        const person = await world.newPerson({ displayName: name });
        await world.join(person, community);
        members.push(name);
      }
      await world.newPerson({ displayName: `Al Able${u}` }); // not a member
      const viewer = await world.newPerson();
      const filter = { communityId: String(community.id) };
      const { texts, parameters, result } = await recordStatements(dataSource, () =>
        staff(viewer, { first: 20, filter }),
      );
      expect(result.edges.map((e) => e.node.displayName)).toEqual([...members].sort());
      expect(result.totalCount).toBe(3);
      const i = texts.findIndex((text) => /FROM community_memberships cm WHERE/.test(text));
      expect(i).toBeGreaterThanOrEqual(0);
      for (const j of [i, texts.length - 2]) {
        const plan = await planOf(texts[j], parameters[j]);
        expectNoFullScan(plan);
      }
      const plan = await planOf(texts[i], parameters[i]);
      expect(plan).toMatch(postgres() ? /community_memberships/ : /SEARCH cm USING/);

      // too many to start from: a capped window of people by name, counted from the members
      const limit = repository.broadSortLimit;
      repository.broadSortLimit = 1;
      try {
        const walked = await recordStatements(dataSource, () =>
          staff(viewer, { first: 20, filter }),
        );
        expect(walked.result.edges.map((e) => e.node.displayName)).toEqual([...members].sort());
        expect(walked.result.totalCount).toBe(3);
        const count = walked.texts.findIndex((text) =>
          /FROM community_memberships m (CROSS )?JOIN staff_members s/.test(text),
        );
        expect(count).toBeGreaterThanOrEqual(0);
        const countPlan = await planOf(walked.texts[count], walked.parameters[count]);
        expectNoFullScan(countPlan);
      } finally {
        repository.broadSortLimit = limit;
      }
    });

    describe('a community too large to start from its members', () => {
      let viewer: StaffMember;
      let organisationId: string;
      let communityId: string;
      let u: string;
      const members: string[] = [];

      beforeAll(async () => {
        u = world.unique().replace(/[^a-z]/g, '');
        const organisation = await world.newOrganisation();
        organisationId = String(organisation.id);
        const community = await world.newCommunity();
        communityId = String(community.id);
        viewer = await world.newPerson();
        // 15 people by name, every third a member: members spread through the name order
        const people = await world.newPeople(15, (i) => ({
          displayName: `Name${String(i).padStart(2, '0')} Walker${u}`,
          jobTitle: `Porter${u}`,
          organisationId: organisation.id,
        }));
        for (const [i, person] of people.entries()) {
          if (i % 3 !== 1) continue;
          await world.join(person, community);
          members.push(person.displayName);
        }
      });

      /** Runs `work` with at most one holder to start from and `window` people per scan. */
      async function withLimits<T>(window: number, work: () => Promise<T>): Promise<T> {
        const [sortLimit, broadWindow] = [repository.broadSortLimit, repository.broadWindow];
        repository.broadSortLimit = 1;
        repository.broadWindow = window;
        try {
          return await work();
        } finally {
          repository.broadSortLimit = sortLimit;
          repository.broadWindow = broadWindow;
        }
      }

      it('lists its members a capped stretch of people at a time, still counted', async () => {
        const filter = { communityId, organisationId };
        const pages = await withLimits(4, () => allPages(viewer, filter, 3));
        // every member once, in name order, across pages that each checked four people
        expect(pages.flatMap((p) => p.edges.map((e) => e.node.displayName))).toEqual(members);
        expect(pages.length).toBeGreaterThan(3);
        for (const page of pages) {
          expect(page.edges.length).toBeLessThan(3);
          expect(page).toMatchObject({
            totalCount: members.length,
            totalCountCapped: false,
            searchLimited: false,
          });
        }
        expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
      });

      it('tests a broad search on a capped window, says so, and never sorts every match', async () => {
        const filter = { search: `porter${u}`, communityId, organisationId };
        const pages = await withLimits(4, () =>
          (async () => {
            const found: Page[] = [];
            let after: string | null = null;
            do {
              const page = await staff(viewer, { first: 3, after, filter, sort: 'NAME' });
              found.push(page);
              after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
            } while (after && found.length < 100);
            return found;
          })(),
        );
        expect(pages.flatMap((p) => p.edges.map((e) => e.node.displayName))).toEqual(members);
        for (const page of pages) {
          expect(page.searchLimited).toBe(true);
          expect(page.totalCountCapped).toBe(true);
          expect(page.totalCount).toBe(page.edges.length);
        }
        expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
      });

      it.each([
        ['browsing', {}],
        ['a broad search', { search: 'porter' }],
      ])(
        'reads a range of the listed name index when %s, never the whole table',
        async (_what, extra) => {
          const filter = { ...extra, communityId };
          const { texts, parameters, result } = await withLimits(4, () =>
            recordStatements(dataSource, () =>
              t.gql(STAFF, { first: 3, filter, sort: 'NAME' }, viewer),
            ),
          );
          expect(result.errors).toBeUndefined();
          // four people checked: the window is full, where the old plan sorted every match
          const window = texts.findIndex((text) => /LIMIT 4\)/.test(text));
          expect(window).toBeGreaterThanOrEqual(0);
          const plan = await planOf(texts[window], parameters[window]);
          expect(plan).toMatch(/IDX_staff_listed_name/i);
          expectNoFullScan(plan);
          // membership is probed on the window's ids before anyone's row is read
          expect(plan).toMatch(
            postgres()
              ? /community_memberships/
              : /SEARCH cm USING [^\n]*\n[^\n]*SEARCH s USING INTEGER PRIMARY KEY/,
          );
          // the index's matches are never sorted by name (that grows with them)
          expect(
            texts.filter((text) => /staff_search/.test(text) && /ORDER BY/.test(text)),
          ).toEqual([]);
          for (const [i, text] of texts.entries()) {
            if (/COUNT\(\*\) AS n/.test(text)) expectNoFullScan(await planOf(text, parameters[i]));
          }
        },
      );
    });

    it('tests a broad search only on the few holders of a rare platform', async () => {
      const u = world.unique().replace(/[^a-z]/g, '');
      const organisation = await world.newOrganisation();
      const names = [`Yan Bell${u}`, `Abe Dunn${u}`];
      for (const displayName of names) {
        const person = await world.newPerson({
          organisationId: organisation.id,
          displayName,
          jobTitle: 'Porter',
        });
        await world.newAccount(person, { platform: Platform.TIKTOK });
      }
      // a TikTok account only its owner sees makes no one match
      const hidden = await world.newPerson({ displayName: `Cy Ash${u}`, jobTitle: 'Porter' });
      await world.newAccount(hidden, {
        platform: Platform.TIKTOK,
        visibility: AccountVisibility.ONLY_ME,
      });
      const viewer = await world.newPerson();
      // sorted by name, a search that the index matches goes the broad way (walk, then sort)
      const filter = { search: 'porter', platform: 'TIKTOK' };
      const { texts, parameters, result } = await recordStatements(dataSource, () =>
        t.gql(STAFF, { first: 20, filter, sort: 'NAME' }, viewer),
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.staff as Page;
      expect(page.edges.map((e) => e.node.displayName)).toEqual([`Abe Dunn${u}`, `Yan Bell${u}`]);
      expect(page.totalCount).toBe(2);
      const i = texts.findIndex((text) => /SELECT DISTINCT a\.staff_id AS id/.test(text));
      expect(i).toBeGreaterThanOrEqual(0);
      const plan = await planOf(texts[i], parameters[i]);
      expect(plan).toMatch(/IDX_social_accounts_platform_verified/i);
      expectNoFullScan(plan);
    });
  });

  describe('a broad search with a staff group and no place', () => {
    let viewer: StaffMember;
    let u: string;
    const matches: string[] = [];

    beforeAll(async () => {
      u = world.unique().replace(/[^a-z]/g, '');
      viewer = await world.newPerson();
      // 12 healthcare scientists by name, every third an "Analyst…": matches spread in name
      // order; students with the same title match the word but not the group
      const scientists = await world.newPeople(12, (i) => ({
        displayName: `Name${String(i).padStart(2, '0')} Scientist${u}`,
        jobTitle: i % 3 === 1 ? `Analyst${u}` : 'Porter',
        staffGroup: StaffGroup.HEALTHCARE_SCIENTISTS,
      }));
      await world.newPeople(3, (i) => ({
        displayName: `Name${String(i).padStart(2, '0')} Student${u}`,
        jobTitle: `Analyst${u}`,
        staffGroup: StaffGroup.STUDENTS,
      }));
      matches.push(
        ...scientists
          .filter((person) => person.jobTitle === `Analyst${u}`)
          .map((person) => person.displayName)
          .sort(),
      );
    });

    const filter = () => ({ search: `analyst${u}`, staffGroup: 'HEALTHCARE_SCIENTISTS' });

    /** Every page in name order, with `window` people per scan and at most one match sorted. */
    async function pagesWithLimits(window: number) {
      const [sortLimit, broadWindow] = [repository.broadSortLimit, repository.broadWindow];
      repository.broadSortLimit = 1;
      repository.broadWindow = window;
      try {
        return await recordStatements(dataSource, async () => {
          const pages: Page[] = [];
          let after: string | null = null;
          do {
            const page = await staff(viewer, { first: 3, after, filter: filter(), sort: 'NAME' });
            pages.push(page);
            after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
          } while (after && pages.length < 100);
          return pages;
        });
      } finally {
        repository.broadSortLimit = sortLimit;
        repository.broadWindow = broadWindow;
      }
    }

    it('sorts and counts the matches at once when the word has few', async () => {
      const page = await staff(viewer, { first: 20, filter: filter(), sort: 'NAME' });
      expect(page.edges.map((e) => e.node.displayName)).toEqual(matches);
      expect(page).toMatchObject({
        totalCount: matches.length,
        totalCountCapped: false,
        searchLimited: false,
        pageInfo: { hasNextPage: false },
      });
    });

    it('finds every match once when the word has many, on a bound either database keeps', async () => {
      const { result: pages, texts, parameters } = await pagesWithLimits(4);
      expect(pages.flatMap((p) => p.edges.map((e) => e.node.displayName))).toEqual(matches);
      expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
      const sortsMatches = texts
        .map((text, i) => ({ text, parameters: parameters[i] }))
        .filter(({ text }) => /staff_search/.test(text) && /ORDER BY/.test(text));
      if (postgres()) {
        // PostgreSQL's index holds no group: a capped scan of four people a page, which says so
        // and counts nobody; the word's matches are never sorted by name (that read every
        // match and every nurse: 2 s at 1.5 M staff)
        expect(sortsMatches).toEqual([]);
        for (const page of pages) {
          expect(page.searchLimited).toBe(true);
          expect(page.totalCount).toBe(page.edges.length);
        }
        const window = texts.findIndex((text) => /LIMIT 4\)/.test(text));
        expect(window).toBeGreaterThanOrEqual(0);
        const plan = await planOf(texts[window], parameters[window]);
        expect(plan).toMatch(/IDX_staff_listed_group/i);
        expectNoFullScan(plan);
        expect(
          texts.filter((text) =>
            /COUNT\(\*\) AS n FROM \(SELECT 1 AS one FROM staff_search ss/.test(text),
          ),
        ).toEqual([]);
      } else {
        // SQLite's index holds the group as a tag: the sort is of the posting lists' intersection
        expect(sortsMatches.length).toBeGreaterThan(0);
        for (const { parameters } of sortsMatches) {
          expect(parameters.join(' ')).toContain('tags : "grouphealthcarescientists"');
        }
      }
    });
  });

  describe("a follow pack's Mastodon CSV", () => {
    const CSV_HEADER = ['Account address', 'Show boosts', 'Notify on new posts', 'Languages'];

    it('is read a chunk of members at a time, on the membership key, every one once', async () => {
      const packs = t.app.get(FollowPacksService);
      const community = await world.newCommunity();
      const viewerOrganisation = await world.newOrganisation();
      const me = await world.newPerson({ organisationId: viewerOrganisation.id });
      await world.join(me, community);
      const u = world
        .unique()
        .replace(/[^a-z0-9]/g, '')
        .slice(-8);
      const expected: string[] = [];
      for (let i = 0; i < 7; i++) {
        const member = await world.newPerson({
          organisationId: i === 6 ? viewerOrganisation.id : undefined,
        });
        await world.join(member, community);
        if (i === 3) continue; // no Mastodon account
        // the fifth is for their organisation only (not mine); the seventh for mine (so mine)
        const visibility =
          i === 4 || i === 6 ? AccountVisibility.ORGANISATION : AccountVisibility.NHS_DIRECTORY;
        await world.newAccount(member, {
          platform: Platform.MASTODON,
          handle: `@m${i}${u}@mastodon.social`,
          visibility,
        });
        if (i !== 4) expected.push(`m${i}${u}@mastodon.social`);
      }
      const leaver = await world.newPerson();
      await world.join(leaver, community);
      await world.newAccount(leaver, {
        platform: Platform.MASTODON,
        handle: `@gone${u}@mastodon.social`,
      });
      await world.leave(leaver);

      const chunk = packs.csvChunk;
      packs.csvChunk = 2;
      try {
        const {
          result: res,
          texts,
          parameters,
        } = await recordStatements(dataSource, () =>
          t
            .http()
            .get(`/api/follow-packs/mastodon.csv?source=community&id=${community.id}`)
            .set('Authorization', `Bearer ${t.tokenFor(me)}`)
            .expect(200),
        );
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers.trailer).toBe('X-Follow-Pack-Truncated');
        const rows = parse(res.text) as string[][];
        expect(rows[0]).toEqual(CSV_HEADER);
        expect(
          rows
            .slice(1)
            .map((r) => r[0])
            .sort(),
        ).toEqual([...expected].sort());
        // members two at a time: nine members, five chunks, each a range of the membership key
        const chunks = texts.flatMap((text, i) =>
          /FROM community_memberships m/.test(text) && /m\.staff_id >/.test(text) ? [i] : [],
        );
        expect(chunks.length).toBe(5);
        const plan = await planOf(texts[chunks[1]], parameters[chunks[1]]);
        expect(plan).toMatch(
          postgres() ? /community_memberships/ : /SEARCH m USING .*community_id=\? AND staff_id>\?/,
        );
        expectNoFullScan(plan);
        const accounts = texts.findIndex((text) => /a\.platform = /.test(text));
        const accountsPlan = await planOf(texts[accounts], parameters[accounts]);
        expect(accountsPlan).toMatch(postgres() ? /Index/ : /SEARCH a USING (COVERING )?INDEX/);
        expectNoFullScan(accountsPlan);
      } finally {
        packs.csvChunk = chunk;
      }
    });

    it('streams the people I follow and my team in chunks too, leaving out the unticked', async () => {
      const packs = t.app.get(FollowPacksService);
      const me = await world.newPerson();
      const u = world
        .unique()
        .replace(/[^a-z0-9]/g, '')
        .slice(-8);
      const followed: StaffMember[] = [];
      for (let i = 0; i < 5; i++) {
        const person = await world.newPerson();
        await world.newAccount(person, {
          platform: Platform.MASTODON,
          handle: `@f${i}${u}@fosstodon.org`,
        });
        await world.follow(me, person);
        followed.push(person);
      }
      const chunk = packs.csvChunk;
      packs.csvChunk = 2;
      try {
        const res = await t
          .http()
          .get(`/api/follow-packs/mastodon.csv?source=following&exclude=${followed[2].id}`)
          .set('Authorization', `Bearer ${t.tokenFor(me)}`)
          .expect(200);
        expect((parse(res.text) as string[][]).slice(1).map((r) => r[0])).toEqual(
          [0, 1, 3, 4].map((i) => `f${i}${u}@fosstodon.org`),
        );
      } finally {
        packs.csvChunk = chunk;
      }
    });

    it('is only its header when no one has a Mastodon account', async () => {
      const me = await world.newPerson();
      const res = await t
        .http()
        .get('/api/follow-packs/mastodon.csv?source=following')
        .set('Authorization', `Bearer ${t.tokenFor(me)}`)
        .expect(200);
      expect(parse(res.text)).toEqual([CSV_HEADER]);
    });
  });
});
