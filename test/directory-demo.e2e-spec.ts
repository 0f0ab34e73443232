import { seedDemoDataIfEmpty } from '../src/seed/seed-demo-data';
import { DEMO_GUIDANCE } from '../src/seed/seed-guidance';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';

const SEARCH = `query($search: String) {
  staff(first: 5, filter: { search: $search }) {
    totalCount
    edges { node { displayName jobTitle accounts { platform handle } } }
  }
}`;

describe('directory on the demo data', () => {
  let t: TestApp;
  let viewer: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDataIfEmpty(t.app);
    viewer = await t.dataSource
      .getRepository(StaffMember)
      .findOneByOrFail({ userName: 'priya.shah@riverside.nhs.uk' });
  });
  afterAll(() => t.close());

  const first = async (search: string) => {
    const res = await t.gql(SEARCH, { search }, viewer);
    expect(res.errors).toBeUndefined();
    return res.data!.staff.edges[0]?.node;
  };

  it('answers by name, job title and handle', async () => {
    expect(await first('amara okaf')).toMatchObject({ displayName: 'Dr Amara Okafor' });
    expect(await first('director of comm')).toMatchObject({ displayName: 'Tom Whitfield' });
    const handle = (await first('tom whitfield')).accounts.find(
      (account: { platform: string }) => account.platform === 'X',
    ).handle;
    expect(await first(handle)).toMatchObject({ displayName: 'Tom Whitfield' });
  });

  it('carries the trust’s guidance, accepted by almost everyone, so a few are not listed', async () => {
    const res = await t.gql(`{ guidance { current { version title } accepted } }`, {}, viewer);
    expect(res.data!.guidance).toEqual({
      current: { version: 1, title: DEMO_GUIDANCE.title },
      accepted: true,
    });
    const [{ total, listed }] = await t.dataSource.query(
      `SELECT COUNT(*) AS total, SUM(CASE WHEN listed = true THEN 1 ELSE 0 END) AS listed
       FROM staff_members WHERE organisation_id = (SELECT id FROM organisations WHERE ods_code = 'RX1')`,
    );
    const unlisted = Number(total) - Number(listed);
    expect(unlisted).toBeGreaterThan(0);
    expect(unlisted).toBeLessThan(Number(total) * 0.1);
    const everyone = await t.gql(`{ staff { totalCount } }`, {}, viewer);
    expect(everyone.data!.staff.totalCount).toBeGreaterThan(250);
  });
});
