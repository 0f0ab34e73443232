/**
 * Leaderboard windows: rolling runs of whole days ending today, where a day is a calendar day in
 * Europe/London (a snapshot recorded at 00:30 BST on 1 June belongs to 1 June, not 31 May).
 * Days are 'YYYY-MM-DD' strings throughout, compared as strings.
 */

export enum LeaderboardWindow {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  ALL_TIME = 'ALL_TIME',
  CAMPAIGN = 'CAMPAIGN',
}

/** The rolling windows, with their lengths in days (null: everything). */
export const ROLLING_WINDOWS = [
  { window: LeaderboardWindow.WEEK, days: 7 },
  { window: LeaderboardWindow.MONTH, days: 30 },
  { window: LeaderboardWindow.QUARTER, days: 90 },
  { window: LeaderboardWindow.ALL_TIME, days: null },
] as const;

/** The first day of ALL_TIME: before any snapshot. */
export const BEGINNING = '0000-01-01';

export interface DayRange {
  /** first day, inclusive */
  from: string;
  /** last day, inclusive */
  to: string;
}

export interface WindowRanges {
  current: DayRange;
  /** the window before it, for movement; null when there is none (a campaign) */
  previous: DayRange | null;
}

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Europe/London. */
export function londonToday(now: Date = new Date()): string {
  return londonDay.format(now);
}

/** `day` moved by `days` (negative: earlier). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A rolling window of `days` ending `today` (null: all time), and the window of the same length
 * just before it (ALL_TIME's previous window is all time up to a week ago).
 */
export function rollingRanges(days: number | null, today: string): WindowRanges {
  if (days === null) {
    return {
      current: { from: BEGINNING, to: today },
      previous: { from: BEGINNING, to: addDays(today, -7) },
    };
  }
  const from = addDays(today, -(days - 1));
  return {
    current: { from, to: today },
    previous: { from: addDays(from, -days), to: addDays(from, -1) },
  };
}

/** A campaign's window: its dates, ending today at the latest. */
export function campaignRange(startsOn: string, endsOn: string, today: string): WindowRanges {
  return { current: { from: startsOn, to: endsOn < today ? endsOn : today }, previous: null };
}
