import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { parseDbDate, runSql } from '../database/portable-sql';
import type { BoardMember } from './boards';
import { breakpoints, difference, rankOf, rankShifts, RankShift } from './bounded-ranks';
import type { ScorePart } from './score';
import type { CampaignActivityRow, CampaignTaking, PersonFacts, SnapshotRow } from './score-inputs';

export interface Contender extends PersonFacts, BoardMember {
  displayName: string;
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
}

/** A person's entry on a board as it stands, before a change. */
export interface HeldEntry {
  board: string;
  staffId: number;
  rank: number;
  prevRank: number | null;
  score: number;
  prevScore: number | null;
}

/**
 * Past this many distinct changed scores on one board (a bulk change: an import, a rebuild of an
 * organisation), one set-based ranking of the board costs less than the range updates.
 */
export const MAX_RANGE_UPDATES = 128;

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

export interface PageKey {
  rank: number;
  sortName: string;
  staffId: number;
}

const CHUNK = 500;
/** Distinct scores read per step of rankBoard. */
const SCORES_PER_STEP = 64;
/** Entries (about) given their rank per UPDATE of rankBoard (one score's entries are never split). */
const ROWS_PER_RANK_UPDATE = 5000;

/** Lets the event loop serve waiting requests (better-sqlite3 statements are synchronous). */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** The full rebuild's unranked entries (startStaging). */
const STAGING = 'leaderboard_staging';
/** What a place on a board reads (toPageRow): the entry, its breakdown, the person's consent. */
const PLACE_COLUMNS = `e.staff_id, e.rank, e.prev_rank, e.score, e.sort_name, sc.breakdown,
       s.show_on_leaderboard, s.organisation_id`;

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
      `SELECT s.id, s.display_name, s.organisation_id, s.staff_group,
         CASE WHEN s.active = :yes AND s.listed = :yes THEN 1 ELSE 0 END AS eligible,
         (CASE WHEN s.job_title IS NULL THEN 0 ELSE 1 END + CASE WHEN s.staff_group IS NULL THEN 0 ELSE 1 END
          + CASE WHEN s.pronouns IS NULL THEN 0 ELSE 1 END + CASE WHEN s.bio IS NULL THEN 0 ELSE 1 END
          + CASE WHEN s.site_id IS NULL THEN 0 ELSE 1 END + CASE WHEN s.department_id IS NULL THEN 0 ELSE 1 END) AS filled,
         (SELECT COUNT(*) FROM leaders l WHERE l.staff_id = s.id) AS leader,
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

  /** Every figure of these people's current accounts, by person. */
  async snapshots(
    tx: EntityManager,
    staffIds: readonly number[],
  ): Promise<Map<number, SnapshotRow[]>> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT ms.staff_id, ms.social_account_id, ms.day, ms.source, ms.followers, ms.posts, ms.engagements
       FROM metric_snapshots ms
       JOIN social_accounts a ON a.id = ms.social_account_id AND a.staff_id = ms.staff_id
       WHERE ms.staff_id IN (:...ids)`,
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
  async entriesOf(tx: EntityManager, staffIds: readonly number[]): Promise<HeldEntry[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT board, staff_id, rank, prev_rank, score, prev_score FROM leaderboard_entries
       WHERE staff_id IN (:...ids)`,
      { ids: [...staffIds] },
    );
    return rows.map((row) => ({
      board: String(row.board),
      staffId: Number(row.staff_id),
      rank: Number(row.rank),
      prevRank: num(row.prev_rank),
      score: Number(row.score),
      prevScore: num(row.prev_score),
    }));
  }

  async forgetScores(tx: EntityManager, staffIds: readonly number[]): Promise<void> {
    await runSql(tx, 'DELETE FROM leaderboard_scores WHERE staff_id IN (:...ids)', {
      ids: [...staffIds],
    });
  }

  /**
   * Replaces some people's entries on one board (`held`: what they had there, `fresh`: what they
   * have now) and keeps every rank on it right with bounded range updates (bounded-ranks.ts): the
   * ranks a new score takes are index reads on (board, score) before anything moves, then only
   * the entries between the lowest and highest changed score shift. A bulk change past
   * MAX_RANGE_UPDATES distinct scores ranks the board in one statement instead. `rank: false`
   * (the daily roll, which ranks every board once at its end) keeps the old ranks meanwhile.
   */
  async placeOnBoard(
    tx: EntityManager,
    board: string,
    held: readonly HeldEntry[],
    fresh: readonly EntryRow[],
    options: { rank: boolean } = { rank: true },
  ): Promise<void> {
    const now = difference(
      held.map((e) => e.score),
      fresh.map((e) => e.score),
    );
    const before = difference(
      held.filter((e) => e.prevScore !== null).map((e) => e.prevScore!),
      fresh.filter((e) => e.prevScore !== null).map((e) => e.prevScore!),
    );
    const heldBy = new Map(held.map((e) => [e.staffId, e]));
    const bulk =
      breakpoints(now.departed, now.arrived).length > MAX_RANGE_UPDATES ||
      breakpoints(before.departed, before.arrived).length > MAX_RANGE_UPDATES;
    const ranked = options.rank && !bulk;
    let ranks: { rank: number; prevRank: number | null }[];
    if (ranked) {
      const higher = await this.higherCounts(
        tx,
        board,
        fresh.map((e) => e.score),
        fresh.filter((e) => e.prevScore !== null).map((e) => e.prevScore!),
      );
      ranks = fresh.map((e) => ({
        rank: rankOf(e.score, higher.now.get(e.score)!, now.departed, now.arrived),
        prevRank:
          e.prevScore === null
            ? null
            : rankOf(e.prevScore, higher.before.get(e.prevScore)!, before.departed, before.arrived),
      }));
    } else {
      ranks = fresh.map((e) => ({
        rank: heldBy.get(e.staffId)?.rank ?? 0,
        prevRank: heldBy.get(e.staffId)?.prevRank ?? null,
      }));
    }
    for (const chunk of chunks(held.map((e) => e.staffId))) {
      await runSql(
        tx,
        'DELETE FROM leaderboard_entries WHERE board = :board AND staff_id IN (:...ids)',
        { board, ids: chunk },
      );
    }
    if (ranked) {
      await this.shift(tx, board, 'rank', 'score', rankShifts(now.departed, now.arrived));
      await this.shift(
        tx,
        board,
        'prev_rank',
        'prev_score',
        rankShifts(before.departed, before.arrived),
      );
    }
    await this.insertEntries(tx, fresh, ranks);
    if (options.rank && bulk) {
      await this.rankBoard(tx, board);
      return;
    }
    await this.countBoard(
      tx,
      board,
      now.arrived.length - now.departed.length,
      before.arrived.length - before.departed.length,
    );
  }

  /**
   * For each score, how many entries of the board score higher (and the same for previous
   * scores, among entries with one): the rank of the entry with the highest score at or below it,
   * less one, or the board's size when there is none. Index reads, a hundred a statement.
   */
  private async higherCounts(
    tx: EntityManager,
    board: string,
    scores: readonly number[],
    prevScores: readonly number[],
  ): Promise<{ now: Map<number, number>; before: Map<number, number> }> {
    const { rows } = await runSql<{ total_count: number; prev_count: number }>(
      tx,
      'SELECT total_count, prev_count FROM leaderboard_boards WHERE board = :board',
      { board },
    );
    const total = Number(rows[0]?.total_count ?? 0);
    const prevTotal = Number(rows[0]?.prev_count ?? 0);
    const read = async (rank: string, score: string, values: number[], none: number) => {
      const found = new Map<number, number>();
      for (const chunk of chunks(values, 100)) {
        const parameters: Record<string, unknown> = { board };
        const columns = chunk.map((value, i) => {
          parameters[`v${i}`] = value;
          return `(SELECT ${rank} FROM leaderboard_entries WHERE board = :board AND ${score} <= :v${i}
                   ORDER BY ${score} DESC LIMIT 1) AS r${i}`;
        });
        const { rows: answer } = await runSql<Record<string, unknown>>(
          tx,
          `SELECT ${columns.join(', ')}`,
          parameters,
        );
        chunk.forEach((value, i) => {
          const at = num(answer[0]?.[`r${i}`]);
          found.set(value, at === null ? none : at - 1);
        });
      }
      return found;
    };
    return {
      now: await read('rank', 'score', [...new Set(scores)], total),
      before: await read('prev_rank', 'prev_score', [...new Set(prevScores)], prevTotal),
    };
  }

  private async shift(
    tx: EntityManager,
    board: string,
    rank: 'rank' | 'prev_rank',
    score: 'score' | 'prev_score',
    shifts: readonly RankShift[],
  ): Promise<void> {
    for (const { from, to, delta } of shifts) {
      const range = [
        from === null ? null : `${score} >= :from`,
        to === null ? null : `${score} < :to`,
      ].filter(Boolean);
      await runSql(
        tx,
        `UPDATE leaderboard_entries SET ${rank} = ${rank} + :delta
         WHERE board = :board AND ${range.join(' AND ')}`,
        { board, from, to, delta },
      );
    }
  }

  /** Moves a board's stored sizes by what a change added or took away. */
  private async countBoard(
    tx: EntityManager,
    board: string,
    entries: number,
    withPrevious: number,
  ): Promise<void> {
    if (entries === 0 && withPrevious === 0) return;
    await runSql(
      tx,
      `INSERT INTO leaderboard_boards (board, total_count, prev_count) VALUES (:board, :entries, :withPrevious)
       ON CONFLICT (board) DO UPDATE SET total_count = leaderboard_boards.total_count + excluded.total_count,
         prev_count = leaderboard_boards.prev_count + excluded.prev_count`,
      { board, entries, withPrevious },
    );
    await runSql(tx, 'DELETE FROM leaderboard_boards WHERE board = :board AND total_count = 0', {
      board,
    });
  }

  async forgetBadges(tx: EntityManager, staffId: number): Promise<void> {
    await runSql(tx, 'DELETE FROM badges WHERE staff_id = :staffId', { staffId });
  }

  async forgetEverything(tx: EntityManager): Promise<void> {
    await runSql(tx, 'DELETE FROM leaderboard_entries', {});
    await runSql(tx, 'DELETE FROM leaderboard_scores', {});
    await runSql(tx, 'DELETE FROM leaderboard_boards', {});
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

  /** New entries with their ranks, or unranked (rank 0) until their boards are ranked. */
  async insertEntries(
    tx: EntityManager,
    entries: readonly EntryRow[],
    ranks?: readonly { rank: number; prevRank: number | null }[],
  ): Promise<void> {
    await insertRows(
      tx,
      'leaderboard_entries (board, staff_id, period, rank, prev_rank, score, prev_score, sort_name)',
      8,
      entries.map((row, i) => [
        row.board,
        row.staffId,
        row.period,
        ranks?.[i].rank ?? 0,
        ranks?.[i].prevRank ?? null,
        row.score,
        row.prevScore,
        row.sortName,
      ]),
    );
  }

  /**
   * Ranks one board: competition ranking (ties share a rank, the next rank skips), now and in
   * the previous window (among those who were there), and keeps its size. In steps, the event
   * loop served between them (a national board has a million entries): the rank of a score is
   * 1 + how many entries score higher, so the board's distinct scores are read best first, a
   * step of them at a time with their counts (an index range), and the entries of a few scores
   * at a time take their rank in one UPDATE that rewrites only those whose rank moved.
   */
  async rankBoard(tx: EntityManager, board: string): Promise<void> {
    const n = await this.rankBy(tx, board, 'rank', 'score');
    const p = await this.rankBy(tx, board, 'prev_rank', 'prev_score');
    await runSql(
      tx,
      `UPDATE leaderboard_entries SET prev_rank = NULL
       WHERE board = :board AND prev_score IS NULL AND prev_rank IS NOT NULL`,
      { board },
    );
    await runSql(tx, 'DELETE FROM leaderboard_boards WHERE board = :board', { board });
    if (n > 0) {
      await runSql(
        tx,
        'INSERT INTO leaderboard_boards (board, total_count, prev_count) VALUES (:board, :n, :p)',
        { board, n, p },
      );
    }
  }

  /** rankBoard's steps for one ranking; answers how many entries have a `score`. */
  private async rankBy(
    tx: EntityManager,
    board: string,
    rank: 'rank' | 'prev_rank',
    score: 'score' | 'prev_score',
  ): Promise<number> {
    let above = 0;
    let below: number | null = null;
    for (;;) {
      const { rows }: { rows: { s: number; n: number }[] } = await runSql(
        tx,
        `SELECT ${score} AS s, COUNT(*) AS n FROM leaderboard_entries
         WHERE board = :board AND ${score} IS NOT NULL ${below === null ? '' : `AND ${score} < :below`}
         GROUP BY ${score} ORDER BY ${score} DESC LIMIT :limit`,
        { board, below, limit: SCORES_PER_STEP },
      );
      if (rows.length === 0) return above;
      let group: { score: number; rank: number }[] = [];
      let rowsInGroup = 0;
      for (const [i, row] of rows.entries()) {
        group.push({ score: Number(row.s), rank: above + 1 });
        above += Number(row.n);
        rowsInGroup += Number(row.n);
        if (rowsInGroup >= ROWS_PER_RANK_UPDATE || i === rows.length - 1) {
          await this.setRanks(tx, board, rank, score, group);
          group = [];
          rowsInGroup = 0;
          await yieldToLoop();
        }
      }
      below = Number(rows[rows.length - 1].s);
    }
  }

  private async setRanks(
    tx: EntityManager,
    board: string,
    rank: 'rank' | 'prev_rank',
    score: 'score' | 'prev_score',
    ranks: readonly { score: number; rank: number }[],
  ): Promise<void> {
    const parameters: Record<string, unknown> = {
      board,
      high: ranks[0].score,
      low: ranks[ranks.length - 1].score,
    };
    const cases = ranks.map((r, i) => {
      parameters[`s${i}`] = r.score;
      parameters[`r${i}`] = r.rank;
      return `WHEN :s${i} THEN CAST(:r${i} AS integer)`;
    });
    const ranked = `CASE ${score} ${cases.join(' ')} END`;
    await runSql(
      tx,
      `UPDATE leaderboard_entries SET ${rank} = ${ranked}
       WHERE board = :board AND ${score} >= :low AND ${score} <= :high
         AND (${rank} IS NULL OR ${rank} <> ${ranked})`,
      parameters,
    );
  }

  /**
   * The full rebuild's staging: every entry, unranked, in a table of the transaction's own
   * connection (TEMP: no other reader sees it, and it goes at commit), indexed by board so each
   * group of boards is ranked from it in one statement (rankStaged).
   */
  async startStaging(tx: EntityManager): Promise<void> {
    const postgres = tx.connection.options.type === 'postgres';
    await runSql(tx, `DROP TABLE IF EXISTS ${STAGING}`, {});
    await runSql(
      tx,
      `CREATE TEMP TABLE ${STAGING} (board varchar(96) NOT NULL, staff_id integer NOT NULL,
         period varchar(24) NOT NULL, score integer NOT NULL, prev_score integer NULL,
         sort_name varchar(200) NOT NULL)${postgres ? ' ON COMMIT DROP' : ''}`,
      {},
    );
    await runSql(tx, `CREATE INDEX ${STAGING}_board ON ${STAGING} (board)`, {});
  }

  async stage(tx: EntityManager, entries: readonly EntryRow[]): Promise<void> {
    await insertRows(
      tx,
      `${STAGING} (board, staff_id, period, score, prev_score, sort_name)`,
      6,
      entries.map((row) => [
        row.board,
        row.staffId,
        row.period,
        row.score,
        row.prevScore,
        row.sortName,
      ]),
    );
  }

  /** The staged boards in order, with how many entries each has. */
  async stagedBoards(tx: EntityManager): Promise<{ board: string; entries: number }[]> {
    const { rows } = await runSql<{ board: string; n: number }>(
      tx,
      `SELECT board, COUNT(*) AS n FROM ${STAGING} GROUP BY board ORDER BY board`,
      {},
    );
    return rows.map((row) => ({ board: row.board, entries: Number(row.n) }));
  }

  /**
   * Ranks the staged boards from `first` to `last` (in stagedBoards' order) into
   * leaderboard_entries, written in page order, and stores their sizes: the same competition
   * ranking as rankBoard, set-based.
   */
  async rankStaged(tx: EntityManager, first: string, last: string): Promise<void> {
    const range = { first, last };
    await runSql(
      tx,
      `INSERT INTO leaderboard_entries (board, staff_id, period, rank, prev_rank, score, prev_score, sort_name)
       SELECT board, staff_id, period, new_rank, old_rank, score, prev_score, sort_name FROM (
         SELECT board, staff_id, period, score, prev_score, sort_name,
           RANK() OVER (PARTITION BY board ORDER BY score DESC) AS new_rank,
           CASE WHEN prev_score IS NULL THEN NULL
                ELSE RANK() OVER (PARTITION BY board, CASE WHEN prev_score IS NULL THEN 0 ELSE 1 END
                                  ORDER BY prev_score DESC) END AS old_rank
         FROM ${STAGING} WHERE board >= :first AND board <= :last) ranked
       ORDER BY board, new_rank, sort_name, staff_id`,
      range,
    );
    await runSql(
      tx,
      `INSERT INTO leaderboard_boards (board, total_count, prev_count)
       SELECT board, COUNT(*), COUNT(prev_score) FROM ${STAGING}
       WHERE board >= :first AND board <= :last GROUP BY board`,
      range,
    );
  }

  async endStaging(tx: EntityManager): Promise<void> {
    await runSql(tx, `DROP TABLE IF EXISTS ${STAGING}`, {});
  }

  /** Every board with an entry or a stored size. */
  async allBoards(tx: EntityManager): Promise<string[]> {
    const { rows } = await runSql<{ board: string }>(
      tx,
      `SELECT board FROM leaderboard_entries GROUP BY board
       UNION SELECT board FROM leaderboard_boards ORDER BY board`,
      {},
    );
    return rows.map((row) => row.board);
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

  async totalCount(board: string): Promise<number> {
    const { rows } = await runSql<{ total_count: number }>(
      this.manager,
      'SELECT total_count FROM leaderboard_boards WHERE board = :board',
      { board },
    );
    return Number(rows[0]?.total_count ?? 0);
  }

  /**
   * A page of a board after `key`: one keyset range read on (board, rank, sort_name, staff_id),
   * the board's stored size read by the same statement (one read a page); a page past the end has
   * no row to carry it, and reads it alone.
   */
  async page(
    board: string,
    first: number,
    after: PageKey | null,
  ): Promise<{ rows: PageRow[]; totalCount: number }> {
    // a row-value comparison: both databases read it as a range of the page index, so a page
    // deep down a board starts where the cursor is (the OR form scanned from the top)
    const keyset = after ? 'AND (e.rank, e.sort_name, e.staff_id) > (:rank, :name, :id)' : '';
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT ${PLACE_COLUMNS},
              (SELECT b.total_count FROM leaderboard_boards b WHERE b.board = :board) AS total_count
       FROM leaderboard_entries e
       JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       JOIN staff_members s ON s.id = e.staff_id
       WHERE e.board = :board ${keyset}
       ORDER BY e.rank, e.sort_name, e.staff_id
       LIMIT :limit`,
      {
        board,
        limit: first + 1,
        rank: after?.rank,
        name: after?.sortName,
        id: after?.staffId,
      },
    );
    return {
      rows: rows.map(toPageRow),
      totalCount: rows.length ? Number(rows[0].total_count ?? 0) : await this.totalCount(board),
    };
  }

  /** Those who gained most places since the previous window (ties: rank, name, id). */
  async risers(board: string, first: number): Promise<PageRow[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT ${PLACE_COLUMNS}
       FROM leaderboard_entries e
       JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       JOIN staff_members s ON s.id = e.staff_id
       WHERE e.board = :board AND e.prev_rank > e.rank
       ORDER BY e.prev_rank - e.rank DESC, e.rank, e.sort_name, e.staff_id
       LIMIT :first`,
      { board, first },
    );
    return rows.map(toPageRow);
  }

  /** Teams of a board by their people's average score (never totals), best first. */
  async teams(
    board: string,
    kind: 'department' | 'site' | 'organisation',
  ): Promise<{ id: number; name: string; average: number; people: number }[]> {
    const table = { department: 'departments', site: 'sites', organisation: 'organisations' }[kind];
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT t.id, t.name, AVG(e.score) AS average, COUNT(*) AS people
       FROM leaderboard_entries e
       JOIN staff_members s ON s.id = e.staff_id
       JOIN ${table} t ON t.id = s.${kind}_id
       WHERE e.board = :board
       GROUP BY t.id, t.name
       ORDER BY average DESC, t.name, t.id
       LIMIT 500`,
      { board },
    );
    return rows.map((row) => ({
      id: Number(row.id),
      name: String(row.name),
      average: Number(row.average),
      people: Number(row.people),
    }));
  }

  /** A person's entry on a board with the board's size (one read), or null when not on it. */
  async entryOf(
    board: string,
    staffId: number,
  ): Promise<{ row: PageRow; totalCount: number } | null> {
    const { rows } = await runSql<Record<string, unknown>>(
      this.manager,
      `SELECT ${PLACE_COLUMNS}, b.total_count
       FROM leaderboard_entries e
       JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       JOIN staff_members s ON s.id = e.staff_id
       JOIN leaderboard_boards b ON b.board = e.board
       WHERE e.board = :board AND e.staff_id = :staffId`,
      { board, staffId },
    );
    return rows[0] ? { row: toPageRow(rows[0]), totalCount: Number(rows[0].total_count) } : null;
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

  /** Every entry of every board, for comparing a rebuild with the incremental path. */
  async everything(tx: EntityManager): Promise<unknown[]> {
    const { rows } = await runSql<Record<string, unknown>>(
      tx,
      `SELECT e.board, e.staff_id, e.rank, e.prev_rank, e.score, e.prev_score, e.sort_name, sc.breakdown
       FROM leaderboard_entries e JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
       ORDER BY e.board, e.staff_id`,
      {},
    );
    const entries = rows.map((row) => ({
      board: row.board,
      staffId: Number(row.staff_id),
      rank: Number(row.rank),
      prevRank: num(row.prev_rank),
      score: Number(row.score),
      prevScore: num(row.prev_score),
      sortName: row.sort_name,
      breakdown: row.breakdown,
    }));
    const { rows: boards } = await runSql<Record<string, unknown>>(
      tx,
      'SELECT board, total_count, prev_count FROM leaderboard_boards ORDER BY board',
      {},
    );
    return [
      ...entries,
      ...boards.map((row) => ({
        board: row.board,
        size: Number(row.total_count),
        withPrevious: Number(row.prev_count),
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
): Promise<void> {
  const sqlite = tx.connection.options.type === 'better-sqlite3';
  for (let start = 0; start < rows.length; start += INSERT_ROWS) {
    const chunk = rows.slice(start, start + INSERT_ROWS);
    const key = `${sqlite}|${into}|${chunk.length}`;
    let sql = insertStatements.get(key);
    if (!sql) {
      const values = chunk.map(
        (_, r) =>
          `(${Array.from({ length: columns }, (_, c) => (sqlite ? '?' : `$${r * columns + c + 1}`)).join(', ')})`,
      );
      sql = `INSERT INTO ${into} VALUES ${values.join(', ')}`;
      insertStatements.set(key, sql);
    }
    await tx.queryRunner!.query(sql, chunk.flat());
  }
}

function toPageRow(row: Record<string, unknown>): PageRow {
  return {
    staffId: Number(row.staff_id),
    rank: Number(row.rank),
    prevRank: num(row.prev_rank),
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
