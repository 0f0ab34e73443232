import { EntityManager } from 'typeorm';

/**
 * Plain row helpers for personal-data holders whose tables are keyed by a person column:
 * the rows of one person (for an export) and deleting them (for an erasure). Both run in
 * the caller's transaction. `column` is a trusted identifier from code, never from input.
 */
export function rowsOf(
  tx: EntityManager,
  table: string,
  column: string,
  staffId: number,
): Promise<Record<string, unknown>[]> {
  return tx
    .createQueryBuilder()
    .select('*')
    .from(table, 't')
    .where(`t.${column} = :staffId`, { staffId })
    .getRawMany();
}

export async function deleteRowsOf(
  tx: EntityManager,
  table: string,
  column: string,
  staffId: number,
): Promise<void> {
  await tx
    .createQueryBuilder()
    .delete()
    .from(table)
    .where(`${column} = :staffId`, { staffId })
    .execute();
}

/** The distinct values of `pick` over one person's rows (before erasing them). */
export async function distinctOf(
  tx: EntityManager,
  table: string,
  column: string,
  pick: string,
  staffId: number,
): Promise<number[]> {
  const rows: { v: number }[] = await tx
    .createQueryBuilder()
    .select(`DISTINCT t.${pick}`, 'v')
    .from(table, 't')
    .where(`t.${column} = :staffId`, { staffId })
    .getRawMany();
  return rows.map((r) => Number(r.v));
}
