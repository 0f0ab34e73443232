import { TeamKind, teamKindsOf } from './boards';

/**
 * Ranks are not stored: a board keeps how many of its entries have each score, now and in the
 * previous window (leaderboard_score_counts), and a rank is read from those counts.
 *
 * Ranks are competition ranks: an entry's rank is 1 + the number of entries on its board with a
 * higher score (ties share a rank, the next rank skips). Its previous rank is the same over the
 * previous window's scores, among the entries that have one. A change to one person's score moves
 * two counts of each board they are on, whatever the size of the board; reading a rank sums the
 * counts of the higher scores, and a board has as many counts as it has distinct scores (whole
 * points: hundreds, not millions).
 */

/** One person's entry on one board, as far as its counts are concerned. */
export interface CountedEntry {
  board: string;
  score: number;
  prevScore: number | null;
}

/** How a change moves one count row: entries with this score now, and in the previous window. */
export interface CountDelta {
  board: string;
  score: number;
  entries: number;
  prevEntries: number;
}

/**
 * The count rows that entries leaving (`departing`) and arriving (`arriving`) move, sorted by
 * board then score (one order for every writer); rows they leave unchanged are left out.
 */
export function countDeltas(
  departing: readonly CountedEntry[],
  arriving: readonly CountedEntry[],
): CountDelta[] {
  const deltas = new Map<string, CountDelta>();
  const move = (board: string, score: number, entries: number, prevEntries: number) => {
    const key = `${board}\u0000${score}`;
    const delta = deltas.get(key) ?? { board, score, entries: 0, prevEntries: 0 };
    delta.entries += entries;
    delta.prevEntries += prevEntries;
    deltas.set(key, delta);
  };
  for (const [entries, sign] of [
    [departing, -1],
    [arriving, 1],
  ] as const) {
    for (const entry of entries) {
      move(entry.board, entry.score, sign, 0);
      if (entry.prevScore !== null) move(entry.board, entry.prevScore, 0, sign);
    }
  }
  return [...deltas.values()]
    .filter((d) => d.entries !== 0 || d.prevEntries !== 0)
    .sort(countOrder);
}

/** One person's entry on a board, as far as its teams' sums are concerned. */
export interface TeamMemberEntry {
  board: string;
  score: number;
  organisationId: number | null;
  siteId: number | null;
  departmentId: number | null;
}

/** How a change moves one team's sums on one board (teamLeaderboard reads average = total / people). */
export interface TeamDelta {
  board: string;
  kind: TeamKind;
  teamId: number;
  people: number;
  totalScore: number;
}

const TEAM_OF: Record<TeamKind, (e: TeamMemberEntry) => number | null> = {
  organisation: (e) => e.organisationId,
  site: (e) => e.siteId,
  department: (e) => e.departmentId,
};

/** The team sums that entries leaving and arriving move (teamKindsOf), sorted; no-ops left out. */
export function teamDeltas(
  departing: readonly TeamMemberEntry[],
  arriving: readonly TeamMemberEntry[],
): TeamDelta[] {
  const deltas = new Map<string, TeamDelta>();
  for (const [entries, sign] of [
    [departing, -1],
    [arriving, 1],
  ] as const) {
    for (const entry of entries) {
      for (const kind of teamKindsOf(entry.board)) {
        const teamId = TEAM_OF[kind](entry);
        if (teamId === null) continue;
        const key = `${entry.board}\u0000${kind}\u0000${teamId}`;
        const delta = deltas.get(key) ?? {
          board: entry.board,
          kind,
          teamId,
          people: 0,
          totalScore: 0,
        };
        delta.people += sign;
        delta.totalScore += sign * entry.score;
        deltas.set(key, delta);
      }
    }
  }
  return [...deltas.values()].filter((d) => d.people !== 0 || d.totalScore !== 0).sort(teamOrder);
}

/**
 * The count rows and team sums of many entries, added a batch at a time (the full rebuild's,
 * person by person): what countDeltas and teamDeltas give for all of them arriving at once.
 */
export class CountTotals {
  private readonly byBoard = new Map<
    string,
    { kinds: TeamKind[]; counts: Map<number, CountDelta>; teams: Map<string, TeamDelta> }
  >();

  add(arriving: readonly (CountedEntry & TeamMemberEntry)[]): void {
    for (const entry of arriving) {
      let board = this.byBoard.get(entry.board);
      if (!board) {
        board = { kinds: teamKindsOf(entry.board), counts: new Map(), teams: new Map() };
        this.byBoard.set(entry.board, board);
      }
      this.count(entry.board, board.counts, entry.score).entries += 1;
      if (entry.prevScore !== null)
        this.count(entry.board, board.counts, entry.prevScore).prevEntries += 1;
      for (const kind of board.kinds) {
        const teamId = TEAM_OF[kind](entry);
        if (teamId === null) continue;
        const key = `${kind}\u0000${teamId}`;
        let team = board.teams.get(key);
        if (!team) {
          team = { board: entry.board, kind, teamId, people: 0, totalScore: 0 };
          board.teams.set(key, team);
        }
        team.people += 1;
        team.totalScore += entry.score;
      }
    }
  }

  private count(board: string, counts: Map<number, CountDelta>, score: number): CountDelta {
    let row = counts.get(score);
    if (!row) {
      row = { board, score, entries: 0, prevEntries: 0 };
      counts.set(score, row);
    }
    return row;
  }

  /** As countDeltas([], every entry added) gives them. */
  countRows(): CountDelta[] {
    return [...this.byBoard.values()].flatMap((b) => [...b.counts.values()]).sort(countOrder);
  }

  /** As teamDeltas([], every entry added) gives them. */
  teamRows(): TeamDelta[] {
    return [...this.byBoard.values()].flatMap((b) => [...b.teams.values()]).sort(teamOrder);
  }

  boards(): string[] {
    return [...this.byBoard.keys()];
  }
}

/** A board's count rows at or above some score, and the sums of those below it. */
export interface CountsFrom {
  rows: readonly { score: number; entries: number; prevEntries: number }[];
  entriesBelow: number;
}

/**
 * Ranks of the scores a read needs, from the board's counts at or above the lowest of them
 * (CountsFrom): rank(s) = 1 + entries above s, prevRank(p) = 1 + previous scores above p.
 */
export class BoardCounts {
  private readonly descending: { score: number; entries: number; prevEntries: number }[];
  readonly size: number;

  constructor(counts: CountsFrom) {
    this.descending = [...counts.rows].sort((a, b) => b.score - a.score);
    this.size = counts.entriesBelow + this.descending.reduce((sum, row) => sum + row.entries, 0);
  }

  rank(score: number): number {
    return 1 + this.sumAbove(score, 'entries');
  }

  prevRank(prevScore: number | null): number | null {
    return prevScore === null ? null : 1 + this.sumAbove(prevScore, 'prevEntries');
  }

  private sumAbove(score: number, column: 'entries' | 'prevEntries'): number {
    let sum = 0;
    for (const row of this.descending) {
      if (row.score <= score) break;
      sum += row[column];
    }
    return sum;
  }
}

const countOrder = (a: CountDelta, b: CountDelta) =>
  compareText(a.board, b.board) || a.score - b.score;
const teamOrder = (a: TeamDelta, b: TeamDelta) =>
  compareText(a.board, b.board) || compareText(a.kind, b.kind) || a.teamId - b.teamId;

/** Code-unit order: the same for every writer, so they move the same rows in the same order. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
