import { isSelfReported, SnapshotRow } from './score-inputs';
import { addDays, DayRange } from './windows';

/**
 * A re-score reads each account's figures summarised in SQL, one row per segment of days,
 * instead of every day's figure (a year of figures is ~370 rows an account; its segments are
 * about 8). The segments are cut at every window's first day and at the day after its last, so
 * each window is a run of whole segments, and scoreInputsFor needs of a segment only:
 * - its first and last figures (a window's followers at its end, and the growth from the
 *   latest figure before it or its first figure inside it, are a segment's first or last);
 * - the sums of its posts and engagements;
 * - whether any of its figures is self-reported.
 * standInRows turns those back into at most three rows a segment, which scoreInputsFor scores
 * exactly as it would every day's row: the score arithmetic does not change.
 */

/** One account's figure of one day, as a segment's first, last or first self-reported. */
export interface DayFigure {
  day: string;
  followers: number;
  source: string;
}

/** One account's figures (one per day: oneFigurePerDay's choice) within one segment. */
export interface FigureSegment {
  accountId: number;
  first: DayFigure;
  last: DayFigure;
  /** the earliest self-reported figure of the segment, if any */
  selfReported: DayFigure | null;
  posts: number;
  engagements: number;
  /** how many days have a figure (the rows the statement summarised) */
  days: number;
}

/** The days segments start on: every range's first day and the day after its last, in order. */
export function segmentStarts(ranges: Iterable<DayRange>): string[] {
  const starts = new Set<string>();
  for (const range of ranges) {
    starts.add(range.from);
    starts.add(addDays(range.to, 1));
  }
  return [...starts].sort();
}

/**
 * Rows that scoreInputsFor scores as it would the segments' every day: the first figure, the
 * first self-reported one if neither end is, and the last, carrying the segment's sums.
 */
export function standInRows(segments: readonly FigureSegment[]): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  const row = (accountId: number, figure: DayFigure, posts: number, engagements: number) =>
    rows.push({ accountId, ...figure, posts, engagements });
  for (const s of segments) {
    if (s.first.day !== s.last.day) row(s.accountId, s.first, 0, 0);
    const selfBetween =
      s.selfReported !== null && !isSelfReported(s.first.source) && !isSelfReported(s.last.source);
    if (selfBetween) row(s.accountId, s.selfReported!, 0, 0);
    row(s.accountId, s.last, s.posts, s.engagements);
  }
  return rows;
}

/** The segment (0: before the first start) that a day falls in. */
export function segmentOf(day: string, starts: readonly string[]): number {
  let segment = 0;
  while (segment < starts.length && day >= starts[segment]) segment += 1;
  return segment;
}

/**
 * What LeaderboardRepository.figureSegments reads, computed from the rows themselves (the rows
 * come from oneFigurePerDay): the reference its statement is tested against.
 */
export function summariseFigures(
  rows: readonly SnapshotRow[],
  starts: readonly string[],
): FigureSegment[] {
  const segments = new Map<string, FigureSegment>();
  for (const row of rows) {
    const key = `${row.accountId}|${segmentOf(row.day, starts)}`;
    const figure = { day: row.day, followers: row.followers, source: row.source };
    const self = isSelfReported(row.source) ? figure : null;
    const held = segments.get(key);
    if (!held) {
      segments.set(key, {
        accountId: row.accountId,
        first: figure,
        last: figure,
        selfReported: self,
        posts: row.posts ?? 0,
        engagements: row.engagements ?? 0,
        days: 1,
      });
      continue;
    }
    if (row.day < held.first.day) held.first = figure;
    if (row.day > held.last.day) held.last = figure;
    if (self && (!held.selfReported || row.day < held.selfReported.day)) held.selfReported = self;
    held.posts += row.posts ?? 0;
    held.engagements += row.engagements ?? 0;
    held.days += 1;
  }
  return [...segments.values()];
}

/** A DayFigure written `day followers source` (how the statement hands it back). */
export function parseDayFigure(text: string): DayFigure {
  const gap = text.indexOf(' ', 11);
  return {
    day: text.slice(0, 10),
    followers: Number(text.slice(11, gap)),
    source: text.slice(gap + 1),
  };
}
