import { nextRefreshPeople } from './leaderboard.service';

describe('nextRefreshPeople: a refresh chunk sized by its entries read', () => {
  it('grows at most twice a full chunk that read fast', () => {
    expect(nextRefreshPeople(100, 100, 1)).toBe(200);
    expect(nextRefreshPeople(400, 400, 1)).toBe(500);
  });

  it('shrinks to what would fit the step after a slow read', () => {
    expect(nextRefreshPeople(500, 500, 150)).toBe(50);
    expect(nextRefreshPeople(100, 100, 1_000)).toBe(25);
  });

  it('does not grow on a chunk smaller than its size (a short refresh says nothing of more)', () => {
    expect(nextRefreshPeople(100, 40, 1)).toBe(100);
    expect(nextRefreshPeople(100, 40, 30)).toBe(25);
  });
});
