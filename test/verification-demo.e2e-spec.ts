import { seedDemoDataIfEmpty } from '../src/seed/seed-demo-data';
import { createTestApp, TestApp } from './support/create-test-app';

const OFFICIAL = `{ officialAccounts(first: 10) { totalCount edges { node { platform handle organisation { odsCode } } } } }`;

describe('demo data: the trust’s official accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDataIfEmpty(t.app);
  });
  afterAll(() => t.close());

  it('lists them publicly and the public check calls them official', async () => {
    const res = await t.gql(OFFICIAL, {}, null);
    expect(res.errors).toBeUndefined();
    expect(res.data!.officialAccounts.edges.map((e: any) => e.node)).toEqual([
      { platform: 'X', handle: '@RiversideNHS', organisation: { odsCode: 'RX1' } },
      { platform: 'FACEBOOK', handle: expect.any(String), organisation: { odsCode: 'RX1' } },
      { platform: 'INSTAGRAM', handle: expect.any(String), organisation: { odsCode: 'RX1' } },
    ]);
    const check = await t
      .http()
      .get('/api/verify')
      .query({ url: 'https://twitter.com/riversidenhs' });
    expect(check.body).toMatchObject({ status: 'OFFICIAL', organisation: { odsCode: 'RX1' } });
  });
});
