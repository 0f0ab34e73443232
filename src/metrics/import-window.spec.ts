import { SeededRandom } from '../common/seeded-random';
import { ImportBatch, ImportWindow } from './import-window';

type Figures = { reach: number | null; posts: number | null };
interface Row {
  accountId: number;
  staffId: number;
  dayNumber: number;
  values: Figures;
}

const dayText = (day: number) => `day ${day}`;
const written = (row: Row) => ({
  accountId: row.accountId,
  staffId: row.staffId,
  day: dayText(row.dayNumber),
  ...row.values,
});
const byAccountThenDay = (a: Row, b: Row) => a.accountId - b.accountId || a.dayNumber - b.dayNumber;

/** A batch's rows, read in chunks of 7 (a kind writes a batch a chunk at a time). */
const rowsOf = (batch: ImportBatch<Figures>) => [...batch.chunks(7)].flat();

function addRun(window: ImportWindow<Figures>, rows: Row[]) {
  for (const row of rows) window.add(row.accountId, row.staffId, row.dayNumber, row.values);
  window.endRun();
}

describe('ImportWindow', () => {
  it('gives back every row of runs read in file order (a day of every account, then the next) in (account, day) order, a batch at a time', () => {
    const window = new ImportWindow<Figures>(1000, ['reach', 'posts']);
    const all: Row[] = [];
    // 50 accounts (ids out of order), 12 days, in runs of 70 rows as a file's batches come
    const accounts = Array.from({ length: 50 }, (_, i) => ((i * 37) % 50) + 1);
    let run: Row[] = [];
    for (let day = -3; day < 9; day++) {
      for (const accountId of accounts) {
        const row = {
          accountId,
          staffId: accountId * 10,
          dayNumber: day,
          values: { reach: day + 3, posts: null },
        };
        run.push(row);
        all.push(row);
        if (run.length === 70) {
          addRun(window, run);
          run = [];
        }
      }
    }
    // the last rows' run is still open: draining ends it
    for (const row of run) window.add(row.accountId, row.staffId, row.dayNumber, row.values);
    expect(window.size).toBe(600);

    const batches = [...window.drain(256, dayText)];
    expect(batches.map((batch) => batch.length)).toEqual([256, 256, 88]);
    expect(batches.flatMap(rowsOf)).toEqual([...all].sort(byAccountThenDay).map(written));
    // a transaction run again reads its batch again
    expect(rowsOf(batches[1])).toEqual(rowsOf(batches[1]));
    expect([...batches[2].chunks(50)].map((chunk) => chunk.length)).toEqual([50, 38]);
    expect(window.size).toBe(0);
    expect([...window.drain(256, dayText)]).toEqual([]);
  });

  it('keeps figures as given, blanks as null and zeros as zeros', () => {
    const window = new ImportWindow<Figures>(10, ['reach', 'posts']);
    addRun(window, [
      { accountId: 2, staffId: 5, dayNumber: 20_000, values: { reach: 0, posts: 2_147_483_647 } },
      { accountId: 1, staffId: 4, dayNumber: 20_001, values: { reach: null, posts: 7 } },
    ]);
    expect([...window.drain(10, dayText)].map(rowsOf)).toEqual([
      [
        { accountId: 1, staffId: 4, day: 'day 20001', reach: null, posts: 7 },
        { accountId: 2, staffId: 5, day: 'day 20000', reach: 0, posts: 2_147_483_647 },
      ],
    ]);
  });

  it('merges runs of random rows exactly as one sort of them all would order them, and takes more after a drain', () => {
    const random = new SeededRandom(11);
    const window = new ImportWindow<Figures>(5000, ['reach', 'posts']);
    for (let round = 0; round < 2; round++) {
      const all: Row[] = [];
      const used = new Set<string>();
      while (all.length < 4000) {
        const run: Row[] = [];
        const length = 1 + random.int(400);
        while (run.length < length && all.length + run.length < 4000) {
          const row = {
            accountId: 1 + random.int(300),
            staffId: 1 + random.int(5),
            dayNumber: random.int(60) - 20,
            values: { reach: random.int(100), posts: random.chance(0.5) ? null : random.int(9) },
          };
          const key = `${row.accountId}:${row.dayNumber}`;
          if (used.has(key)) continue;
          used.add(key);
          run.push(row);
        }
        addRun(window, run);
        all.push(...run);
      }
      expect(window.wouldOverflow(1000)).toBe(false);
      expect(window.wouldOverflow(1001)).toBe(true);
      const batches = [...window.drain(333, dayText)];
      expect(batches.every((batch, i) => batch.length === 333 || i === batches.length - 1)).toBe(
        true,
      );
      expect(batches.flatMap(rowsOf)).toEqual([...all].sort(byAccountThenDay).map(written));
    }
  });

  it('refuses a row that would not fit', () => {
    const window = new ImportWindow<Figures>(2, ['reach', 'posts']);
    const values = { reach: 1, posts: 1 };
    window.add(1, 1, 1, values);
    window.add(2, 1, 1, values);
    expect(() => window.add(3, 1, 1, values)).toThrow('an import window holds 2 rows');
    expect(window.size).toBe(2);
  });
});
