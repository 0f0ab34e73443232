/** Calendar days as the trust lives them: Europe/London, 'YYYY-MM-DD'. */

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Europe/London (a snapshot taken at 00:30 BST on the 2nd is the 2nd's). */
export function londonDay(at: Date = new Date()): string {
  return LONDON_DAY.format(at);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date written YYYY-MM-DD, or null. */
export function dayNumber(text: string): number | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  )
    return null;
  return ms / 86_400_000;
}

/** The day `days` after a YYYY-MM-DD day (negative: before). */
export function addDays(day: string, days: number): string {
  const number = dayNumber(day);
  if (number === null) throw new Error(`not a day: ${day}`);
  return new Date((number + days) * 86_400_000).toISOString().slice(0, 10);
}
