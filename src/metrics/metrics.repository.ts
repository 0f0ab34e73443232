import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { runSql } from '../database/portable-sql';
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
  /**
   * Upserts on (account, day, source). Without an import, RETURNING names whose rows changed.
   * An import's statements return nothing (RETURNING was a quarter of the statement's time): a
   * statement that changed all its rows or none says whose from its count alone, and for one
   * that changed some, the rows carrying the import's id among its accounts and days are read
   * back — rows this import changed, in this statement or an earlier one, so their people are
   * among those it changed either way.
   */
  async upsert(
    tx: EntityManager,
    source: MetricSource,
    importId: number | null,
    rows: readonly SnapshotValues[],
  ): Promise<SnapshotsWritten> {
    const sqlite = tx.connection.options.type === 'better-sqlite3';
    const runner = tx.queryRunner!;
    const returning = importId === null;
    const staffIds: number[] = [];
    let changed = 0;
    // in key order, each statement's rows land in neighbouring pages of the primary key (twice
    // the insert rate of a file ordered by day)
    rows = [...rows].sort(byAccountThenDay);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const params: unknown[] = new Array(chunk.length * COLUMNS);
      let p = 0;
      for (const row of chunk) {
        params[p++] = row.accountId;
        params[p++] = row.day;
        params[p++] = source;
        params[p++] = row.staffId;
        params[p++] = row.followers;
        params[p++] = row.following;
        params[p++] = row.posts;
        params[p++] = row.engagements;
        params[p++] = importId;
      }
      const result = await runner.query(upsertSql(sqlite, chunk.length, returning), params, true);
      if (returning) {
        const records = (result.records ?? []) as { staff_id: number | string }[];
        changed += records.length;
        for (const record of records) staffIds.push(Number(record.staff_id));
      } else {
        const affected = result.affected ?? 0;
        changed += affected;
        if (affected === chunk.length) {
          let last = -1;
          for (const row of chunk) if (row.staffId !== last) staffIds.push((last = row.staffId));
        } else if (affected > 0) {
          staffIds.push(...(await this.changedBy(tx, importId, chunk)));
        }
      }
      // better-sqlite3 is synchronous: serve waiting requests between statements
      if (start + ROWS_PER_STATEMENT < rows.length) await yieldToLoop();
    }
    return { changed, staffIds };
  }

  /** The people of these rows' accounts with a row the import wrote among the rows' days. */
  private async changedBy(
    tx: EntityManager,
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
    const { rows: found } = await runSql<{ staff_id: number | string }>(
      tx,
      `SELECT DISTINCT staff_id FROM metric_snapshots
       WHERE social_account_id IN (:...accounts) AND day BETWEEN :from AND :to
         AND import_id = :importId`,
      { accounts, from, to, importId },
    );
    return found.map((row) => Number(row.staff_id));
  }
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
