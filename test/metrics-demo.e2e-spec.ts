import { addDays, londonDay } from '../src/metrics/london-day';
import { seedDemoDataIfEmpty } from '../src/seed/seed-demo-data';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';

describe('demo data: metrics and the social media week', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDataIfEmpty(t.app);
  });
  afterAll(() => t.close());

  it('has 90 days of figures for the seeded accounts, some self-reported', async () => {
    const today = londonDay();
    const [days] = await t.dataSource.query(
      `SELECT COUNT(DISTINCT day) AS days, MIN(day) AS first, MAX(day) AS last FROM metric_snapshots WHERE source = 'IMPORT'`,
    );
    expect(Number(days.days)).toBe(90);
    expect(days.first).toBe(addDays(today, -89));
    expect(days.last).toBe(today);
    const [self] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM metric_snapshots WHERE source = 'SELF_REPORTED'`,
    );
    expect(Number(self.n)).toBeGreaterThan(0);
  });

  it('runs the trust’s social media week with its hashtag, people taking part', async () => {
    const [person] = await t.dataSource.manager.find(StaffMember, {
      where: { jobTitle: 'Director of Communications' },
    });
    const res = await t.gql(
      `{ campaigns(first: 10) { edges { node { name hashtag startsOn endsOn participantCount } } } }`,
      {},
      person,
    );
    expect(res.errors).toBeUndefined();
    const week = res.data!.campaigns.edges[0].node;
    expect(week).toMatchObject({ hashtag: '#NHSSocialMediaWeek' });
    expect(week.participantCount).toBeGreaterThan(10);
    const [activity] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM campaign_activity`);
    expect(Number(activity.n)).toBeGreaterThan(0);
  });
});
