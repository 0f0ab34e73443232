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
}
