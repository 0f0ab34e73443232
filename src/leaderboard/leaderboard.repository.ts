import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { parseDbDate, runSql } from '../database/portable-sql';
import { yieldToLoop } from '../database/yield-to-loop';
import type { BoardMember, TeamKind } from './boards';
import { BoardCounts, CountDelta, countDeltas, TeamDelta, teamDeltas } from './score-counts';
import type { ScorePart } from './score';
import { FigureSegment, parseDayFigure } from './figure-segments';
import type { CampaignActivityRow, CampaignTaking, PersonFacts, SnapshotRow } from './score-inputs';

export interface Contender extends PersonFacts, BoardMember {
  displayName: string;
  siteId: number | null;
  departmentId: number | null;
  /** active and listed: only they are ranked */
  eligible: boolean;
}

export interface ScoreRow {
  period: string;
  staffId: number;
  score: number;
  prevScore: number | null;
  breakdown: ScorePart[];
}

export interface EntryRow {
  board: string;
  period: string;
  staffId: number;
  score: number;
  prevScore: number | null;
  sortName: string;
  /** the teams the entry counts in (teamKindsOf) */
  organisationId: number | null;
  siteId: number | null;
  departmentId: number | null;
}

export interface PageRow {
  staffId: number;
  rank: number;
  prevRank: number | null;
  score: number;
  sortName: string;
  breakdown: string;
  showOnLeaderboard: boolean | number;
  organisationId: number | null;
}

/** Where a page starts: after this place, in page order (score down, then name, then id). */
export interface PageKey {
  score: number;
  sortName: string;
  staffId: number;
}

const CHUNK = 500;
/** The full rebuild's boards of each kind of person (writeRebuiltEntries). */
const REBUILD_BOARDS = 'leaderboard_rebuild_boards';
/** Whether the person `s` is a leader (ranked among leaders only: boardsFor). */
const IS_LEADER =
  'CASE WHEN EXISTS (SELECT 1 FROM leaders l WHERE l.staff_id = s.id) THEN 1 ELSE 0 END';
/** What a place on a board reads (toPageRow): the entry, its breakdown, the person's consent. */
const PLACE_COLUMNS = `e.staff_id, e.score, e.prev_score, e.sort_name, sc.breakdown,
       s.show_on_leaderboard, s.organisation_id`;
