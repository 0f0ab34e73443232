import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointer, WAL_RESTART_PAGES, WAL_SIZE_LIMIT_BYTES } from './sqlite-checkpointer';

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

  function contents(): { rows: number; bytes: number } {
    const reader = new Database(path, { readonly: true });
    try {
      expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
      return reader
        .prepare('SELECT count(*) AS rows, sum(length(body)) AS bytes FROM page')
        .get() as { rows: number; bytes: number };
    } finally {
      reader.close();
    }
  }

  it('copies the WAL into the file on its own thread, none of it in the writer’s commits', async () => {
    // an hour: only the checkpoints the test asks for run
    checkpointer = new SqliteCheckpointer(writer, {
      path,
      intervalMs: 60 * 60 * 1000,
      busyTimeoutMs: 5000,
    });
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_RESTART_PAGES);

    // past SQLite's own 1,000 pages, under the writer's restart: no commit has checkpointed
    write(WAL_RESTART_PAGES / 2, 4, 1);
    const result = await checkpointer.checkpoint();
    if ('error' in result) throw new Error(result.error.message);
    expect(result.log).toBeGreaterThan(WAL_RESTART_PAGES / 2);
    expect(result.checkpointed).toBe(result.log);
    expect(contents()).toEqual({
      rows: WAL_RESTART_PAGES / 2,
      bytes: (WAL_RESTART_PAGES / 2) * 4000,
    });
  });

  it('keeps the WAL bounded: it starts again, cut back to its limit, once past the restart size', async () => {
    checkpointer = new SqliteCheckpointer(writer, { path, intervalMs: 5, busyTimeoutMs: 5000 });
    const pages = WAL_RESTART_PAGES * 3;
    write(pages, 30, 1);
    await checkpointer.checkpoint();
    // three times the restart size written (49 MB of WAL without a restart). The WAL starts again
    // once a COMMIT past the restart size checkpoints; a COMMIT that comes while the worker's
    // checkpoint runs cannot (SQLite runs one at a time), so it may grow up to one more round
    const frameBytes = 4096 + 24;
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(
      (2 * WAL_RESTART_PAGES + pages / 30 + 50) * frameBytes,
    );
    // copied whole while the writer was idle: the next commit starts the WAL again, cut back
    write(10, 1, pages + 1);
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    expect(contents()).toEqual({ rows: pages + 10, bytes: (pages + 10) * 4000 });
  });

  it('a checkpoint asked for after each big commit starts the WAL again at the next one', async () => {
    // an hour: only the checkpoints asked for run (the daily roll asks after each chunk)
    checkpointer = new SqliteCheckpointer(writer, {
      path,
      intervalMs: 60 * 60 * 1000,
      busyTimeoutMs: 5000,
    });
    const perCommit = WAL_RESTART_PAGES / 2;
    for (let c = 0; c < 6; c++) {
      write(perCommit, 1, 1 + c * perCommit);
      await checkpointer.checkpoint();
    }
    // six commits of half the restart size: the WAL never held more than one of them, so no
    // COMMIT reached the writer's own checkpoint
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual((perCommit + 50) * 4120);
    expect(contents()).toEqual({ rows: 6 * perCommit, bytes: 6 * perCommit * 4000 });
  });

  it('answers a checkpoint at once after it has closed', async () => {
    checkpointer = new SqliteCheckpointer(writer, { path, intervalMs: 10, busyTimeoutMs: 5000 });
    await checkpointer.close();
    expect(await checkpointer.checkpoint()).toEqual({
      error: { name: 'Error', message: 'closed' },
    });
    checkpointer = null;
  });

  it('gives the writer its automatic checkpoint back when closed', async () => {
    checkpointer = new SqliteCheckpointer(writer, { path, intervalMs: 10, busyTimeoutMs: 5000 });
    await checkpointer.close();
    checkpointer = null;
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
