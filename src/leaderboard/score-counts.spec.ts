import {
  BoardCounts,
  CountDelta,
  countDeltas,
  CountedEntry,
  CountTotals,
  teamDeltas,
  TeamMemberEntry,
} from './score-counts';

/** Competition ranks (1 + how many score higher), by entry. */
const ranksOf = (scores: number[]) => scores.map((s) => 1 + scores.filter((o) => o > s).length);

/** A board's count rows, kept as the database keeps them: moved by deltas, empty rows dropped. */
function apply(counts: Map<number, CountDelta>, deltas: readonly CountDelta[]) {
  for (const d of deltas) {
    const row = counts.get(d.score) ?? { ...d, entries: 0, prevEntries: 0 };
    row.entries += d.entries;
    row.prevEntries += d.prevEntries;
    if (row.entries === 0 && row.prevEntries === 0) counts.delete(d.score);
    else counts.set(d.score, row);
  }
}

describe('ranks read from score counts', () => {
  it('moves two counts for one changed score, and none for an unchanged one', () => {
    const was: CountedEntry = { board: 'WEEK|nhs', score: 40, prevScore: 12 };
    expect(countDeltas([was], [{ ...was, score: 55 }])).toEqual([
      { board: 'WEEK|nhs', score: 40, entries: -1, prevEntries: 0 },
      { board: 'WEEK|nhs', score: 55, entries: 1, prevEntries: 0 },
    ]);
    expect(countDeltas([was], [{ ...was }])).toEqual([]);
  });

  it('ranks a score as 1 + the entries above it, ties sharing, from the counts at or above it', () => {
    const counts = new BoardCounts({
      rows: [
        { score: 30, entries: 2, prevEntries: 0 },
        { score: 50, entries: 1, prevEntries: 2 },
        { score: 20, entries: 3, prevEntries: 1 },
      ],
      entriesBelow: 4,
    });
    expect([50, 30, 20].map((s) => counts.rank(s))).toEqual([1, 2, 4]);
    expect(counts.prevRank(20)).toBe(3);
    expect(counts.prevRank(null)).toBeNull();
    expect(counts.size).toBe(10);
  });

  it('equals ranking the whole board again, on random boards and changes', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const spread = 1 + random(30); // few distinct scores: many ties
      const board: (CountedEntry & { id: number })[] = [];
      const counts = new Map<number, CountDelta>();
      for (let step = 0; step < 20; step++) {
        // some people leave, some arrive, some move
        const leaving = board.filter(() => random(4) === 0);
        const arriving = Array.from({ length: random(4) }, () => ({
          id: random(1_000_000),
          board: 'b',
          score: random(spread),
          prevScore: random(3) === 0 ? null : random(spread),
        }));
        const moved = leaving
          .filter(() => random(2) === 0)
          .map((e) => ({ ...e, score: random(spread) }));
        for (const e of leaving) board.splice(board.indexOf(e), 1);
        board.push(...arriving, ...moved);
        apply(counts, countDeltas(leaving, [...arriving, ...moved]));

        const read = new BoardCounts({ rows: [...counts.values()], entriesBelow: 0 });
        expect(board.map((e) => read.rank(e.score))).toEqual(ranksOf(board.map((e) => e.score)));
        const withPrevious = board.filter((e) => e.prevScore !== null);
        expect(withPrevious.map((e) => read.prevRank(e.prevScore))).toEqual(
          ranksOf(withPrevious.map((e) => e.prevScore!)),
        );
        expect(read.size).toBe(board.length);
      }
    }
  });
});

describe("the full rebuild's count totals", () => {
  it('are what countDeltas and teamDeltas give for every entry arriving at once, added in batches', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const boards = ['WEEK|nhs', 'WEEK|o:3', 'WEEK|o:3|g:NURSING', 'MONTH|nhs|leaders', 'C:2|o:1'];
    const entries: (CountedEntry & TeamMemberEntry)[] = Array.from({ length: 400 }, () => ({
      board: boards[random(boards.length)],
      score: random(30),
      prevScore: random(3) === 0 ? null : random(30),
      organisationId: random(4) === 0 ? null : 1 + random(3),
      siteId: random(4) === 0 ? null : 10 + random(5),
      departmentId: random(4) === 0 ? null : 20 + random(7),
    }));
    const totals = new CountTotals();
    for (let i = 0; i < entries.length; i += 37) totals.add(entries.slice(i, i + 37));
    expect(totals.countRows()).toEqual(countDeltas([], entries));
    expect(totals.teamRows()).toEqual(teamDeltas([], entries));
    expect(totals.boards().sort()).toEqual([...new Set(entries.map((e) => e.board))].sort());
  });
});