/** An entry's columns, as the page and risers branches read them before the joins. */
const ENTRY_COLUMNS = 'board, staff_id, period, score, prev_score, sort_name';

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The only place with SQL for scores, boards, weights and badges. */
@Injectable()
export class LeaderboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async countStaff(): Promise<number> {
    const { rows } = await runSql<{ n: number }>(
      this.manager,
      'SELECT COUNT(*) AS n FROM staff_members',
      {},
    );
    return Number(rows[0]?.n ?? 0);
  }

  async allStaffIds(tx: EntityManager): Promise<number[]> {
    const { rows } = await runSql<{ id: number }>(
      tx,
      'SELECT id FROM staff_members ORDER BY id',
      {},
    );
    return rows.map((row) => Number(row.id));
  }

  async staffIdsOfOrganisation(
    tx: EntityManager,
    organisationId: number | null,
  ): Promise<number[]> {
    const where = organisationId === null ? '' : 'WHERE organisation_id = :organisationId';
    const { rows } = await runSql<{ id: number }>(
      tx,
      `SELECT id FROM staff_members ${where} ORDER BY id`,
      { organisationId },
    );
    return rows.map((row) => Number(row.id));
  }

  /** Everyone the score reads about these people now, in one statement. */
  async contenders(tx: EntityManager, staffIds: readonly number[]): Promise<Contender[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT s.id, s.display_name, s.organisation_id, s.site_id, s.department_id, s.staff_group,
         CASE WHEN s.active = :yes AND s.listed = :yes THEN 1 ELSE 0 END AS eligible,
         (CASE WHEN s.job_title IS NULL THEN 0 ELSE 1 END + CASE WHEN s.staff_group IS NULL THEN 0 ELSE 1 END
          + CASE WHEN s.pronouns IS NULL THEN 0 ELSE 1 END + CASE WHEN s.bio IS NULL THEN 0 ELSE 1 END
          + CASE WHEN s.site_id IS NULL THEN 0 ELSE 1 END + CASE WHEN s.department_id IS NULL THEN 0 ELSE 1 END) AS filled,
         ${IS_LEADER} AS leader,
         COALESCE(fs.follower_count, 0) + COALESCE(fs.following_count, 0) AS connections,
         (SELECT COUNT(*) FROM social_accounts a WHERE a.staff_id = s.id AND a.verification_status = 'VERIFIED') AS verified,
         (SELECT COUNT(*) FROM community_memberships m WHERE m.staff_id = s.id AND m.role = 'CHAMPION') AS champions,
         (SELECT COUNT(*) FROM community_memberships m WHERE m.staff_id = s.id AND m.role = 'ORGANISER') AS organisers
       FROM staff_members s LEFT JOIN follow_stats fs ON fs.staff_id = s.id
       WHERE s.id IN (:...ids)`,
      { ids: [...staffIds], yes: true },
    );
    return rows.map((row) => ({
      staffId: Number(row.id),
      displayName: String(row.display_name),
      organisationId: num(row.organisation_id),
      siteId: num(row.site_id),
      departmentId: num(row.department_id),
      staffGroup: (row.staff_group as string | null) ?? null,
      leader: Number(row.leader) > 0,
      eligible: Number(row.eligible) === 1,
      // for an active person, listed is exactly "has accepted the guidance that applies"
      guidanceAccepted: Number(row.eligible) === 1,
      profileFieldsFilled: Number(row.filled),
      directoryConnections: Number(row.connections),
      verifiedAccounts: Number(row.verified),
      championRoles: Number(row.champions),
      organiserRoles: Number(row.organisers),
    }));
  }

  /** Every figure of these people’s current accounts, by person (what figureSegments summarises). */
  async snapshots(
    tx: EntityManager,
    staffIds: readonly number[],
  ): Promise<Map<number, SnapshotRow[]>> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT ms.staff_id, ms.social_account_id, ms.day, ms.source, ms.followers, ms.posts, ms.engagements
       FROM social_accounts a
       JOIN metric_snapshots ms ON ms.social_account_id = a.id AND ms.staff_id = a.staff_id
       WHERE a.staff_id IN (:...ids)`,
      { ids: [...staffIds] },
    );
    return groupByStaff(rows, (row) => ({
      accountId: Number(row.social_account_id),
      day: String(row.day),
      source: String(row.source),
      followers: Number(row.followers ?? 0),
      posts: num(row.posts),
      engagements: num(row.engagements),
    }));
  }

  /**
   * How many figures these people have, counted up to `atMost + 1` and no further: their
   * accounts, then each account's range of the primary key, stopping at the cap, so it costs no
   * more than the cap whoever the people are.
   */
  async figureCountUpTo(
    tx: EntityManager,
    staffIds: readonly number[],
    atMost: number,
  ): Promise<number> {
    const { rows } = await runSql<{ n: number | string }>(
      tx,
      `SELECT COUNT(*) AS n FROM (
         SELECT 1 AS one FROM social_accounts a
         JOIN metric_snapshots ms ON ms.social_account_id = a.id
         WHERE a.staff_id IN (:...ids) LIMIT :cap) capped`,
      { ids: [...staffIds], cap: atMost + 1 },
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * These people's figures on their current accounts, summarised per account and segment of
   * days (figure-segments.ts; a segment starts on each of `starts`, sorted): one row per
   * account and segment, one figure per day chosen as oneFigurePerDay chooses (an imported or
   * fetched figure before a self-reported one, then the source's name). By person.
   */
  async figureSegments(
    tx: EntityManager,
    staffIds: readonly number[],
    starts: readonly string[],
  ): Promise<Map<number, FigureSegment[]>> {
    const postgres = tx.connection.options.type === 'postgres';
    // code-unit order, as JavaScript compares the sources (days sort alike in any collation)
    const inOrder = postgres ? ' COLLATE "C"' : '';
    const self = (alias: string) =>
      `CASE WHEN LOWER(${alias}.source) LIKE '%self%' THEN 1 ELSE 0 END`;
    const parameters: Record<string, unknown> = { ids: [...staffIds] };
    const segment = starts.length
      ? `CASE ${starts
          .map((day, i) => {
            parameters[`s${i}`] = day;
            return { i, sql: `WHEN ms.day >= :s${i} THEN ${i + 1}` };
          })
          .reverse()
          .map((branch) => branch.sql)
          .join(' ')} ELSE 0 END`
      : '0';
    // the chosen figure of an account's day, as `day followers source` (parseDayFigure)
    const figureOf = (day: string) =>
      `(SELECT e.day || ' ' || e.followers || ' ' || e.source FROM metric_snapshots e
        WHERE e.social_account_id = g.account_id AND e.day = g.${day}
        ORDER BY ${self('e')}, e.source${inOrder} LIMIT 1)`;
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT g.staff_id, g.account_id, g.posts, g.engagements, g.days,
         ${figureOf('first_day')} AS first, ${figureOf('last_day')} AS last,
         CASE WHEN g.self_day IS NULL THEN NULL ELSE ${figureOf('self_day')} END AS self_reported
       FROM (
         SELECT staff_id, account_id, MIN(day) AS first_day, MAX(day) AS last_day,
           MIN(CASE WHEN is_self = 1 THEN day END) AS self_day,
           SUM(posts) AS posts, SUM(engagements) AS engagements, COUNT(*) AS days
         FROM (
           SELECT ms.staff_id, ms.social_account_id AS account_id, ms.day, ${self('ms')} AS is_self,
             COALESCE(ms.posts, 0) AS posts, COALESCE(ms.engagements, 0) AS engagements,
             ${segment} AS segment
           FROM social_accounts a
           JOIN metric_snapshots ms ON ms.social_account_id = a.id AND ms.staff_id = a.staff_id
           WHERE a.staff_id IN (:...ids)
             AND NOT EXISTS (
               SELECT 1 FROM metric_snapshots b
               WHERE b.social_account_id = ms.social_account_id AND b.day = ms.day
                 AND b.source <> ms.source
                 AND (${self('b')} < ${self('ms')}
                   OR (${self('b')} = ${self('ms')} AND b.source${inOrder} < ms.source${inOrder})))
         ) chosen
         GROUP BY staff_id, account_id, segment
       ) g`,
      parameters,
    );
    return groupByStaff(rows, (row) => ({
      accountId: Number(row.account_id),
      first: parseDayFigure(String(row.first)),
      last: parseDayFigure(String(row.last)),
      selfReported: row.self_reported === null ? null : parseDayFigure(String(row.self_reported)),
      posts: Number(row.posts),
      engagements: Number(row.engagements),
      days: Number(row.days),
    }));
  }

  async campaignsTaken(
    tx: EntityManager,
    staffIds: readonly number[],
  ): Promise<Map<number, CampaignTaking[]>> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT p.staff_id, c.id, c.starts_on, c.ends_on FROM campaign_participants p
       JOIN campaigns c ON c.id = p.campaign_id WHERE p.staff_id IN (:...ids)`,
      { ids: [...staffIds] },
    );
    return groupByStaff(rows, (row) => ({
      campaignId: Number(row.id),
      startsOn: String(row.starts_on),
      endsOn: String(row.ends_on),
    }));
  }

  async campaignActivity(
    tx: EntityManager,
    staffIds: readonly number[],
  ): Promise<Map<number, CampaignActivityRow[]>> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT staff_id, campaign_id, day, posts FROM campaign_activity WHERE staff_id IN (:...ids)`,
      { ids: [...staffIds] },
    );
    return groupByStaff(rows, (row) => ({
      campaignId: Number(row.campaign_id),
      day: String(row.day),
      posts: Number(row.posts ?? 0),
    }));
  }

  /** These people's entries on every board, as they stand. */
  async entriesOf(tx: EntityManager, staffIds: readonly number[]): Promise<EntryRow[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT board, staff_id, period, score, prev_score, sort_name, organisation_id, site_id,
         department_id FROM leaderboard_entries WHERE staff_id IN (:...ids)`,
      { ids: [...staffIds] },
    );
    return rows.map((row) => ({
      board: String(row.board),
      staffId: Number(row.staff_id),
      period: String(row.period),
      score: Number(row.score),
      prevScore: num(row.prev_score),
      sortName: String(row.sort_name),
      organisationId: num(row.organisation_id),
      siteId: num(row.site_id),
      departmentId: num(row.department_id),
    }));
  }

  async forgetScores(tx: EntityManager, staffIds: readonly number[]): Promise<void> {
    await runSql(tx, 'DELETE FROM leaderboard_scores WHERE staff_id IN (:...ids)', {
      ids: [...staffIds],
    });
  }

  /**
   * Replaces some people's entries (`held`: what they had on every board, `fresh`: what they
   * have now): only the entries that changed are written, and each board's score counts and
   * team sums (score-counts.ts) move by what left and what arrived, so no other entry is touched
   * however big the board. Answers the boards that changed.
   */
  async placeEntries(
    tx: EntityManager,
    held: readonly EntryRow[],
    fresh: readonly EntryRow[],
  ): Promise<Set<string>> {
    const key = (e: EntryRow) => `${e.board}\u0000${e.staffId}`;
    const heldBy = new Map(held.map((e) => [key(e), e]));
    const staying = new Set(fresh.map(key));
    const changed = fresh.filter((e) => {
      const was = heldBy.get(key(e));
      return !was || !sameEntry(was, e);
    });
    const departed = held.filter((e) => !staying.has(key(e)));
    const replaced = changed.flatMap((e) => heldBy.get(key(e)) ?? []);
    const departedBoards = new Map<number, string[]>();
    for (const e of departed) {
      const boards = departedBoards.get(e.staffId);
      if (boards) boards.push(e.board);
      else departedBoards.set(e.staffId, [e.board]);
    }
    for (const [staffId, ofPerson] of departedBoards) {
      for (const boards of chunks(ofPerson)) {
        await runSql(
          tx,
          'DELETE FROM leaderboard_entries WHERE staff_id = :staffId AND board IN (:...boards)',
          { staffId, boards },
        );
      }
    }
    await insertRows(
      tx,
      `leaderboard_entries (board, staff_id, period, score, prev_score, gain, sort_name,
         organisation_id, site_id, department_id)`,
      10,
      changed.map((e) => [
        e.board,
        e.staffId,
        e.period,
        e.score,
        e.prevScore,
        e.prevScore === null ? null : e.score - e.prevScore,
        e.sortName,
        e.organisationId,
        e.siteId,
        e.departmentId,
      ]),
      `ON CONFLICT (board, staff_id) DO UPDATE SET period = excluded.period, score = excluded.score,
         prev_score = excluded.prev_score, gain = excluded.gain, sort_name = excluded.sort_name,
         organisation_id = excluded.organisation_id, site_id = excluded.site_id,
         department_id = excluded.department_id`,
    );
    const leaving = [...departed, ...replaced];
    await this.moveCounts(tx, countDeltas(leaving, changed));
    await this.moveTeams(tx, teamDeltas(leaving, changed));
    return new Set([...departed, ...changed].map((e) => e.board));
  }

  /**
   * Count and team rows that reach zero stay (one per distinct score or team a board ever had, so
   * bounded): deleting them would cost every change a statement. Reads skip them.
   */
  private async moveTeams(tx: EntityManager, deltas: readonly TeamDelta[]): Promise<void> {
    await insertRows(
      tx,
      'leaderboard_team_scores (board, kind, team_id, people, total_score)',
      5,
      deltas.map((d) => [d.board, d.kind, d.teamId, d.people, d.totalScore]),
      `ON CONFLICT (board, kind, team_id) DO UPDATE SET
         people = leaderboard_team_scores.people + excluded.people,
         total_score = leaderboard_team_scores.total_score + excluded.total_score`,
    );
  }

  private async moveCounts(tx: EntityManager, deltas: readonly CountDelta[]): Promise<void> {
    await insertRows(
      tx,
      'leaderboard_score_counts (board, score, entries, prev_entries)',
      4,
      deltas.map((d) => [d.board, d.score, d.entries, d.prevEntries]),
      `ON CONFLICT (board, score) DO UPDATE SET
         entries = leaderboard_score_counts.entries + excluded.entries,
         prev_entries = leaderboard_score_counts.prev_entries + excluded.prev_entries`,
    );
  }

  async forgetBadges(tx: EntityManager, staffId: number): Promise<void> {
    await runSql(tx, 'DELETE FROM badges WHERE staff_id = :staffId', { staffId });
  }

  async forgetEverything(tx: EntityManager): Promise<void> {
    await runSql(tx, 'DELETE FROM leaderboard_entries', {});
    await runSql(tx, 'DELETE FROM leaderboard_scores', {});
    await runSql(tx, 'DELETE FROM leaderboard_score_counts', {});
    await runSql(tx, 'DELETE FROM leaderboard_team_scores', {});
  }

  async insertScores(tx: EntityManager, scores: readonly ScoreRow[]): Promise<void> {
    await insertRows(
      tx,
      'leaderboard_scores (period, staff_id, score, prev_score, breakdown)',
      5,
      scores.map((row) => [
        row.period,
        row.staffId,
        row.score,
        row.prevScore,
        JSON.stringify(row.breakdown),
      ]),
    );
  }

  /**
   * The full rebuild's start. On SQLite the entries' secondary indexes are dropped, to be built
   * once from the written rows (endRebuild): a sort each instead of millions of inserts into each
   * b-tree. Readers keep the last committed snapshot, indexes included, until the commit; on
   * PostgreSQL a DROP INDEX would lock them out, so the indexes stay. Answers what endRebuild needs.
   */
  async startRebuild(tx: EntityManager): Promise<{ indexes: string[] }> {
    if (tx.connection.options.type !== 'better-sqlite3') return { indexes: [] };
    const { rows } = await runSql<{ name: string; sql: string }>(
      tx,
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND tbl_name = 'leaderboard_entries' AND sql IS NOT NULL`,
      {},
    );
    for (const { name } of rows) await runSql(tx, `DROP INDEX "${name}"`, {});
    return { indexes: rows.map((row) => row.sql) };
  }

  async endRebuild(tx: EntityManager, started: { indexes: string[] }): Promise<void> {
    for (const sql of started.indexes) {
      await runSql(tx, sql, {});
      await yieldToLoop();
    }
  }

  /** The kinds of person the scored people are, as boardsFor reads them, and the periods scored. */
  async rebuildKinds(tx: EntityManager): Promise<{ periods: string[]; kinds: BoardMember[] }> {
    const { rows: periods } = await runSql<{ period: string }>(
      tx,
      'SELECT DISTINCT period FROM leaderboard_scores ORDER BY period',
      {},
    );
    const { rows: kinds } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT DISTINCT s.organisation_id, s.staff_group, ${IS_LEADER} AS leader
       FROM staff_members s WHERE s.id IN (SELECT staff_id FROM leaderboard_scores)`,
      {},
    );
    return {
      periods: periods.map((row) => String(row.period)),
      kinds: kinds.map((row) => ({
        organisationId: num(row.organisation_id),
        staffGroup: (row.staff_group as string | null) ?? null,
        leader: Number(row.leader) > 0,
      })),
    };
  }

  /**
   * Every entry of every board from the scores just written, in one statement: each score goes
   * on the boards of its period that its person's kind is ranked on (`boards`, from boardsFor),
   * with the person's name and teams as they are now, as scorePeople makes them one by one.
   * PostgreSQL keeps the entries' indexes during the rebuild, so there they go in page order (each
   * index written in order); SQLite builds its indexes afterwards and takes them as they come.
   */
  async writeRebuiltEntries(
    tx: EntityManager,
    boards: readonly { period: string; kind: BoardMember; board: string }[],
  ): Promise<void> {
    const postgres = tx.connection.options.type === 'postgres';
    await runSql(tx, `DROP TABLE IF EXISTS ${REBUILD_BOARDS}`, {});
    await runSql(
      tx,
      `CREATE TEMP TABLE ${REBUILD_BOARDS} (period varchar(24) NOT NULL,
         organisation_key integer NOT NULL, staff_group_key varchar(64) NOT NULL,
         leader integer NOT NULL, board varchar(96) NOT NULL,
         PRIMARY KEY (period, organisation_key, staff_group_key, leader, board))${postgres ? ' ON COMMIT DROP' : ''}`,
      {},
    );
    await insertRows(
      tx,
      `${REBUILD_BOARDS} (period, organisation_key, staff_group_key, leader, board)`,
      5,
      boards.map(({ period, kind, board }) => [
        period,
        kind.organisationId ?? 0,
        kind.staffGroup ?? '',
        kind.leader ? 1 : 0,
        board,
      ]),
    );
    await runSql(
      tx,
      `INSERT INTO leaderboard_entries (board, staff_id, period, score, prev_score, gain, sort_name,
         organisation_id, site_id, department_id)
       SELECT m.board, sc.staff_id, sc.period, sc.score, sc.prev_score, sc.score - sc.prev_score,
         s.display_name, s.organisation_id, s.site_id, s.department_id
       FROM leaderboard_scores sc
       JOIN staff_members s ON s.id = sc.staff_id
       JOIN ${REBUILD_BOARDS} m ON m.period = sc.period
         AND m.organisation_key = COALESCE(s.organisation_id, 0)
         AND m.staff_group_key = COALESCE(s.staff_group, '') AND m.leader = ${IS_LEADER}
       ${postgres ? 'ORDER BY m.board, sc.score DESC, s.display_name, sc.staff_id' : ''}`,
      {},
    );
    await runSql(tx, `DROP TABLE IF EXISTS ${REBUILD_BOARDS}`, {});
  }

  /** The full rebuild's score counts and team sums, into empty tables. */
  async writeRebuiltCounts(
    tx: EntityManager,
    counts: readonly CountDelta[],
    teams: readonly TeamDelta[],
  ): Promise<void> {
    await this.moveCounts(tx, counts);
    await this.moveTeams(tx, teams);
  }

  /** Staff ids after `after`, in order, a page at a time (the daily roll walks everyone). */
  async staffIdsAfter(tx: EntityManager, after: number, limit: number): Promise<number[]> {
    const { rows } = await runSql<{ id: number }>(
      tx,
      'SELECT id FROM staff_members WHERE id > :after ORDER BY id LIMIT :limit',
      { after, limit },
    );
    return rows.map((row) => Number(row.id));
  }

  /** How many entries a board has (the sum of its score counts: one row a distinct score). */
  async size(board: string): Promise<number> {
    const { rows } = await runSql<{ n: number }>(
      this.manager,
      'SELECT COALESCE(SUM(entries), 0) AS n FROM leaderboard_score_counts WHERE board = :board',
      { board },
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * A page of a board after `key`, in page order: at most two index ranges of
   * (board, score, sort_name, staff_id), the rest of the cursor's tie and the scores below it,
   * however deep the page; then the board's counts from the page's lowest score up give each
   * place its rank (one read of at most as many rows as the board has distinct scores).
   */
  async page(
    board: string,
    first: number,
    after: PageKey | null,
  ): Promise<{ rows: PageRow[]; totalCount: number }> {
    const branch = (where: string, order: string) =>
      `SELECT * FROM (SELECT ${ENTRY_COLUMNS} FROM leaderboard_entries
         WHERE board = :board AND ${where} ORDER BY ${order} LIMIT :limit) AS branch`;
    const entries = after
      ? `${branch('score = :score AND (sort_name, staff_id) > (:name, :id)', 'sort_name, staff_id')}
         UNION ALL ${branch('score < :score', 'score DESC, sort_name, staff_id')}`
      : branch('1 = 1', 'score DESC, sort_name, staff_id');
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT ${PLACE_COLUMNS}
       FROM (${entries}) e
       JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       JOIN staff_members s ON s.id = e.staff_id
       ORDER BY e.score DESC, e.sort_name, e.staff_id
       LIMIT :limit`,
      {
        board,
        limit: first + 1,
        score: after?.score,
        name: after?.sortName,
        id: after?.staffId,
      },
    );
    if (rows.length === 0) return { rows: [], totalCount: await this.size(board) };
    const counts = await this.countsOf(board, rows);
    return { rows: rows.map((row) => toPageRow(row, counts)), totalCount: counts.size };
  }

  /**
   * The counts that rank these rows: the board's count rows from the lowest score or previous
   * score among them up, and the sum of the entries below.
   */
  private async countsOf(board: string, rows: Record<string, unknown>[]): Promise<BoardCounts> {
    const low = Math.min(
      ...rows.flatMap((row) => [
        Number(row.score),
        ...(row.prev_score === null ? [] : [Number(row.prev_score)]),
      ]),
    );
    const { rows: counts } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT score, entries, prev_entries FROM leaderboard_score_counts
       WHERE board = :board AND score >= :low
       UNION ALL
       SELECT NULL, COALESCE(SUM(entries), 0), 0 FROM leaderboard_score_counts
       WHERE board = :board AND score < :low`,
      { board, low },
    );
    const below = counts.find((row) => row.score === null);
    return new BoardCounts({
      rows: counts
        .filter((row) => row.score !== null)
        .map((row) => ({
          score: Number(row.score),
          entries: Number(row.entries),
          prevEntries: Number(row.prev_entries),
        })),
      entriesBelow: Number(below?.entries ?? 0),
    });
  }

  /**
   * Rising stars: those who gained most points since the previous window, best first (ties:
   * score, name, id); one index range of (board, gain, …), the gain stored with the entry.
   */
  async risers(board: string, first: number): Promise<PageRow[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT ${PLACE_COLUMNS}
       FROM (SELECT * FROM (SELECT ${ENTRY_COLUMNS}, gain FROM leaderboard_entries
               WHERE board = :board AND gain > 0
               ORDER BY gain DESC, score DESC, sort_name, staff_id LIMIT :first) AS risen) e
       JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       JOIN staff_members s ON s.id = e.staff_id
       ORDER BY e.gain DESC, e.score DESC, e.sort_name, e.staff_id`,
      { board, first },
    );
    if (rows.length === 0) return [];
    const counts = await this.countsOf(board, rows);
    return rows.map((row) => toPageRow(row, counts));
  }

  /**
   * Teams of a board by their people's average score (never totals), best first: the board's
   * team sums, one row a team, kept by placeEntries.
   */
  async teams(
    board: string,
    kind: TeamKind,
  ): Promise<{ id: number; name: string; average: number; people: number }[]> {
    const table = { department: 'departments', site: 'sites', organisation: 'organisations' }[kind];
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT t.id, t.name, ts.total_score * 1.0 / ts.people AS average, ts.people
       FROM leaderboard_team_scores ts
       JOIN ${table} t ON t.id = ts.team_id
       WHERE ts.board = :board AND ts.kind = :kind AND ts.people > 0
       ORDER BY average DESC, t.name, t.id
       LIMIT 500`,
      { board, kind },
    );
    return rows.map((row) => ({
      id: Number(row.id),
      name: String(row.name),
      average: Number(row.average),
      people: Number(row.people),
    }));
  }

  /**
   * A person's place on a board with the board's size, or null when not on it: one read, the
   * entry by its key and three sums over the board's score counts.
   */
  async entryOf(
    board: string,
    staffId: number,
  ): Promise<{ row: PageRow; totalCount: number } | null> {
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT ${PLACE_COLUMNS},
         (SELECT COALESCE(SUM(c.entries), 0) FROM leaderboard_score_counts c
          WHERE c.board = e.board AND c.score > e.score) AS above,
         CASE WHEN e.prev_score IS NULL THEN NULL ELSE
           (SELECT COALESCE(SUM(c.prev_entries), 0) FROM leaderboard_score_counts c
            WHERE c.board = e.board AND c.score > e.prev_score) END AS prev_above,
         (SELECT SUM(c.entries) FROM leaderboard_score_counts c WHERE c.board = e.board) AS total_count
       FROM leaderboard_entries e
       JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       JOIN staff_members s ON s.id = e.staff_id
       WHERE e.board = :board AND e.staff_id = :staffId`,
      { board, staffId },
    );
    const row = rows[0];
    if (!row) return null;
    const prevAbove = num(row.prev_above);
    return {
      row: toPageRow(row, {
        rank: () => 1 + Number(row.above),
        prevRank: () => (prevAbove === null ? null : 1 + prevAbove),
      }),
      totalCount: Number(row.total_count),
    };
  }

  /** Replaces these people's rule badges; a badge the communications team awarded stays. */
  async writeRuleBadges(
    tx: EntityManager,
    staffIds: readonly number[],
    badges: readonly { staffId: number; kind: string }[],
  ): Promise<void> {
    await runSql(tx, `DELETE FROM badges WHERE source = 'RULE' AND staff_id IN (:...ids)`, {
      ids: [...staffIds],
    });
    for (const chunk of chunks(badges, 200)) {
      const parameters: Record<string, unknown> = { now: new Date() };
      const values = chunk.map((badge, i) => {
        parameters[`s${i}`] = badge.staffId;
        parameters[`k${i}`] = badge.kind;
        return `(:s${i}, :k${i}, 'RULE', NULL, :now)`;
      });
      await runSql(
        tx,
        `INSERT INTO badges (staff_id, kind, source, awarded_by_id, awarded_at) VALUES ${values.join(', ')}
         ON CONFLICT DO NOTHING`,
        parameters,
      );
    }
  }

  async awardBadge(tx: EntityManager, staffId: number, kind: string, byId: number): Promise<void> {
    await runSql(tx, 'DELETE FROM badges WHERE staff_id = :staffId AND kind = :kind', {
      staffId,
      kind,
    });
    await runSql(
      tx,
      `INSERT INTO badges (staff_id, kind, source, awarded_by_id, awarded_at)
       VALUES (:staffId, :kind, 'ADMIN', :byId, :now)`,
      { staffId, kind, byId, now: new Date() },
    );
  }

  async revokeBadge(tx: EntityManager, staffId: number, kind: string): Promise<void> {
    await runSql(
      tx,
      `DELETE FROM badges WHERE staff_id = :staffId AND kind = :kind AND source = 'ADMIN'`,
      { staffId, kind },
    );
  }

  async badgesOf(
    staffIds: readonly number[],
  ): Promise<{ staffId: number; kind: string; source: string; awardedAt: Date }[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      'SELECT staff_id, kind, source, awarded_at FROM badges WHERE staff_id IN (:...ids) ORDER BY staff_id, kind',
      { ids: [...staffIds] },
    );
    return rows.map((row) => ({
      staffId: Number(row.staff_id),
      kind: String(row.kind),
      source: String(row.source),
      awardedAt: parseDbDate(row.awarded_at as string | Date),
    }));
  }

  async readState(tx: EntityManager, key: string): Promise<string | null> {
    const { rows } = await runSql<{ value: string }>(
      tx,
      'SELECT value FROM leaderboard_state WHERE key = :key',
      { key },
    );
    return rows[0]?.value ?? null;
  }

  async writeState(tx: EntityManager, key: string, value: string): Promise<void> {
    await runSql(tx, 'DELETE FROM leaderboard_state WHERE key = :key', { key });
    await runSql(tx, 'INSERT INTO leaderboard_state (key, value) VALUES (:key, :value)', {
      key,
      value,
    });
  }

  /** Stored weights by organisation (0: NHS-wide). */
  async weights(
    tx: EntityManager,
    organisationIds: readonly number[],
  ): Promise<Map<number, Record<string, number>>> {
    const { rows } = await runSql<{ organisation_id: number; weights: string }>(
      tx,
      'SELECT organisation_id, weights FROM leaderboard_weights WHERE organisation_id IN (:...ids)',
      { ids: [...new Set([0, ...organisationIds])] },
    );
    return new Map(rows.map((row) => [Number(row.organisation_id), JSON.parse(row.weights)]));
  }

  async saveWeights(
    tx: EntityManager,
    organisationId: number,
    weights: Record<string, number>,
    updatedById: number,
  ): Promise<void> {
    await runSql(tx, 'DELETE FROM leaderboard_weights WHERE organisation_id = :organisationId', {
      organisationId,
    });
    await runSql(
      tx,
      `INSERT INTO leaderboard_weights (organisation_id, weights, updated_by_id, updated_at)
       VALUES (:organisationId, :weights, :updatedById, :now)`,
      { organisationId, weights: JSON.stringify(weights), updatedById, now: new Date() },
    );
  }

  /** Every entry and score count of every board, for comparing a rebuild with the incremental path. */
  async everything(tx: EntityManager): Promise<unknown[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT e.board, e.staff_id, e.score, e.prev_score, e.gain, e.sort_name, e.organisation_id,
         e.site_id, e.department_id, sc.breakdown
       FROM leaderboard_entries e JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       ORDER BY e.board, e.staff_id`,
      {},
    );
    const entries = rows.map((row) => ({
      board: row.board,
      staffId: Number(row.staff_id),
      score: Number(row.score),
      prevScore: num(row.prev_score),
      gain: num(row.gain),
      sortName: row.sort_name,
      teams: [row.organisation_id, row.site_id, row.department_id].map(num),
      breakdown: row.breakdown,
    }));
    const { rows: counts } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT board, score, entries, prev_entries FROM leaderboard_score_counts
       WHERE entries <> 0 OR prev_entries <> 0 ORDER BY board, score`,
      {},
    );
    const { rows: teams } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT board, kind, team_id, people, total_score FROM leaderboard_team_scores
       WHERE people <> 0 OR total_score <> 0 ORDER BY board, kind, team_id`,
      {},
    );
    return [
      ...entries,
      ...counts.map((row) => ({
        board: row.board,
        score: Number(row.score),
        entries: Number(row.entries),
        prevEntries: Number(row.prev_entries),
      })),
      ...teams.map((row) => ({
        board: row.board,
        team: `${row.kind}:${row.team_id}`,
        people: Number(row.people),
        totalScore: Number(row.total_score),
      })),
    ];
  }
}

