import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runSql } from '../database/portable-sql';
import { Platform } from '../social-accounts/platforms/platform';
import { StaffGroup } from '../staff/staff-group';
import { visibleStaffSql } from '../staff/visible-staff.sql';
import { DIRECTORY_SCAN_WINDOW } from './dto/staff-filter.input';
import {
  filterTags,
  fts5Match,
  hasIndexedTerms,
  likePatterns,
  rowConditionTerms,
  SearchDocument,
  SearchQuery,
  trigrams,
  TS_RANK_WEIGHTS,
  tsQuery,
} from './search-text';

// How many vocabulary words sharing trigrams with a typed word are scored for closeness.
const SPELLING_CANDIDATES = 50;

export interface DirectoryCriteria {
  viewer: { id: number; organisationId: number | null };
  query: SearchQuery | null;
  organisationId?: number;
  siteId?: number;
  departmentId?: number;
  staffGroup?: StaffGroup;
  platform?: Platform;
  communityId?: number;
  verifiedOnly?: boolean;
}

/**
 * Where a page starts: after this row in (relevance desc, name, id) order; `name` is the sort key
 * of the mode (the display name, or the surname key in surname order).
 */
export interface DirectoryKey {
  relevance: number | null;
  name: string;
  id: number;
}

export type DirectoryRow = DirectoryKey;

/** A page of rows and, when the statement that found them could tell, how many match in all. */
export interface DirectoryPage {
  rows: DirectoryRow[];
  total?: number;
  /**
   * A capped scan (`scanPage`): the matches among the next `broadWindow` people only. Whether
   * more may match past them (`continueAfter`: the last person checked, where the next page
   * starts), so the page is not known to be complete. Nobody was counted unless `counted`: a
   * bounded count answers the total (a community's members, counted on its key).
   */
  scan?: { continueAfter: DirectoryKey | null; counted: boolean };
}

/**
 * `ranked`: the full-text index finds the matches (few enough to rank them all) and they are
 * ordered by relevance then name. `byName`: no search, or one so broad that ranking every match
 * would be slow; people are walked in name order and each row is tested. `bySurname`: as
 * `byName`, in surname order (`staff_members.sort_surname`, its own listed indexes).
 */
export type DirectoryMode = 'ranked' | 'byName' | 'bySurname';

/** The column a name-ordered mode walks: its listed indexes hold it after the filter columns. */
function orderColumn(mode: DirectoryMode): string {
  return mode === 'bySurname' ? 's.sort_surname' : 's.display_name';
}

// SQLite: a broad search whose filtered matches are at most this many sorts them by name at once
// (a few milliseconds) instead of first walking the window.
const BROAD_SORT_LIMIT = 2_000;

// SQLite bm25 weights per column (name, title, handles, bio, tags, org_handles): a name match
// counts most; filter tags never count; an organisation-only handle counts as a handle.
const BM25 = 'bm25(staff_search, 10.0, 4.0, 6.0, 1.0, 0.0, 6.0)';

function toRows(
  rows: { id: number | string | null; name: string; relevance: number | string | null }[],
): DirectoryRow[] {
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    relevance: row.relevance === null ? null : Number(row.relevance),
  }));
}

/** Placeholders for either driver: `?` for SQLite, `$n` for PostgreSQL. */
class Params {
  readonly values: unknown[] = [];
  constructor(private readonly postgres: boolean) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.postgres ? `$${this.values.length}` : '?';
  }
}

