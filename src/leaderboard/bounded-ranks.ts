/**
 * The arithmetic of bounded re-ranking (docs/leaderboard.md, "How it is kept current").
 *
 * Ranks are competition ranks: an entry's rank is 1 + the number of entries on its board with a
 * higher score. When some people's entries change (their old scores leave the board, their new
 * ones arrive), an entry nobody changed, with score s, moves by
 *
 *     (arrivals with a score above s) − (departures with a score above s)
 *
 * which is constant between two consecutive changed scores: so only the entries whose score lies
 * between the lowest and highest changed score move, one range update per stretch. A score that
 * went from 40 to 55 shifts the entries scoring 40–54 down one place, and no one else; a person
 * joining with 30 shifts those below 30. The same holds for previous ranks over previous scores
 * (among the entries that have one).
 */

/** Entries scoring `from <= s < to` (null: unbounded) move by `delta` places. */
export interface RankShift {
  from: number | null;
  to: number | null;
  delta: number;
}

/** What is left of two multisets once the values they share are taken out of both, each sorted. */
export function difference(
  departing: readonly number[],
  arriving: readonly number[],
): { departed: number[]; arrived: number[] } {
  const counts = new Map<number, number>();
  for (const value of departing) counts.set(value, (counts.get(value) ?? 0) + 1);
  const arrived: number[] = [];
  for (const value of arriving) {
    const held = counts.get(value) ?? 0;
    if (held > 0) counts.set(value, held - 1);
    else arrived.push(value);
  }
  const departed: number[] = [];
  for (const [value, count] of counts) for (let i = 0; i < count; i++) departed.push(value);
  // sorted, so counting those above a score is a binary search
  departed.sort((a, b) => a - b);
  arrived.sort((a, b) => a - b);
  return { departed, arrived };
}

/** How many of `sorted` (ascending) are greater than `score`. */
function countAbove(sorted: readonly number[], score: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= score) low = mid + 1;
    else high = mid;
  }
  return sorted.length - low;
}

/** The distinct scores at which the shift of the unchanged entries can change. */
export function breakpoints(departed: readonly number[], arrived: readonly number[]): number[] {
  return [...new Set([...departed, ...arrived])].sort((a, b) => a - b);
}

/**
 * (`departed` and `arrived` as `difference` gives them: sorted ascending.)
 * The rank shifts of the entries nobody changed, as disjoint score ranges, lowest first; ranges
 * that do not move are left out.
 */
export function rankShifts(departed: readonly number[], arrived: readonly number[]): RankShift[] {
  const points = breakpoints(departed, arrived);
  const above = countAbove;
  const shifts: RankShift[] = [];
  const push = (from: number | null, to: number | null, delta: number) => {
    if (delta === 0) return;
    const last = shifts[shifts.length - 1];
    if (last && last.delta === delta && last.to === from) last.to = to;
    else shifts.push({ from, to, delta });
  };
  if (points.length === 0) return shifts;
  // below the lowest changed score every arrival and departure is above
  push(null, points[0], arrived.length - departed.length);
  for (let i = 0; i < points.length - 1; i++) {
    // s in [points[i], points[i + 1]): those above s are those at points[i + 1] or higher
    push(points[i], points[i + 1], above(arrived, points[i]) - above(departed, points[i]));
  }
  // at or above the highest changed score nothing changed above: no shift
  return shifts;
}

/**
 * The rank a changed entry with score `score` takes: `higherBefore` is how many entries had a
 * higher score before the change (read from the board), adjusted by the changed entries.
 */
export function rankOf(
  score: number,
  higherBefore: number,
  departed: readonly number[],
  arrived: readonly number[],
): number {
  return 1 + higherBefore - countAbove(departed, score) + countAbove(arrived, score);
}
