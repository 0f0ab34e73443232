import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, notACursor } from '../common/graphql/connection';

/**
 * Runs one raw statement written with named parameters (`:id`, `:...ids`) on either driver,
 * through the driver's own expansion: on SQLite numbers stay parameters
 * (see sqlite-parameter-binding.ts), dates and booleans are written the way each driver stores
 * them, so keyset comparisons match what was written.
 */
export async function runSql<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<{ rows: T[]; affected: number }> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  // inside a transaction its own runner; otherwise a pooled one, handed back at once
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(query, values, true);
    return { rows: (result.records ?? []) as T[], affected: result.affected ?? 0 };
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}

/** `count` positional parameters for a raw IN list: `$1, $2, …` on PostgreSQL, `?, ?, …` on SQLite. */
export function inListMarks(dataSource: DataSource, count: number): string {
  const postgres = dataSource.options.type === 'postgres';
  return Array.from({ length: count }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}

/**
 * A timestamp as a keyset cursor value. SQLite hands back the stored text, which is kept as is
 * (rows written by other tools may have second precision, and a reformatted value would no
 * longer compare equal to itself); PostgreSQL hands back a Date, kept as epoch milliseconds.
 */
export function timestampKey(raw: string | Date): string | number {
  return raw instanceof Date ? raw.getTime() : raw;
}

// Date's own range: a number past it makes an Invalid Date, which no driver can bind.
const MAX_EPOCH_MS = 8.64e15;
const TIMESTAMP_TEXT = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?$/;

/** The query parameter for a cursor's timestamp key, or null if it is not one of ours. */
export function timestampParam(key: unknown): string | Date | null {
  if (typeof key === 'number' && Number.isFinite(key) && Math.abs(key) <= MAX_EPOCH_MS) {
    return new Date(key);
  }
  if (typeof key === 'string' && TIMESTAMP_TEXT.test(key) && isCalendarTime(key)) return key;
  return null;
}

/** Whether `2026-02-30 10:00:00` names a real moment (PostgreSQL refuses one that does not). */
function isCalendarTime(text: string): boolean {
  const iso = `${text.slice(0, 19).replace(' ', 'T')}Z`;
  const parsed = new Date(iso);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === iso.slice(0, 19);
}

/** SQLite hands back raw timestamps as UTC text, PostgreSQL as Date. */
export function parseDbDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

/** The (timestamp, id) key of an `after` cursor for a newest-first list, or null without one. */
export function decodeTimestampCursor(
  after: string | null | undefined,
): { at: string | Date; id: number } | null {
  if (!after) return null;
  const [raw, id] = decodeCursor(after, ['any', 'id']);
  const at = timestampParam(raw);
  if (at === null) throw notACursor();
  return { at, id };
}