/** The directory's SQL for both drivers: the search index and the directory page and count. */
@Injectable()
export class DirectoryRepository {
  private readonly postgres: boolean;
  private trigramSchema?: Promise<string>;
  /** How many people by name a broad search tests before sorting matches (a tuning knob). */
  broadWindow = DIRECTORY_SCAN_WINDOW;
  /** SQLite: how many filtered matches a broad search sorts at once (a tuning knob). */
  broadSortLimit = BROAD_SORT_LIMIT;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /**
   * A page of the directory export: people others may see (active and listed), of one
   * organisation or everyone, in id order after `afterId` (keyset: each page is one short
   * index range, so a national export never holds the event loop).
   */
  async exportPage(organisationId: number | null, afterId: number, limit: number) {
    const { rows } = await runSql<{
      id: number;
      display_name: string;
      job_title: string | null;
      staff_group: StaffGroup | null;
      pronouns: string | null;
      organisation: string | null;
      site: string | null;
      department: string | null;
    }>(
      this.dataSource.manager,
      `SELECT s.id, s.display_name, s.job_title, s.staff_group, s.pronouns,
              o.name AS organisation, si.name AS site, d.name AS department
       FROM staff_members s
       LEFT JOIN organisations o ON o.id = s.organisation_id
       LEFT JOIN sites si ON si.id = s.site_id
       LEFT JOIN departments d ON d.id = s.department_id
       WHERE ${visibleStaffSql('s')} AND s.id > :afterId
         ${organisationId === null ? '' : 'AND s.organisation_id = :organisationId'}
       ORDER BY s.id LIMIT :limit`,
      { afterId, organisationId, limit },
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /**
   * The accounts of these people an export for `viewerOrganisationId`'s team may show: NHS
   * directory ones, and organisation-only ones of that organisation's own staff (canSeeAccount;
   * "only me" never leaves its owner, not even in their own team's export).
   */
  async exportAccounts(staffIds: readonly number[], viewerOrganisationId: number | null) {
    if (staffIds.length === 0) return [];
    const { rows } = await runSql<{ staff_id: number; platform: Platform; handle: string }>(
      this.dataSource.manager,
      `SELECT a.staff_id, a.platform, a.handle FROM social_accounts a
       JOIN staff_members s ON s.id = a.staff_id
       WHERE a.staff_id IN (:...ids)
         AND (a.visibility = 'NHS_DIRECTORY'
              ${viewerOrganisationId === null ? '' : "OR (a.visibility = 'ORGANISATION' AND s.organisation_id = :org)"})
       ORDER BY a.staff_id, a.platform, a.id`,
      { ids: [...staffIds], org: viewerOrganisationId },
    );
    return rows.map((r) => ({ ...r, staff_id: Number(r.staff_id) }));
  }

  /** Replaces these people's search index entries (none for someone gone). */
  async replaceDocuments(
    tx: EntityManager,
    staffIds: readonly number[],
    documents: SearchDocument[],
  ): Promise<void> {
    if (staffIds.length === 0) return;
    if (this.postgres) {
      const params = new Params(true);
      const present = new Set(documents.map((d) => d.staffId));
      const gone = staffIds.filter((id) => !present.has(id));
      if (gone.length > 0) {
        await tx.query(
          `DELETE FROM staff_search WHERE staff_id IN (${gone.map((id) => params.add(id)).join(', ')})`,
          params.values,
        );
      }
      if (documents.length === 0) return;
      const rows = new Params(true);
      const values = documents.map(
        (d) =>
          `(${rows.add(d.staffId)}, setweight(to_tsvector('simple', ${rows.add(d.name)}), 'A')` +
          ` || setweight(to_tsvector('simple', ${rows.add(d.title)}), 'B')` +
          ` || setweight(to_tsvector('simple', ${rows.add(d.handles)}), 'B')` +
          ` || setweight(to_tsvector('simple', ${rows.add(d.bio)}), 'D')` +
          // organisation tokens alone carry C: typed words ask for A, B and D only (tsQuery)
          ` || setweight(to_tsvector('simple', ${rows.add(d.orgHandles)}), 'C'))`,
      );
      await tx.query(
        `INSERT INTO staff_search (staff_id, document) VALUES ${values.join(', ')}
         ON CONFLICT (staff_id) DO UPDATE SET document = EXCLUDED.document`,
        rows.values,
      );
      return;
    }
    const params = new Params(false);
    await tx.query(
      `DELETE FROM staff_search WHERE rowid IN (${staffIds.map((id) => params.add(id)).join(', ')})`,
      params.values,
    );
    if (documents.length === 0) return;
    const rows = new Params(false);
    const values = documents.map(
      (d) =>
        `(${rows.add(d.staffId)}, ${rows.add(d.name)}, ${rows.add(d.title)}, ` +
        `${rows.add(d.handles)}, ${rows.add(d.bio)}, ${rows.add(d.tags)}, ${rows.add(d.orgHandles)})`,
    );
    await tx.query(
      `INSERT INTO staff_search (rowid, name, title, handles, bio, tags, org_handles)
       VALUES ${values.join(', ')}`,
      rows.values,
    );
  }

  /**
   * Adds words to the vocabulary the typo fallback corrects to (names, job titles, places).
   * `forgetUnusedWords` takes them out again once no document has them.
   */
  async addWords(tx: EntityManager, words: readonly string[]): Promise<void> {
    const unique = [...new Set(words)];
    if (unique.length === 0) return;
    const params = new Params(this.postgres);
    const values = unique.map((word) => `(${params.add(word)})`).join(', ');
    if (this.postgres) {
      await tx.query(
        `INSERT INTO directory_search_words (word) VALUES ${values} ON CONFLICT (word) DO NOTHING`,
        params.values,
      );
      return;
    }
    const added: { id: number; word: string }[] = await tx.query(
      `INSERT OR IGNORE INTO directory_search_words (word) VALUES ${values} RETURNING id, word`,
      params.values,
    );
    if (added.length === 0) return;
    const rows = new Params(false);
    await tx.query(
      `INSERT INTO directory_search_words_trigram (rowid, word)
       VALUES ${added.map((row) => `(${rows.add(row.id)}, ${rows.add(row.word)})`).join(', ')}`,
      rows.values,
    );
  }

  /**
   * Removes those of `words` that are in the vocabulary but no search document still holds (one
   * lookup, then an index probe per such word, never a scan): an erased person's name, or a
   * former name, leaves the typo vocabulary.
   */
  async forgetUnusedWords(tx: EntityManager, words: readonly string[]): Promise<void> {
    const unique = [...new Set(words)];
    if (unique.length === 0) return;
    const params = new Params(this.postgres);
    const known: { id: number; word: string }[] = await tx.query(
      `SELECT id, word FROM directory_search_words
       WHERE word IN (${unique.map((word) => params.add(word)).join(', ')})`,
      params.values,
    );
    for (const { id, word } of known) {
      const used: unknown[] = this.postgres
        ? await tx.query(
            `SELECT 1 FROM staff_search WHERE document @@ plainto_tsquery('simple', $1) LIMIT 1`,
            [word],
          )
        : await tx.query('SELECT 1 FROM staff_search WHERE staff_search MATCH ? LIMIT 1', [
            `"${word.replace(/"/g, '""')}"`,
          ]);
      if (used.length > 0) continue;
      if (!this.postgres) {
        // an external-content FTS5 table forgets a row by the 'delete' command with its old value
        await tx.query(
          `INSERT INTO directory_search_words_trigram (directory_search_words_trigram, rowid, word)
           VALUES ('delete', ?, ?)`,
          [id, word],
        );
      }
      await tx.query(
        `DELETE FROM directory_search_words WHERE id = ${this.postgres ? '$1' : '?'}`,
        [id],
      );
    }
  }

  /**
   * Vocabulary words that share three-letter pieces with `word`, most alike first, at most
   * SPELLING_CANDIDATES: answered by a trigram index (FTS5 trigram / pg_trgm), never a scan.
   */
  async spellingCandidates(word: string): Promise<string[]> {
    if (this.postgres) {
      // pg_trgm's schema, named: the connection's search_path need not include it
      this.trigramSchema ??= this.dataSource
        .query(
          `SELECT n.nspname AS schema FROM pg_extension e
           JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
        )
        .then((rows: { schema: string }[]) => `"${rows[0].schema.replace(/"/g, '""')}"`);
      const schema = await this.trigramSchema;
      const rows: { word: string }[] = await this.dataSource.query(
        `SELECT word FROM directory_search_words WHERE word OPERATOR(${schema}.%) $1
         ORDER BY ${schema}.similarity(word, $1) DESC, word LIMIT ${SPELLING_CANDIDATES}`,
        [word],
      );
      return rows.map((row) => row.word);
    }
    const pieces = trigrams(word);
    if (pieces.length === 0) return [];
    const rows: { word: string }[] = await this.dataSource.query(
      `SELECT word FROM directory_search_words_trigram WHERE directory_search_words_trigram MATCH ?
       ORDER BY rank LIMIT ${SPELLING_CANDIDATES}`,
      [pieces.map((piece) => `"${piece}"`).join(' OR ')],
    );
    return rows.map((row) => row.word);
  }

  /** How many people the full-text index matches (unfiltered), counting no further than `cap + 1`. */
  async matchCount(query: SearchQuery, cap: number): Promise<number> {
    if (!hasIndexedTerms(query)) return Infinity;
    const params = new Params(this.postgres);
    const sql = this.postgres
      ? `SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM staff_search
           WHERE document @@ to_tsquery('simple', ${params.add(tsQuery(query))})
           LIMIT ${params.add(cap + 1)}) capped`
      : `SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM staff_search
           WHERE staff_search MATCH ${params.add(fts5Match(query))} LIMIT ${params.add(cap + 1)}) capped`;
    const rows: { n: number | string }[] = await this.dataSource.query(sql, params.values);
    return Number(rows[0].n);
  }

  /** Up to `limit` people after `after`, in the order of `mode`. */
  async page(
    criteria: DirectoryCriteria,
    mode: DirectoryMode,
    after: DirectoryKey | null,
    limit: number,
  ): Promise<DirectoryPage> {
    const params = new Params(this.postgres);
    let sql: string;
    if (mode === 'ranked' && criteria.query) {
      const { from, relevance } = this.indexed(criteria.query, params, true);
      const where = this.conditions(criteria, params, mode);
      let keyset = '';
      if (after) {
        // each placeholder once: SQLite's `?` are positional
        const relevance = after.relevance ?? 0;
        keyset =
          `WHERE relevance < ${params.add(relevance)} OR (relevance = ${params.add(relevance)}` +
          ` AND (name, id) > (${params.add(after.name)}, ${params.add(after.id)}))`;
      }
      // every match is ranked anyway (few enough: see modeFor), so the same statement counts
      // them, before the cursor's keyset, and no count statement follows
      const result: { id: number; name: string; relevance: number | string; total: number }[] =
        await this.dataSource.query(
          `SELECT id, name, relevance, total FROM (
             SELECT id, name, relevance, COUNT(*) OVER () AS total FROM (
               SELECT s.id AS id, s.display_name AS name, ${relevance} AS relevance
               ${from} WHERE ${where.join(' AND ')}
             ) matched
           ) hits ${keyset}
           ORDER BY relevance DESC, name, id LIMIT ${params.add(limit)}`,
          params.values,
        );
      const rows = toRows(result);
      if (result.length > 0) return { rows, total: Number(result[0].total) };
      // none at all, or none past the cursor: then the total is unknown here (a count answers)
      return after ? { rows } : { rows, total: 0 };
    } else if (criteria.query && hasIndexedTerms(criteria.query)) {
      return this.broadPage(criteria, criteria.query, after, limit, orderColumn(mode));
    } else {
      const key = orderColumn(mode);
      // a platform, verified or community filter few people pass (TikTok, say): start from them
      const holders = await this.fewHolders(criteria);
      if (holders) return this.holdersByName(criteria, holders, after, limit, key);
      // every typed word a single letter, which no index holds: a scan, capped
      if (criteria.query) return this.scanPage(criteria, after, limit, key, false);
      // a community too large to start from: its members may be sparse in name order, so a walk
      // would read on through everyone else; a capped scan, still counted from its members
      if (criteria.communityId !== undefined) {
        return this.scanPage(criteria, after, limit, key, true);
      }
      const where = this.conditions(criteria, params, 'byName');
      if (after) {
        where.push(`(${key}, s.id) > (${params.add(after.name)}, ${params.add(after.id)})`);
      }
      sql = `SELECT s.id AS id, ${key} AS name, NULL AS relevance
             FROM staff_members s WHERE ${where.join(' AND ')}
             ORDER BY ${key}, s.id LIMIT ${Number(limit)}`;
    }
    return { rows: toRows(await this.dataSource.query(sql, params.values)) };
  }

  /**
   * A broad search in name order. On SQLite with place or group filters, first how many people
   * the index matches with those filters (its tags): few enough, and they are sorted by name at
   * once. Otherwise the next `broadWindow` people by name, each tested row by row, stopping at a
   * page: enough when matches are spread through the alphabet ("nurse"). Short of a page, a count
   * on the name-ordered indexes says whether the window held everyone left (a narrow filter);
   * if not (matches cluster: "sa" finds Samuel and Sarah), the index's matches are sorted by name.
   * All give the same rows; at most three statements.
   */
  private async broadPage(
    criteria: DirectoryCriteria,
    query: SearchQuery,
    after: DirectoryKey | null,
    limit: number,
    key: string,
  ): Promise<DirectoryPage> {
    const n = Number(limit);
    const keyset = (params: Params) =>
      after ? [`(${key}, s.id) > (${params.add(after.name)}, ${params.add(after.id)})`] : [];

    // few people pass a platform, verified or community filter: test those few, whatever the search
    const holders = await this.fewHolders(criteria);
    if (holders) return this.holdersByName(criteria, holders, after, n, key);

    // SQLite's index holds the place and group filters too: when they leave few matches, sorting
    // those by name is cheaper than walking people by name (and finding none, as "consultant"
    // among nurses).
    if (!this.postgres && filterTags(criteria).length > 0) {
      const rows: { n: number }[] = await this.dataSource.query(
        `SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM staff_search
           WHERE staff_search MATCH ? LIMIT ${this.broadSortLimit + 1}) capped`,
        [fts5Match(query, filterTags(criteria))],
      );
      if (Number(rows[0].n) <= this.broadSortLimit) {
        return this.matchesByName(criteria, query, after, n, true, key);
      }
    }

    // A community too large to start from: the window's people are tested for membership and
    // the search, and that is all — sorting the index's matches by name instead (below) would grow
    // with them, and counting them as well. A capped scan: nobody is counted.
    if (criteria.communityId !== undefined) return this.scanPage(criteria, after, n, key, false);

    // PostgreSQL's index holds no filters: a group, platform or verified filter without a place
    // leaves a national share of people that only row checks can intersect with the word's
    // matches ("consultant" among 150,000 nurses read both sets: 2 s for the page, 1.5 s for the
    // count, finding none). Few matches of the word: sorted by name and counted at once (bounded
    // by `broadSortLimit`). More: a capped scan of the window, which counts nobody.
    if (this.postgres && hasNationalRowFilter(criteria)) {
      const matches = await this.matchCount(query, this.broadSortLimit);
      if (matches <= this.broadSortLimit) {
        return this.matchesByName(criteria, query, after, n, true, key);
      }
      return this.scanPage(criteria, after, n, key, false);
    }

    const rows = await this.windowMatches(criteria, after, n, key);
    if (rows.length === n) return { rows };
    // Fewer than a page: complete if the window held everyone left (a narrow filter), counted
    // on the name-ordered indexes alone (`listed` implies active: an over-count only sorts).
    const third = new Params(this.postgres);
    const held: { n: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM staff_members s
         WHERE ${[...this.placeConditions(criteria, third), ...keyset(third)].join(' AND ')}
         ORDER BY ${key}, s.id LIMIT ${this.broadWindow}) window_rows`,
      third.values,
    );
    if (Number(held[0].n) < this.broadWindow) return { rows };
    return this.matchesByName(criteria, query, after, n, false, key);
  }

  /**
   * The next `broadWindow` people in order after `after` (listed, place and group filters: one
   * range of a listed index, so bounded whatever else is asked), of whom those passing every
   * condition, the search row by row included: at most `n`, in order. The other filters are
   * tested on the window's rows, never inside it: inside, a rare one (a platform few have) would
   * read on past thousands of people to fill the window.
   */
  private async windowMatches(
    criteria: DirectoryCriteria,
    after: DirectoryKey | null,
    n: number,
    key: string,
  ): Promise<DirectoryRow[]> {
    // placeholders in the order they appear: SQLite's `?` are positional
    const params = new Params(this.postgres);
    const window = this.window(criteria, after, key, params);
    // A community's membership is tested on the window's ids, before anyone's row is read: one
    // probe of the membership key each, and only members' rows are read and searched (a window
    // of 5,000 people then costs ~5 ms instead of ~35 ms at 200,000 staff).
    const { communityId, ...others } = criteria;
    const members =
      communityId === undefined
        ? null
        : `cm.community_id = ${params.add(communityId)} AND cm.staff_id = w.id`;
    // SQLite is held to the window first (CROSS JOIN), then the membership, then each person by
    // primary key
    const from = this.postgres
      ? `FROM (${window}) w` +
        (members ? ` JOIN community_memberships cm ON ${members}` : '') +
        ' JOIN staff_members s ON s.id = w.id'
      : `FROM (${window}) w` +
        (members ? ' CROSS JOIN community_memberships cm' : '') +
        ' CROSS JOIN staff_members s';
    const where = this.postgres ? [] : [...(members ? [members] : []), 's.id = w.id'];
    where.push(...this.conditions(others, params, 'byName'));
    const result: { id: number; name: string }[] = await this.dataSource.query(
      `SELECT s.id AS id, w.name AS name ${from}
       WHERE ${where.join(' AND ')} ORDER BY w.name, w.id LIMIT ${Number(n)}`,
      params.values,
    );
    return result.map((row) => ({ id: Number(row.id), name: row.name, relevance: null }));
  }

  /**
   * The window of `windowMatches`: ids and sort keys of the next `broadWindow` listed people, or
   * with `lastOnly` the last of them (none when the window is not full).
   */
  private window(
    criteria: DirectoryCriteria,
    after: DirectoryKey | null,
    key: string,
    params: Params,
    lastOnly = false,
  ): string {
    const where = this.placeConditions(criteria, params);
    if (after) where.push(`(${key}, s.id) > (${params.add(after.name)}, ${params.add(after.id)})`);
    const size = Number(this.broadWindow);
    return `SELECT s.id AS id, ${key} AS name FROM staff_members s
       WHERE ${where.join(' AND ')} ORDER BY ${key}, s.id
       ${lastOnly ? `LIMIT 1 OFFSET ${size - 1}` : `LIMIT ${size}`}`;
  }

  /**
   * The matches among the next `broadWindow` people, tested row by row — a capped scan, for
   * what no index orders: a search of single letters only, or a community too large to start
   * from its members. When the window is full but gave less than a page, the page says where the
   * scan stopped (`continueAfter`), so the next page goes on from there; at most two statements,
   * each bounded by the window. `counted`: the count statement is bounded for these criteria.
   */
  private async scanPage(
    criteria: DirectoryCriteria,
    after: DirectoryKey | null,
    limit: number,
    key: string,
    counted: boolean,
  ): Promise<DirectoryPage> {
    const rows = await this.windowMatches(criteria, after, limit, key);
    if (rows.length === limit) return { rows, scan: { continueAfter: null, counted } };
    // the window's last person, if it was full: the same index range, walked, never sorted
    const params = new Params(this.postgres);
    const last: { id: number; name: string }[] = await this.dataSource.query(
      this.window(criteria, after, key, params, true),
      params.values,
    );
    return {
      rows,
      scan: {
        continueAfter:
          last.length > 0 ? { relevance: null, name: last[0].name, id: Number(last[0].id) } : null,
        counted,
      },
    };
  }

  /**
   * The index's matches (with every filter) sorted by name: cost grows with their number. With
   * `withTotal` (few matches), the same statement counts them all, so no count statement follows.
   */
  private async matchesByName(
    criteria: DirectoryCriteria,
    query: SearchQuery,
    after: DirectoryKey | null,
    n: number,
    withTotal: boolean,
    key: string,
  ): Promise<DirectoryPage> {
    // placeholders in the order they appear: SQLite's `?` are positional
    const params = new Params(this.postgres);
    const keyset = (after: DirectoryKey) =>
      `(${key}, s.id) > (${params.add(after.name)}, ${params.add(after.id)})`;
    if (!withTotal) {
      const { from } = this.indexed(query, params, false);
      const where = this.conditions(criteria, params, 'ranked');
      if (after) where.push(keyset(after));
      const rows = await this.dataSource.query(
        `SELECT s.id AS id, ${key} AS name, NULL AS relevance ${from}
         WHERE ${where.join(' AND ')} ORDER BY ${key}, s.id LIMIT ${n}`,
        params.values,
      );
      return { rows: toRows(rows) };
    }
    const past = after ? `CASE WHEN ${keyset(after)} THEN 1 ELSE 0 END` : '1';
    const { from } = this.indexed(query, params, false);
    const where = this.conditions(criteria, params, 'ranked');
    const result: { id: number; name: string; total: number | string }[] =
      await this.dataSource.query(
        `SELECT id, name, total FROM (
           SELECT s.id AS id, ${key} AS name, COUNT(*) OVER () AS total, ${past} AS past
           ${from} WHERE ${where.join(' AND ')}
         ) hits WHERE past = 1 ORDER BY name, id LIMIT ${n}`,
        params.values,
      );
    const rows = result.map((row) => ({ id: Number(row.id), name: row.name, relevance: null }));
    if (result.length > 0) return { rows, total: Number(result[0].total) };
    // none at all, or none past the cursor: then the total is unknown here (a count answers)
    return after ? { rows } : { rows, total: 0 };
  }

  /**
   * Where to start when few people can pass: at most `broadSortLimit` accounts pass the
   * platform / verified filter (visibility aside), counted on
   * `IDX_social_accounts_platform_verified`, or at most that many belong to the community
   * (its primary key range); counted no further than one more, so bounded whatever the size of
   * the tables. A rare filter seen from people in name order is the worst plan there is (every
   * listed person tested, none found: TikTok took seconds).
   */
  private async fewHolders(criteria: DirectoryCriteria): Promise<Holders | null> {
    const sources: Holders[] = [];
    if (hasAccountFilter(criteria)) sources.push('accounts');
    if (criteria.communityId !== undefined) sources.push('members');
    for (const source of sources) {
      const params = new Params(this.postgres);
      const rows: { n: number | string }[] = await this.dataSource.query(
        `SELECT COUNT(*) AS n FROM (SELECT 1 AS one ${holderRowsSql(criteria, source, params)}
           LIMIT ${params.add(this.broadSortLimit + 1)}) capped`,
        params.values,
      );
      if (Number(rows[0].n) <= this.broadSortLimit) return source;
    }
    return null;
  }

  /**
   * Those few holders, sorted by name with every other condition (the search row by row, the
   * visibility of the account) and counted in the same statement: bounded by `broadSortLimit`.
   * SQLite is told to start from them (CROSS JOIN keeps that order): left to itself it would
   * walk people by name to avoid the sort, which is the slow plan.
   */
  private async holdersByName(
    criteria: DirectoryCriteria,
    source: Holders,
    after: DirectoryKey | null,
    n: number,
    key: string,
  ): Promise<DirectoryPage> {
    const params = new Params(this.postgres);
    const past = after
      ? `CASE WHEN (${key}, s.id) > (${params.add(after.name)}, ${params.add(after.id)}) THEN 1 ELSE 0 END`
      : '1';
    // placeholders in the order they appear (SQLite's `?` are positional): past, holders, where
    const holders = `(SELECT DISTINCT ${source === 'accounts' ? 'a.staff_id' : 'cm.staff_id'} AS id
       ${holderRowsSql(criteria, source, params)}) holders`;
    const where = this.conditions(criteria, params, 'byName');
    const from = this.postgres
      ? `FROM ${holders} JOIN staff_members s ON s.id = holders.id`
      : `FROM ${holders} CROSS JOIN staff_members s`;
    if (!this.postgres) where.unshift('s.id = holders.id');
    const result: { id: number; name: string; total: number | string }[] =
      await this.dataSource.query(
        `SELECT id, name, total FROM (
           SELECT s.id AS id, ${key} AS name, COUNT(*) OVER () AS total, ${past} AS past
           ${from} WHERE ${where.join(' AND ')}
         ) hits WHERE past = 1 ORDER BY name, id LIMIT ${Number(n)}`,
        params.values,
      );
    const rows = result.map((row) => ({ id: Number(row.id), name: row.name, relevance: null }));
    if (result.length > 0) return { rows, total: Number(result[0].total) };
    return after ? { rows } : { rows, total: 0 };
  }

  /** How many match, counting no further than `cap + 1` so a broad search stays cheap. */
  async count(criteria: DirectoryCriteria, mode: DirectoryMode, cap: number): Promise<number> {
    const params = new Params(this.postgres);
    // A place or community filter bounds the people to test; otherwise the index finds matches
    // fastest (a broad search reaches the cap after about cap rows).
    const selective =
      criteria.organisationId !== undefined ||
      criteria.siteId !== undefined ||
      criteria.departmentId !== undefined ||
      criteria.communityId !== undefined;
    // On SQLite the index also holds place and group tags, so it intersects those filters itself.
    const useIndex =
      criteria.query !== null &&
      hasIndexedTerms(criteria.query) &&
      (mode === 'ranked' || !selective || !this.postgres);
    // A community and no place: its members (primary key range) rather than everyone tested for
    // membership, which reads on past everyone else when the community is small.
    const fromMembers =
      !useIndex &&
      criteria.communityId !== undefined &&
      this.placeConditions(criteria, new Params(this.postgres)).length === 1;
    let from = 'FROM staff_members s';
    const where: string[] = [];
    if (useIndex) from = this.indexed(criteria.query!, params, false).from;
    else if (fromMembers) {
      from = this.postgres
        ? 'FROM community_memberships m JOIN staff_members s ON s.id = m.staff_id'
        : 'FROM community_memberships m CROSS JOIN staff_members s';
      if (!this.postgres) where.push('s.id = m.staff_id');
      where.push(`m.community_id = ${params.add(criteria.communityId)}`);
    }
    where.push(...this.conditions(criteria, params, useIndex ? 'ranked' : 'byName'));
    const rows: { n: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM (SELECT 1 AS one ${from} WHERE ${where.join(' AND ')}
       LIMIT ${params.add(cap + 1)}) capped`,
      params.values,
    );
    return Number(rows[0].n);
  }

