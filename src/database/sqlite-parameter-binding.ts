import { DataSource } from 'typeorm';

type Escape = (sql: string, parameters: Record<string, unknown>) => [string, unknown[]];

/**
 * TypeORM writes numbers into SQLite SQL as literals (better-sqlite3 would bind a JS number as
 * REAL), so every id makes a different statement text: the statement cache misses and SQLite
 * prepares again on each request. Binding whole numbers as BigInt keeps them INTEGER and the SQL
 * text stable, so a page's statements are prepared once and reused.
 */
const asInteger = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;

/**
 * Patches a TypeORM internal (the driver's escapeQueryWithParameters), then checks at once that
 * the patch took: if TypeORM changes that method, start-up fails here rather than every id
 * silently going back to being a literal (test/statement-parameters.e2e-spec.ts checks the
 * statements the app really sends).
 */
export function bindIntegersAsParameters(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const driver = dataSource.driver as unknown as { escapeQueryWithParameters: Escape };
  const original = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parameters) => {
    if (!parameters) return original(sql, parameters);
    const bound: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parameters)) {
      bound[key] = Array.isArray(value) ? value.map(asInteger) : asInteger(value);
    }
    return original(sql, bound);
  };
  assertIntegersBound(driver);
}

/** Start-up self-check: a whole number must come back as a `?` bound to an INTEGER. */
export function assertIntegersBound(driver: { escapeQueryWithParameters: Escape }): void {
  const [sql, values] = driver.escapeQueryWithParameters('SELECT :id AS id', { id: 7 });
  if (sql !== 'SELECT ? AS id' || values.length !== 1 || values[0] !== BigInt(7)) {
    throw new Error(
      'sqlite-parameter-binding no longer applies: TypeORM changed escapeQueryWithParameters ' +
        `("SELECT :id" gave ${JSON.stringify(sql)}); update src/database/sqlite-parameter-binding.ts`,
    );
  }
}
