import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BulkTransaction, PackedRows, unpackRows } from '../database/bulk-transaction';
import { yieldToLoop } from '../database/yield-to-loop';
import { MetricSource } from './metric-snapshot.entity';

export interface SnapshotValues {
  accountId: number;
  staffId: number;
  day: string;
  followers: number;
  following: number | null;
  posts: number | null;
  engagements: number | null;
}

/** Rows per INSERT: 9 parameters each, well under both drivers' parameter limits. */
const ROWS_PER_STATEMENT = 500;
/** Parameters a row (upsertSql: recorded_at is the statement's own). */
const COLUMNS = 9;

/** What an upsert changed: how many rows, and whose they were (each person at least once). */
export interface SnapshotsWritten {
  changed: number;
  staffIds: number[];
}

/**
 * Set-based writes of metric_snapshots. One multi-row INSERT … ON CONFLICT … DO UPDATE … WHERE
 * the figures differ per ROWS_PER_STATEMENT rows: an unchanged row is neither rewritten nor
 * counted. Rows are written in primary-key order.
 */
@Injectable()
export class MetricsRepository {
  /** The people whose figures an import wrote (its rows carry its id). */
  async staffIdsOfImport(tx: EntityManager, importId: number): Promise<number[]> {
    const rows = (await tx.query(
      `SELECT DISTINCT staff_id FROM metric_snapshots WHERE import_id = ${tx.connection.options.type === 'better-sqlite3' ? '?' : '$1'} ORDER BY staff_id`,
      [importId],
    )) as { staff_id: number | string }[];
    return rows.map((row) => Number(row.staff_id));
  }

  /**
   * Upserts on (account, day, source). Without an import, RETURNING names whose rows changed.
   * An import's statements return nothing (RETURNING was a quarter of the statement's time): a
   * statement that changed all its rows or none says whose from its count alone, and for one
   * that changed some, the rows carrying the import's id among its accounts and days are read
   * back — rows this import changed, in this statement or an earlier one, so their people are
   * among those it changed either way.
   */
  async upsert(
    tx: BulkTransaction,
    source: MetricSource,
    importId: number | null,
    rows: readonly SnapshotValues[],
  ): Promise<SnapshotsWritten> {
    const sqlite = tx.sqlite;
    const returning = importId === null;
    const staffIds: number[] = [];
    let changed = 0;
    // in key order, each statement's rows land in neighbouring pages of the primary key (twice
    // the insert rate of a file ordered by day)
    rows = [...rows].sort(byAccountThenDay);
    const chunks: (readonly SnapshotValues[])[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT)
      chunks.push(rows.slice(start, start + ROWS_PER_STATEMENT));
    if (returning) {
      for (const chunk of chunks) {
        const { records } = await tx.query(
          upsertSql(sqlite, chunk.length, true),
          unpackRows(packed(chunk, source, importId), 0, chunk.length),
        );
        changed += records.length;
        for (const record of records) staffIds.push(Number(record.staff_id));
        // better-sqlite3 is synchronous here: serve waiting requests between statements
        await yieldToLoop();
      }
      return { changed, staffIds };
    }
    const affected = await tx.queryRows(
      {
        perStatement: ROWS_PER_STATEMENT,
        sql: upsertSql(sqlite, ROWS_PER_STATEMENT, false),
        tailSql: (count) => upsertSql(sqlite, count, false),
      },
      packed(rows, source, importId),
    );
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      changed += affected[i];
      if (affected[i] === chunk.length) {
        let last = -1;
        for (const row of chunk) if (row.staffId !== last) staffIds.push((last = row.staffId));
      } else if (affected[i] > 0) {
        staffIds.push(...(await this.changedBy(tx, importId!, chunk)));
      }
    }
    return { changed, staffIds };
  }

  /** The people of these rows' accounts with a row the import wrote among the rows' days. */
  private async changedBy(
    tx: BulkTransaction,
    importId: number,
    rows: readonly SnapshotValues[],
  ): Promise<number[]> {
    const accounts = [...new Set(rows.map((row) => row.accountId))];
    let from = rows[0].day;
    let to = from;
    for (const row of rows) {
      if (row.day < from) from = row.day;
      if (row.day > to) to = row.day;
    }
    const slot = (n: number) => (tx.sqlite ? '?' : `$${n}`);
    const { records } = await tx.query(
      `SELECT DISTINCT staff_id FROM metric_snapshots
       WHERE social_account_id IN (${accounts.map((_, i) => slot(i + 1)).join(', ')})
         AND day BETWEEN ${slot(accounts.length + 1)} AND ${slot(accounts.length + 2)}
         AND import_id = ${slot(accounts.length + 3)}`,
      [...accounts, from, to, importId],
    );
    return records.map((row) => Number(row.staff_id));
  }
}

