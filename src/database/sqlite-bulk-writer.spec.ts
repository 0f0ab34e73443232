import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackedRows, RowsStatement, unpackRows } from './bulk-transaction';
import { BulkWriteError, SqliteBulkWriter } from './sqlite-bulk-writer';

describe('SqliteBulkWriter', () => {
  let dir: string;
  let path: string;
  let main: Database.Database;
  let writer: SqliteBulkWriter;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staff-voices-bulk-'));
    path = join(dir, 'test.db');
    main = new Database(path);
    main.pragma('journal_mode = WAL');
    main.exec(
      'CREATE TABLE owner (id INTEGER PRIMARY KEY);' +
        'INSERT INTO owner (id) VALUES (1), (2), (3);' +
        'CREATE TABLE figure (owner_id INTEGER NOT NULL REFERENCES owner (id), day TEXT NOT NULL,' +
        ' kind TEXT NOT NULL, value INTEGER, PRIMARY KEY (owner_id, day))',
    );
    writer = new SqliteBulkWriter({ path, busyTimeoutMs: 5000 });
  });

  afterEach(async () => {
    await writer.close();
    main.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Rows of (owner, day, 'IMPORT', value): value null when NaN. */
  function packed(rows: [number, string, number][]): PackedRows {
    const numbers = new Float64Array(rows.length * 2);
    rows.forEach(([owner, , value], i) => {
      numbers[i * 2] = owner;
      numbers[i * 2 + 1] = value;
    });
    return {
      count: rows.length,
      columns: [{ number: 0 }, { text: 0, width: 10 }, { constant: 'IMPORT' }, { number: 1 }],
      numbers,
      numbersPerRow: 2,
      text: rows.map(([, day]) => day).join(''),
      textPerRow: 10,
    };
  }

  const insert = (rows: number) =>
    'INSERT INTO figure (owner_id, day, kind, value) VALUES ' +
    Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ') +
    ' ON CONFLICT (owner_id, day) DO UPDATE SET value = excluded.value WHERE figure.value IS NOT excluded.value';
  const statement: RowsStatement = { perStatement: 2, sql: insert(2), tailSql: insert };

  const rows = (): unknown[] =>
    main
      .prepare('SELECT owner_id, day, kind, value FROM figure ORDER BY owner_id, day')
      .raw()
      .all();

  it('writes packed rows on its own connection, a statement per chunk, and commits them', async () => {
    const input: [number, string, number][] = [
      [1, '2026-11-01', 10],
      [1, '2026-11-02', NaN],
      [2, '2026-11-01', 7],
      [3, '2026-11-01', 0],
      [3, '2026-11-02', 5],
    ];
    const affected = await writer.transaction(async (bulk) => {
      expect(bulk.sqlite).toBe(true);
      return bulk.queryRows(statement, packed(input));
    });
    expect(affected).toEqual([2, 2, 1]);
    const expected = [
      [1, '2026-11-01', 'IMPORT', 10],
      [1, '2026-11-02', 'IMPORT', null],
      [2, '2026-11-01', 'IMPORT', 7],
      [3, '2026-11-01', 'IMPORT', 0],
      [3, '2026-11-02', 'IMPORT', 5],
    ];
    expect(rows()).toEqual(expected);
    // the same parameters as the main thread's own unpacking (bulkInTransaction)
    expect(unpackRows(packed(input), 0, 5)).toEqual(expected.flat());

    // again with one figure changed: only that row counts
    input[2][2] = 8;
    const again = await writer.transaction((bulk) => bulk.queryRows(statement, packed(input)));
    expect(again).toEqual([0, 1, 0]);
  });

  it('rolls the whole transaction back when a statement fails, naming SQLite’s code', async () => {
    const failed = writer.transaction(async (bulk) => {
      await bulk.queryRows(statement, packed([[1, '2026-11-01', 1]]));
      // no owner 9: the foreign key holds on this connection too
      await bulk.queryRows(statement, packed([[9, '2026-11-01', 1]]));
    });
    await expect(failed).rejects.toThrow(BulkWriteError);
    await expect(failed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(rows()).toEqual([]);
    // and the writer goes on
    await writer.transaction((bulk) => bulk.query('INSERT INTO owner (id) VALUES (4)', []));
    expect(main.prepare('SELECT count(*) AS n FROM owner').get()).toEqual({ n: 4 });
  });

  it('answers a statement’s rows', async () => {
    const result = await writer.transaction((bulk) =>
      bulk.query('SELECT id FROM owner WHERE id >= ? ORDER BY id', [2]),
    );
    expect(result).toEqual({ records: [{ id: 2 }, { id: 3 }], affected: 2 });
  });
});
