import type { EntityManager } from 'typeorm';
import { yieldToLoop } from './yield-to-loop';

/** What a statement of a bulk transaction answers: the rows it returned, and how many it changed. */
export interface BulkResult {
  records: Record<string, unknown>[];
  affected: number;
}

/**
 * One parameter of each packed row: a number from the row's `numbers` (NaN is null), text of a
 * fixed width from the row's `text`, or the same value for every row.
 */
export type PackedColumn =
  { number: number } | { text: number; width: number } | { constant: string | number | null };

/**
 * Rows of parameters in two flat buffers instead of an array of values per row: a worker thread
 * receives them without copying values one by one (posting 20,000 rows as arrays cost more than
 * writing them).
 */
export interface PackedRows {
  count: number;
  columns: PackedColumn[];
  /** `numbersPerRow` numbers a row. */
  numbers: Float64Array;
  numbersPerRow: number;
  /** `textPerRow` characters a row. */
  text: string;
  textPerRow: number;
}

/** A multi-row statement run over packed rows: `sql` for `perStatement` rows, `tailSql(n)` for the rest. */
export interface RowsStatement {
  perStatement: number;
  sql: string;
  tailSql: (rows: number) => string;
}

/**
 * The raw statements of one write transaction that moves many rows at once (an import batch),
 * from TransactionRunner.runBulk. On a SQLite file they run on a thread of their own
 * (sqlite-bulk-writer.ts), so their time is off the event loop; elsewhere in an ordinary
 * transaction. Statements only: no entity manager, and nothing derived is touched here (a bulk
 * writer touches its topics in a transaction of its own afterwards).
 */
export interface BulkTransaction {
  /** SQLite (`?` parameters) or PostgreSQL (`$1`). */
  readonly sqlite: boolean;
  query(sql: string, parameters: readonly unknown[]): Promise<BulkResult>;
  /** Runs `statement` over `rows`, in order; answers the rows each statement changed. */
  queryRows(statement: RowsStatement, rows: PackedRows): Promise<number[]>;
}

/** The parameters of rows `from` to `to` (exclusive), as a statement binds them. */
export function unpackRows(rows: PackedRows, from: number, to: number): unknown[] {
  const { columns, numbers, numbersPerRow, text, textPerRow } = rows;
  const parameters: unknown[] = new Array((to - from) * columns.length);
  let p = 0;
  for (let r = from; r < to; r++) {
    const numbersAt = r * numbersPerRow;
    const textAt = r * textPerRow;
    for (const column of columns) {
      if ('number' in column) {
        const value = numbers[numbersAt + column.number];
        parameters[p++] = Number.isNaN(value) ? null : value;
      } else if ('text' in column) {
        const at = textAt + column.text;
        parameters[p++] = text.slice(at, at + column.width);
      } else parameters[p++] = column.constant;
    }
  }
  return parameters;
}

/** The statements of `statement` over `rows`: each one's SQL and its rows. */
export function rowsStatements(
  statement: RowsStatement,
  count: number,
): { sql: string; from: number; to: number }[] {
  const list: { sql: string; from: number; to: number }[] = [];
  for (let from = 0; from < count; from += statement.perStatement) {
    const to = Math.min(count, from + statement.perStatement);
    const sql = to - from === statement.perStatement ? statement.sql : statement.tailSql(to - from);
    list.push({ sql, from, to });
  }
  return list;
}

/** A bulk transaction's statements in an ordinary TypeORM transaction. */
export function bulkInTransaction(tx: EntityManager): BulkTransaction {
  const runner = tx.queryRunner!;
  const query = async (sql: string, parameters: readonly unknown[]): Promise<BulkResult> => {
    const result = await runner.query(sql, parameters as unknown[], true);
    const records = (result.records ?? []) as Record<string, unknown>[];
    return { records, affected: result.affected ?? records.length };
  };
  return {
    sqlite: tx.connection.options.type === 'better-sqlite3',
    query,
    async queryRows(statement, rows) {
      const affected: number[] = [];
      const list = rowsStatements(statement, rows.count);
      for (const { sql, from, to } of list) {
        affected.push((await query(sql, unpackRows(rows, from, to))).affected);
        // better-sqlite3 is synchronous here: serve waiting requests between statements
        if (affected.length < list.length) await yieldToLoop();
      }
      return affected;
    },
  };
}