/** YYYY-MM-DD */
const DAY_WIDTH = 10;

/** The upsert's parameters of `rows`, in its columns' order (upsertSql), packed. */
function packed(
  rows: readonly SnapshotValues[],
  source: MetricSource,
  importId: number | null,
): PackedRows {
  const numbersPerRow = 6;
  const numbers = new Float64Array(rows.length * numbersPerRow);
  let n = 0;
  for (const row of rows) {
    numbers[n++] = row.accountId;
    numbers[n++] = row.staffId;
    numbers[n++] = row.followers;
    numbers[n++] = row.following ?? NaN;
    numbers[n++] = row.posts ?? NaN;
    numbers[n++] = row.engagements ?? NaN;
  }
  let text = '';
  for (const row of rows) {
    if (row.day.length !== DAY_WIDTH) throw new Error(`a day is written YYYY-MM-DD: ${row.day}`);
    text += row.day;
  }
  return {
    count: rows.length,
    columns: [
      { number: 0 },
      { text: 0, width: DAY_WIDTH },
      { constant: source },
      { number: 1 },
      { number: 2 },
      { number: 3 },
      { number: 4 },
      { number: 5 },
      { constant: importId },
    ],
    numbers,
    numbersPerRow,
    text,
    textPerRow: DAY_WIDTH,
  };
}

function byAccountThenDay(a: SnapshotValues, b: SnapshotValues): number {
  return a.accountId - b.accountId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);
}

const statements = new Map<string, string>();

function upsertSql(sqlite: boolean, rows: number, returning: boolean): string {
  const key = `${sqlite}:${rows}:${returning}`;
  const cached = statements.get(key);
  if (cached) return cached;
  const now = sqlite ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : 'now()';
  const differs = sqlite ? 'IS NOT' : 'IS DISTINCT FROM';
  const values: string[] = [];
  for (let r = 0; r < rows; r++) {
    const slots = Array.from({ length: COLUMNS }, (_, c) =>
      sqlite ? '?' : `$${r * COLUMNS + c + 1}`,
    );
    values.push(`(${slots.join(', ')}, ${now})`);
  }
  const figures = ['followers', 'following', 'posts', 'engagements'];
  const sql =
    'INSERT INTO metric_snapshots (social_account_id, day, source, staff_id, followers, following, posts, engagements, import_id, recorded_at) VALUES ' +
    values.join(', ') +
    ' ON CONFLICT (social_account_id, day, source) DO UPDATE SET ' +
    // not staff_id: an account's owner never changes (a handle given to someone else is a new
    // account), and naming it here would rewrite the (staff_id, day) index entry of every row
    [...figures, 'import_id', 'recorded_at']
      .map((column) => `${column} = excluded.${column}`)
      .join(', ') +
    ' WHERE ' +
    figures
      .map((column) => `metric_snapshots.${column} ${differs} excluded.${column}`)
      .join(' OR ') +
    (returning ? ' RETURNING staff_id' : '');
  statements.set(key, sql);
  return sql;
}