const INSERT_ROWS = 200;
const insertStatements = new Map<string, string>();

/**
 * Multi-row INSERTs with positional parameters (INSERT_ROWS rows a statement, the text built
 * once per shape, so the driver's statement cache holds it): bulk writes of scores and entries
 * without the cost of expanding hundreds of named parameters each time.
 */
async function insertRows(
  tx: EntityManager,
  into: string,
  columns: number,
  rows: readonly unknown[][],
  onConflict = '',
): Promise<void> {
  const sqlite = tx.connection.options.type === 'better-sqlite3';
  for (let start = 0; start < rows.length; start += INSERT_ROWS) {
    if (start > 0) await yieldToLoop();
    const chunk = rows.slice(start, start + INSERT_ROWS);
    const key = `${sqlite}|${into}|${onConflict}|${chunk.length}`;
    let sql = insertStatements.get(key);
    if (!sql) {
      const values = chunk.map(
        (_, r) =>
          `(${Array.from({ length: columns }, (_, c) => (sqlite ? '?' : `$${r * columns + c + 1}`)).join(', ')})`,
      );
      sql = `INSERT INTO ${into} VALUES ${values.join(', ')} ${onConflict}`;
      insertStatements.set(key, sql);
    }
    await tx.queryRunner!.query(sql, chunk.flat());
  }
}