  /** The full-text index joined to people, and the relevance of each match. */
  private indexed(query: SearchQuery, params: Params, withRelevance: boolean) {
    if (this.postgres) {
      return {
        from: 'FROM staff_search ss JOIN staff_members s ON s.id = ss.staff_id',
        relevance: withRelevance
          ? `ts_rank('${TS_RANK_WEIGHTS}', ss.document, to_tsquery('simple', ${params.add(tsQuery(query))}))::float8`
          : 'NULL',
      };
    }
    return {
      // the narrow index on (id, name, active, filters) of listed people: no wide row read per
      // match (migration 1764500000001; `s.id > 0` is part of that partial index's condition)
      from:
        'FROM staff_search JOIN staff_members s INDEXED BY IDX_staff_listed_search_join' +
        ' ON s.id = staff_search.rowid AND s.id > 0',
      relevance: `-${BM25}`,
    };
  }

  /**
   * At least everyone `conditions` lets through before the search, answered from the listed
   * name-ordered indexes alone: listed (which implies active) and the place and group filters.
   */
  private placeConditions(criteria: DirectoryCriteria, params: Params): string[] {
    const where = ['s.listed = true'];
    if (criteria.organisationId !== undefined) {
      where.push(`s.organisation_id = ${params.add(criteria.organisationId)}`);
    }
    if (criteria.siteId !== undefined) where.push(`s.site_id = ${params.add(criteria.siteId)}`);
    if (criteria.departmentId !== undefined) {
      where.push(`s.department_id = ${params.add(criteria.departmentId)}`);
    }
    if (criteria.staffGroup !== undefined) {
      where.push(`s.staff_group = ${params.add(criteria.staffGroup)}`);
    }
    return where;
  }

