import { EntityManager } from 'typeorm';

/**
 * Runs one statement written with TypeORM's named parameters (`:id`, `:...ids`) on either
 * driver: TypeORM turns them into `?` or `$1` and formats dates the way each driver stores them,
 * so keyset comparisons on timestamps match what was written.
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

/**
 * A timestamp as a keyset cursor value. SQLite hands back the stored text, which is kept as is
 * (rows written by other tools may have second precision, and a reformatted value would no
 * longer compare equal to itself); PostgreSQL hands back a Date, kept as epoch milliseconds.
 */
export function timestampKey(raw: string | Date): string | number {
  return raw instanceof Date ? raw.getTime() : raw;
}

/** The query parameter for a cursor's timestamp key, or null if it is not one of ours. */
export function timestampParam(key: unknown): string | Date | null {
  if (typeof key === 'number' && Number.isFinite(key)) return new Date(key);
  if (typeof key === 'string' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?$/.test(key))
    return key;
  return null;
}

/** SQLite hands back raw timestamps as UTC text, PostgreSQL as Date. */
export function parseDbDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