/** Whether an entry would be written again as it is. */
function sameEntry(a: EntryRow, b: EntryRow): boolean {
  return (
    a.score === b.score &&
    a.prevScore === b.prevScore &&
    a.sortName === b.sortName &&
    a.period === b.period &&
    a.organisationId === b.organisationId &&
    a.siteId === b.siteId &&
    a.departmentId === b.departmentId
  );
}

function toPageRow(
  row: Record<string, unknown>,
  ranks: Pick<BoardCounts, 'rank' | 'prevRank'>,
): PageRow {
  const prevScore = num(row.prev_score);
  return {
    staffId: Number(row.staff_id),
    rank: ranks.rank(Number(row.score)),
    prevRank: ranks.prevRank(prevScore),
    score: Number(row.score),
    sortName: String(row.sort_name),
    breakdown: String(row.breakdown),
    showOnLeaderboard: row.show_on_leaderboard === true || Number(row.show_on_leaderboard) === 1,
    organisationId: num(row.organisation_id),
  };
}

/** Rows that carry a `staff_id`, as each person's list of `item(row)`, in row order. */
function groupByStaff<T>(
  rows: Record<string, unknown>[],
  item: (row: Record<string, unknown>) => T,
): Map<number, T[]> {
  const byPerson = new Map<number, T[]>();
  for (const row of rows) {
    const staffId = Number(row.staff_id);
    const list = byPerson.get(staffId);
    if (list) list.push(item(row));
    else byPerson.set(staffId, [item(row)]);
  }
  return byPerson;
}
