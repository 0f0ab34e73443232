import { SeededRandom } from '../common/seeded-random';
import { ImportWindow, WindowRow } from './import-window';

const key = (row: WindowRow) => `${row.accountId}:${row.dayNumber}`;

describe('ImportWindow', () => {
  it('gives back every row of runs read in file order (a day of every account, then the next) in (account, day) order, a batch at a time', () => {
    const window = new ImportWindow(1000, 2);
    const written: WindowRow[] = [];
    // 50 accounts (ids out of order), 12 days, in runs of 70 rows as a file's batches come
    const accounts = Array.from({ length: 50 }, (_, i) => ((i * 37) % 50) + 1);
    let run: WindowRow[] = [];
    for (let day = -3; day < 9; day++) {
      for (const accountId of accounts) {
        const row = {
          accountId,
          staffId: accountId * 10,
          dayNumber: day,
          figures: [day + 3, null],
        };
        run.push(row);
        written.push(row);
        if (run.length === 70) {
          window.addRun(run);
          run = [];
        }
      }
    }
    window.addRun(run);
    expect(window.size).toBe(600);

    const batches = [...window.drain(256)];
    expect(batches.map((batch) => batch.length)).toEqual([256, 256, 88]);
    const read = batches.flat();
    const expected = [...written].sort(
      (a, b) => a.accountId - b.accountId || a.dayNumber - b.dayNumber,
    );
    expect(read).toEqual(expected);
    expect(window.size).toBe(0);
    expect([...window.drain(256)]).toEqual([]);
  });

  it('keeps figures as given, blanks as null and zeros as zeros', () => {
    const window = new ImportWindow(10, 4);
    window.addRun([
      { accountId: 2, staffId: 5, dayNumber: 20_000, figures: [0, null, 7, 2_147_483_647] },
      { accountId: 1, staffId: 4, dayNumber: 20_001, figures: [1, 2, null, null] },
    ]);
    expect([...window.drain(10)]).toEqual([
      [
        { accountId: 1, staffId: 4, dayNumber: 20_001, figures: [1, 2, null, null] },
        { accountId: 2, staffId: 5, dayNumber: 20_000, figures: [0, null, 7, 2_147_483_647] },
      ],
    ]);
  });

  it('merges runs of random rows exactly as one sort of them all would order them', () => {
    const random = new SeededRandom(11);
    const window = new ImportWindow(5000, 1);
    const all: WindowRow[] = [];
    const used = new Set<string>();
    while (all.length < 4000) {
      const run: WindowRow[] = [];
      const length = 1 + random.int(400);
      while (run.length < length && all.length + run.length < 4000) {
        const row = {
          accountId: 1 + random.int(300),
          staffId: 1,
          dayNumber: random.int(60) - 20,
          figures: [random.int(100)],
        };
        if (used.has(key(row))) continue;
        used.add(key(row));
        run.push(row);
      }
      window.addRun(run);
      all.push(...run);
    }
    expect(window.wouldOverflow(1000)).toBe(false);
    expect(window.wouldOverflow(1001)).toBe(true);
    const read = [...window.drain(333)].flat();
    expect(read.map(key)).toEqual(
      [...all].sort((a, b) => a.accountId - b.accountId || a.dayNumber - b.dayNumber).map(key),
    );
    expect(read).toEqual(expect.arrayContaining(all));
  });

  it('refuses a run that would not fit', () => {
    const window = new ImportWindow(2, 0);
    const row = (accountId: number) => ({ accountId, staffId: 1, dayNumber: 1, figures: [] });
    window.addRun([row(1)]);
    expect(() => window.addRun([row(2), row(3)])).toThrow('an import window holds 2 rows');
    expect(window.size).toBe(1);
  });
});
