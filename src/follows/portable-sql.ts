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
