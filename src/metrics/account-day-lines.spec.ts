import { AccountDayLines } from './account-day-lines';

describe('AccountDayLines', () => {
  it('answers 0 for a new (account, day) and the first line for one seen before', () => {
    const lines = new AccountDayLines();
    expect(lines.claim(7, 20_000, 2)).toBe(0);
    expect(lines.claim(7, 20_001, 3)).toBe(0);
    expect(lines.claim(8, 20_000, 4)).toBe(0);
    expect(lines.claim(7, 20_000, 5)).toBe(2);
    expect(lines.claim(7, 20_000, 6)).toBe(2);
  });

  it('keeps apart keys that a single number built from both would confuse', () => {
    const lines = new AccountDayLines();
    // before 1970 the day is negative: 2 * 65,536 - 65,536 is account 1's day 0
    expect(lines.claim(2, -65_536, 2)).toBe(0);
    expect(lines.claim(1, 0, 3)).toBe(0);
    expect(lines.claim(40_000, 0, 4)).toBe(0);
    expect(lines.claim(2, -65_536, 5)).toBe(2);
  });

  it('holds every key as it grows past its first capacity', () => {
    const lines = new AccountDayLines(4);
    let line = 2;
    for (let account = 1; account <= 300; account++) {
      for (let day = 0; day < 100; day++) expect(lines.claim(account, day, line++)).toBe(0);
    }
    line = 2;
    for (let account = 1; account <= 300; account++) {
      for (let day = 0; day < 100; day++) expect(lines.claim(account, day, 1)).toBe(line++);
    }
  });
});
