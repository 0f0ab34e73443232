import { DEMO_DASHBOARD_DAYS } from '../src/seed/seed-dashboard';
import { seedDemoDataIfEmpty } from '../src/seed/seed-demo-data';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';

describe('demo data: the comms dashboard', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDataIfEmpty(t.app);
  });
  afterAll(() => t.close());

  it('shows the trust’s director of communications a month of adoption, its campaign and named advocates', async () => {
    const [director] = await t.dataSource.manager.find(StaffMember, {
      where: { jobTitle: 'Director of Communications' },
    });
    const res = await t.gql(
      `{ commsDashboard {
          day
          totals { people listed withAccount verifiedAccounts accounts }
          byStaffGroup { label }
          byPlatform { platform accounts }
          campaigns { name participants posts }
          history { day figures { withAccount } }
          topAdvocates(first: 5) { rank staff { displayName } }
        } }`,
      {},
      director,
    );
    expect(res.errors).toBeUndefined();
    const board = res.data!.commsDashboard;
    expect(board.history).toHaveLength(DEMO_DASHBOARD_DAYS);
    const growth = board.history.map((d: any) => d.figures.withAccount);
    expect(growth).toEqual([...growth].sort((a, b) => a - b));
    expect(growth[0]).toBeLessThan(growth[growth.length - 1]);
    expect(board.totals.people).toBeGreaterThan(200);
    expect(board.totals.withAccount).toBeGreaterThan(0);
    expect(board.byStaffGroup.length).toBeGreaterThan(3);
    expect(board.byPlatform.length).toBeGreaterThan(3);
    expect(board.campaigns[0]).toMatchObject({ participants: expect.any(Number) });
    expect(board.campaigns[0].posts).toBeGreaterThan(0);
    expect(board.topAdvocates).toHaveLength(5);
    // the trust's own team sees its people by name
    expect(board.topAdvocates.every((a: any) => a.staff !== null)).toBe(true);
  });
});