  /** Visibility, the search (through the index when `indexed`, else row by row) and the filters. */
  private conditions(
    criteria: DirectoryCriteria,
    params: Params,
    mode: DirectoryMode,
    withSearch = true,
  ): string[] {
    const where: string[] = [visibleStaffSql('s')];
    const { query } = criteria;
    if (query && withSearch) {
      const indexed = mode === 'ranked' && hasIndexedTerms(query);
      if (indexed) {
        where.push(
          this.postgres
            ? `ss.document @@ to_tsquery('simple', ${params.add(tsQuery(query))})`
            : `staff_search MATCH ${params.add(fts5Match(query, filterTags(criteria)))}`,
        );
      }
      for (const term of rowConditionTerms(query, !indexed)) {
        const likes = likePatterns(term).map(
          (pattern) => `s.search_text LIKE ${params.add(pattern)}`,
        );
        where.push(`(${likes.join(' OR ')})`);
      }
    }
    if (criteria.organisationId !== undefined) {
      where.push(`s.organisation_id = ${params.add(criteria.organisationId)}`);
    }
    if (criteria.siteId !== undefined) where.push(`s.site_id = ${params.add(criteria.siteId)}`);
    if (criteria.departmentId !== undefined) {
      where.push(`s.department_id = ${params.add(criteria.departmentId)}`);
    }
    if (criteria.staffGroup !== undefined) {
      where.push(`s.staff_group = ${params.add(criteria.staffGroup)}`);
    }
    if (criteria.communityId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM community_memberships cm
                 WHERE cm.community_id = ${params.add(criteria.communityId)} AND cm.staff_id = s.id)`,
      );
    }
    if (criteria.platform !== undefined || criteria.verifiedOnly) {
      // mirrors canSeeAccount: an account the viewer may not see never makes a person match
      const { viewer } = criteria;
      const accountConditions = [
        'a.staff_id = s.id',
        `(a.visibility = 'NHS_DIRECTORY' OR a.staff_id = ${params.add(viewer.id)}` +
          (viewer.organisationId
            ? ` OR (a.visibility = 'ORGANISATION' AND s.organisation_id = ${params.add(viewer.organisationId)}))`
            : ')'),
      ];
      if (criteria.platform !== undefined) {
        accountConditions.push(`a.platform = ${params.add(criteria.platform)}`);
      }
      if (criteria.verifiedOnly) accountConditions.push(`a.verification_status = 'VERIFIED'`);
      where.push(
        `EXISTS (SELECT 1 FROM social_accounts a WHERE ${accountConditions.join(' AND ')})`,
      );
    }
    return where;
  }
}

const hasAccountFilter = (criteria: DirectoryCriteria) =>
  criteria.platform !== undefined || criteria.verifiedOnly === true;

/**
 * A filter tested on people's rows (group, platform, verified) and no place filter to bound the
 * people first: on PostgreSQL, whose search index holds no filters, its matches are the word's
 * matches row by row (a community has its own path).
 */
const hasNationalRowFilter = (criteria: DirectoryCriteria) =>
  (criteria.staffGroup !== undefined || hasAccountFilter(criteria)) &&
  criteria.organisationId === undefined &&
  criteria.siteId === undefined &&
  criteria.departmentId === undefined;

/** Where a page of few people starts: the accounts passing a filter, or a community's members. */
type Holders = 'accounts' | 'members';

/** `FROM … WHERE …` of the rows naming the holders (`a.staff_id`, `cm.staff_id`), by an index. */
function holderRowsSql(criteria: DirectoryCriteria, source: Holders, params: Params): string {
  return source === 'accounts'
    ? `FROM social_accounts a WHERE ${accountFilterSql(criteria, params)}`
    : `FROM community_memberships cm WHERE cm.community_id = ${params.add(criteria.communityId)}`;
}

/**
 * The platform / verified filter on accounts alone, in the order of
 * `IDX_social_accounts_platform_verified` (platform, verification_status, staff_id): verified
 * on any platform names every platform, so the index is still entered by its first column.
 */
function accountFilterSql(criteria: DirectoryCriteria, params: Params): string {
  const platforms = criteria.platform !== undefined ? [criteria.platform] : Object.values(Platform);
  const where = [`a.platform IN (${platforms.map((p) => params.add(p)).join(', ')})`];
  if (criteria.verifiedOnly) where.push(`a.verification_status = 'VERIFIED'`);
  return where.join(' AND ');
}
