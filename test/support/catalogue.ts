import type { TestApp } from './create-test-app';

/**
 * The database's own list of tables and columns (sqlite_master / information_schema), so a
 * test can look at every table there is, including ones added after it was written.
 */
export async function tablesInDatabase(
  t: TestApp,
): Promise<{ table: string; columns: string[] }[]> {
  const ds = t.dataSource;
  if (t.database.config.type === 'sqlite') {
    const tables: { name: string }[] = await ds.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const result = [];
    for (const { name } of tables) {
      const columns: { name: string }[] = await ds.query(`PRAGMA table_info("${name}")`);
      result.push({ table: name, columns: columns.map((c) => c.name) });
    }
    return result;
  }
  const schema = t.database.config.schema ?? 'public';
  const rows: { table_name: string; column_name: string }[] = await ds.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
    [schema],
  );
  const byTable = new Map<string, string[]>();
  for (const r of rows)
    byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  return [...byTable].map(([table, columns]) => ({ table, columns }));
}

/** SQLite's FTS5 keeps a virtual table's index in shadow tables named after it. */
export function sqliteShadowOf(table: string, all: readonly string[]): string | undefined {
  const match = /^(.*)_(data|idx|content|docsize|config)$/.exec(table);
  return match && all.includes(match[1]) ? match[1] : undefined;
}

/**
 * Every place (table, column) where any of `needles` occurs, as given or in lower case, in any
 * column of any table, text or binary (SQLite's FTS index blobs included).
 */
export async function findAnywhere(
  t: TestApp,
  needles: readonly string[],
): Promise<{ table: string; column: string; needle: string }[]> {
  const forms = [...new Set(needles.flatMap((n) => [n, n.toLowerCase()]))].filter(Boolean);
  const hits: { table: string; column: string; needle: string }[] = [];
  const sqlite = t.database.config.type === 'sqlite';
  const schema = sqlite
    ? ''
    : `"${t.database.config.type === 'postgres' ? (t.database.config.schema ?? 'public') : ''}".`;
  for (const { table, columns } of await tablesInDatabase(t)) {
    for (const column of columns) {
      for (const needle of forms) {
        const sql = sqlite
          ? `SELECT COUNT(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS BLOB), CAST(? AS BLOB)) > 0`
          : `SELECT COUNT(*) AS n FROM ${schema}"${table}" WHERE position($1 in "${column}"::text) > 0`;
        const [{ n }] = await t.dataSource.query(sql, [needle]);
        if (Number(n) > 0) hits.push({ table, column, needle });
      }
    }
  }
  return hits;
}
