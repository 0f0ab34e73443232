import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointer, WAL_SIZE_LIMIT_BYTES } from './sqlite-checkpointer';

describe('SqliteCheckpointer', () => {
  let dir: string;
  let path: string;
  let writer: Database.Database;
  let checkpointer: SqliteCheckpointer | null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staff-voices-checkpoint-'));
    path = join(dir, 'test.db');
    writer = new Database(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.exec('CREATE TABLE page (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    checkpointer = null;
  });

  afterEach(async () => {
    await checkpointer?.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** About `pages` WAL frames in `commits` transactions: a 4 KB row is a page of its own. */
  function write(pages: number, commits: number, from: number): void {
    const insert = writer.prepare('INSERT INTO page (id, body) VALUES (?, ?)');
    const perCommit = Math.ceil(pages / commits);
    for (let c = 0; c < commits; c++) {
      writer.transaction(() => {
        for (let i = 0; i < perCommit; i++) {
          const id = from + c * perCommit + i;
          insert.run(id, Buffer.alloc(4000, id % 251));
        }
      })();
    }
  }

  it('leaves the writer’s commits without a checkpoint, checkpoints on its thread, and the WAL starts again bounded with the data intact', async () => {
    // an hour: only the checkpoints the test asks for run
    checkpointer = new SqliteCheckpointer(writer, {
      path,
      intervalMs: 60 * 60 * 1000,
      busyTimeoutMs: 5000,
    });
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    // far past SQLite's 1,000 pages: with its automatic checkpoint the WAL would have started
    // again at the first commit past them
    const pages = Math.ceil((2 * WAL_SIZE_LIMIT_BYTES) / 4096);
    write(pages, 8, 1);
    const walBytes = statSync(`${path}-wal`).size;
    expect(walBytes).toBeGreaterThan(2 * WAL_SIZE_LIMIT_BYTES);

    const first = await checkpointer.checkpoint();
    if ('error' in first) throw new Error(first.error.message);
    expect(first.log).toBeGreaterThan(pages);
    expect(first.checkpointed).toBe(first.log);

    // the next transaction starts the WAL again from its beginning, cut back to the limit
    write(10, 1, pages * 2);
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    const second = await checkpointer.checkpoint();
    if ('error' in second) throw new Error(second.error.message);
    expect(second.log).toBeLessThan(50);

    const reader = new Database(path, { readonly: true });
    try {
      const { rows, bytes } = reader
        .prepare('SELECT count(*) AS rows, sum(length(body)) AS bytes FROM page')
        .get() as { rows: number; bytes: number };
      const perCommit = Math.ceil(pages / 8);
      expect(rows).toBe(perCommit * 8 + 10);
      expect(bytes).toBe(rows * 4000);
      expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reader.close();
    }
  });

  it('gives the writer its automatic checkpoint back when closed', async () => {
    checkpointer = new SqliteCheckpointer(writer, { path, intervalMs: 10, busyTimeoutMs: 5000 });
    await checkpointer.close();
    checkpointer = null;
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
