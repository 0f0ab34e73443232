import { difference, rankOf, rankShifts } from './bounded-ranks';

/** Competition ranks of a board (1 + how many score higher), by entry. */
const ranksOf = (scores: number[]) => scores.map((s) => 1 + scores.filter((o) => o > s).length);

describe('bounded re-ranking', () => {
  it('shifts only the entries between the old and the new score', () => {
    // 40 -> 55: the entries scoring 40..54 move down one place, no one else
    expect(rankShifts([40], [55])).toEqual([{ from: 40, to: 55, delta: 1 }]);
    // 55 -> 40: the same range moves up
    expect(rankShifts([55], [40])).toEqual([{ from: 40, to: 55, delta: -1 }]);
    // a newcomer with 30 pushes down those below 30; a leaver with 30 pulls them up
    expect(rankShifts([], [30])).toEqual([{ from: null, to: 30, delta: 1 }]);
    expect(rankShifts([30], [])).toEqual([{ from: null, to: 30, delta: -1 }]);
    // an unchanged score moves nobody
    expect(rankShifts(...(Object.values(difference([7], [7])) as [number[], number[]]))).toEqual(
      [],
    );
  });

  it('equals ranking the whole board again, on random boards and changes', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 2000; run++) {
      const spread = 1 + random(30); // few distinct scores: many ties
      const unchanged = Array.from({ length: random(25) }, () => random(spread));
      const heldScores = Array.from({ length: random(6) }, () => random(spread));
      const freshScores = Array.from({ length: random(6) }, () => random(spread));
      const before = [...unchanged, ...heldScores];
      const beforeRanks = ranksOf(before);
      const after = [...unchanged, ...freshScores];
      const expected = ranksOf(after);

      const { departed, arrived } = difference(heldScores, freshScores);
      // the unchanged entries: their old rank plus the shift of their score's range
      const shifts = rankShifts(departed, arrived);
      const shifted = unchanged.map((s, i) => {
        const shift = shifts.find(
          (r) => (r.from === null || s >= r.from) && (r.to === null || s < r.to),
        );
        return beforeRanks[i] + (shift?.delta ?? 0);
      });
      // the changed entries: from how many scored higher before, read as the board would
      const higherBefore = (score: number) => {
        const atOrBelow = before
          .map((s, i) => ({ s, rank: beforeRanks[i] }))
          .filter((e) => e.s <= score)
          .sort((a, b) => b.s - a.s)[0];
        return atOrBelow ? atOrBelow.rank - 1 : before.length;
      };
      const placed = freshScores.map((s) => rankOf(s, higherBefore(s), departed, arrived));
      expect([...shifted, ...placed]).toEqual(expected);
    }
  });
});
