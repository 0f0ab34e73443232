import { SeededRandom } from '../common/seeded-random';
import { segmentStarts, standInRows, summariseFigures } from './figure-segments';
import {
  CampaignTaking,
  oneFigurePerDay,
  PersonFacts,
  scoreInputsFor,
  SnapshotRow,
} from './score-inputs';
import { addDays, campaignRange, DayRange, rollingRanges, ROLLING_WINDOWS } from './windows';

const facts: PersonFacts = {
  staffId: 1,
  championRoles: 0,
  organiserRoles: 0,
  directoryConnections: 0,
  profileFieldsFilled: 0,
  guidanceAccepted: false,
  verifiedAccounts: 0,
};

/** Whole numbers below `n` from a seeded stream: the same cases on every run. */
function generator(seed: number) {
  const random = new SeededRandom(seed);
  return (n: number) => random.int(n);
}

const SOURCES = ['IMPORT', 'FETCHED', 'SELF_REPORTED'];

describe('figure segments', () => {
  it('cut at every window’s first day and the day after its last, in order, once each', () => {
    expect(
      segmentStarts([
        { from: '2026-11-26', to: '2026-12-02' },
        { from: '2026-11-19', to: '2026-11-25' },
        { from: '0000-01-01', to: '2026-12-02' },
      ]),
    ).toEqual(['0000-01-01', '2026-11-19', '2026-11-26', '2026-12-03']);
  });

  it('score every window exactly as every day’s figures do, on randomised figures', () => {
    const random = generator(20261202);
    // across a year end, a month end and the clocks changing (days are London days already)
    const todays = ['2027-01-03', '2026-03-31', '2026-10-25', '2026-12-02'];
    for (let run = 0; run < 300; run++) {
      const today = todays[run % todays.length];
      const rows: SnapshotRow[] = [];
      const accounts = 1 + random(3);
      for (let accountId = 1; accountId <= accounts; accountId++) {
        const span = 1 + random(400);
        for (let back = -2; back < span; back++) {
          if (random(4) === 0) continue; // days without a figure
          const day = addDays(today, -back);
          for (const source of SOURCES) {
            if (random(3) !== 0) continue;
            rows.push({
              accountId,
              day,
              source,
              followers: random(5000),
              posts: random(5) === 0 ? null : random(9),
              engagements: random(5) === 0 ? null : random(99),
            });
          }
        }
      }
      const taken: CampaignTaking[] = Array.from({ length: random(3) }, (_, i) => {
        const startsOn = addDays(today, -random(200));
        return { campaignId: i + 1, startsOn, endsOn: addDays(startsOn, random(60)) };
      });
      const windows: DayRange[] = ROLLING_WINDOWS.flatMap(({ days }) => {
        const { current, previous } = rollingRanges(days, today);
        return [current, previous!];
      });
      for (const c of taken) windows.push(campaignRange(c.startsOn, c.endsOn, today).current);

      const everyDay = oneFigurePerDay(rows);
      const standIns = oneFigurePerDay(
        standInRows(summariseFigures(everyDay, segmentStarts(windows))),
      );
      expect(standIns.length).toBeLessThanOrEqual(everyDay.length);
      for (const range of windows) {
        expect(scoreInputsFor(range, standIns, facts, taken, [])).toEqual(
          scoreInputsFor(range, everyDay, facts, taken, []),
        );
        expect(standIns.some((row) => row.day <= range.to)).toBe(
          everyDay.some((row) => row.day <= range.to),
        );
      }
    }
  });

  it('keep a self-reported day between two others, so the window is marked', () => {
    const day = (n: number) => addDays('2026-12-01', n);
    const rows = oneFigurePerDay([
      { accountId: 1, day: day(-3), source: 'IMPORT', followers: 5, posts: 1, engagements: 1 },
      {
        accountId: 1,
        day: day(-2),
        source: 'SELF_REPORTED',
        followers: 7,
        posts: 2,
        engagements: null,
      },
      { accountId: 1, day: day(-1), source: 'IMPORT', followers: 9, posts: null, engagements: 4 },
    ]);
    const range = { from: day(-3), to: day(0) };
    const standIns = standInRows(summariseFigures(rows, segmentStarts([range])));
    expect(standIns.map((row) => row.source)).toEqual(['IMPORT', 'SELF_REPORTED', 'IMPORT']);
    expect(scoreInputsFor(range, standIns, facts, [], [])).toMatchObject({
      followers: 9,
      followersGained: 4,
      posts: 3,
      engagements: 5,
      selfReported: true,
    });
  });
});
