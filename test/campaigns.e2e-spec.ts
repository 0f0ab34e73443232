import request from 'supertest';
import { addDays, londonDay } from '../src/metrics/london-day';
import { Platform } from '../src/social-accounts/platforms/platform';
import type { SocialAccount } from '../src/social-accounts/social-account.entity';
import type { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const today = londonDay();

describe('campaigns', () => {
  let t: TestApp;
  let world: World;
  let admin: StaffMember;
  let nurse: StaffMember;
  let outsider: StaffMember;
  let nurseX: SocialAccount;
  let handle: string;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    admin = await world.newAdmin({ organisationId: org.id });
    nurse = await world.newPerson({ organisationId: org.id });
    outsider = await world.newPerson({ organisationId: other.id });
    handle = `camp${world.unique().replace(/-/g, '').slice(0, 8)}`;
    nurseX = await world.newAccount(nurse, { platform: Platform.X, handle: `@${handle}` });
  });
  afterAll(() => t.close());

  const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id name hashtag startsOn endsOn nhsWide } } }`;

  it('lets the communications team create one for its organisation, audited, and refuses others', async () => {
    const input = {
      name: 'Social media week',
      hashtag: 'SMWeek',
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 3),
    };
    const made = await t.gql(CREATE, { input }, admin);
    expect(made.errors).toBeUndefined();
    expect(made.data!.createCampaign.campaign).toMatchObject({
      name: 'Social media week',
      hashtag: '#SMWeek',
      nhsWide: false,
    });
    const id = made.data!.createCampaign.campaign.id;
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE target_type = 'campaign' AND target_id = '${id}'`,
    );
    expect(audit).toEqual([{ action: 'campaign.create' }]);

    const byNurse = await t.gql(CREATE, { input }, nurse);
    expect(byNurse.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CAMPAIGN_NOT_ADMIN',
    });
    const nhsWide = await t.gql(CREATE, { input: { ...input, nhsWide: true } }, admin);
    expect(nhsWide.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const backwards = await t.gql(
      CREATE,
      { input: { ...input, endsOn: addDays(today, -9) } },
      admin,
    );
    expect(backwards.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CAMPAIGN_DATES',
      field: 'endsOn',
    });
    const badTag = await t.gql(CREATE, { input: { ...input, hashtag: '#two words' } }, admin);
    expect(badTag.errors![0].extensions).toMatchObject({ field: 'hashtag' });
  });

  it('shows a campaign to its organisation only; staff join and leave it', async () => {
    const campaign = await world.newCampaign(admin);
    const LIST = `{ campaigns(first: 100) { totalCount edges { node { id joined participantCount nhsWide organisation { id } } } } }`;
    const seen = await t.gql(LIST, {}, nurse);
    const mine = () =>
      seen.data!.campaigns.edges.find(
        (e: { node: { id: string } }) => e.node.id === String(campaign.id),
      );
    expect(mine().node).toMatchObject({
      joined: false,
      participantCount: 0,
      nhsWide: false,
      organisation: { id: String(nurse.organisationId) },
    });
    expect(
      (await t.gql(LIST, {}, outsider)).data!.campaigns.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      ),
    ).not.toContain(String(campaign.id));

    const JOIN = `mutation($input: CampaignIdInput!) { joinCampaign(input: $input) { campaign { joined participantCount } } }`;
    const joined = await t.gql(JOIN, { input: { campaignId: String(campaign.id) } }, nurse);
    expect(joined.data!.joinCampaign.campaign).toEqual({ joined: true, participantCount: 1 });
    const again = await t.gql(JOIN, { input: { campaignId: String(campaign.id) } }, nurse);
    expect(again.data!.joinCampaign.campaign).toEqual({ joined: true, participantCount: 1 });
    const outside = await t.gql(JOIN, { input: { campaignId: String(campaign.id) } }, outsider);
    expect(outside.errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CAMPAIGN_NOT_FOUND',
    });
    const left = await t.gql(
      `mutation($input: CampaignIdInput!) { leaveCampaign(input: $input) { campaign { joined participantCount } } }`,
      { input: { campaignId: String(campaign.id) } },
      nurse,
    );
    expect(left.data!.leaveCampaign.campaign).toEqual({ joined: false, participantCount: 0 });
  });

  it('imports campaign activity by CSV: rows outside its dates rejected, idempotent, admins only', async () => {
    const campaign = await world.newCampaign(
      admin,
      {
        startsOn: addDays(today, -2),
        endsOn: today,
      },
      [nurse],
    );
    const post = (body: string, as: StaffMember = admin, id: string = String(campaign.id)) =>
      request(t.app.getHttpServer())
        .post(`/api/imports/campaign-activity?campaignId=${id}`)
        .set('Authorization', `Bearer ${t.tokenFor(as)}`)
        .set('Content-Type', 'text/csv')
        .send(body);
    const csv = [
      'platform,handle,date,posts,engagements',
      `X,@${handle},${addDays(today, -1)},3,20`,
      `X,https://x.com/${handle},${today},2,11`,
      `X,@${handle},${addDays(today, -5)},1,1`,
      `X,@${handle},${addDays(today, -2)},-1,1`,
    ].join('\n');
    const res = await post(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rowsRead: 4,
      rowsAccepted: 2,
      rowsUnchanged: 0,
      rowsRejected: 2,
    });
    expect(res.body.rejected[0]).toEqual({
      line: 4,
      reason: `date ${addDays(today, -5)} is outside the campaign (${campaign.startsOn} to ${campaign.endsOn})`,
    });
    expect(res.body.rejected[1].reason).toMatch(/posts -1 is negative/);
    const rows = await t.dataSource.query(
      `SELECT day, posts, engagements FROM campaign_activity WHERE campaign_id = ${campaign.id} AND social_account_id = ${nurseX.id} ORDER BY day`,
    );
    expect(rows).toEqual([
      { day: addDays(today, -1), posts: 3, engagements: 20 },
      { day: today, posts: 2, engagements: 11 },
    ]);
    expect((await post(csv)).body).toMatchObject({ rowsAccepted: 0, rowsUnchanged: 2 });

    const report = await request(t.app.getHttpServer())
      .get(`/api/imports/metrics/${res.body.importId}`)
      .set('Authorization', `Bearer ${t.tokenFor(admin)}`);
    expect(report.body).toMatchObject({
      kind: 'CAMPAIGN_ACTIVITY',
      campaignId: campaign.id,
      rowsAccepted: 2,
    });

    const missing = await post('platform,handle,date,posts\nX,@a,2025-01-01,1\n');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ reason: 'IMPORT_MISSING_COLUMN', field: 'engagements' });
    expect((await post(csv, nurse)).status).toBe(403);
    const otherAdmin = await world.newAdmin({ organisationId: outsider.organisationId });
    expect((await post(csv, otherAdmin)).status).toBe(404);
    expect((await post(csv, admin, '999999')).status).toBe(404);
  });

  it('lets its own communications team correct it, audited; new dates re-score its board at once', async () => {
    const campaign = await world.newCampaign(
      admin,
      { startsOn: addDays(today, -2), endsOn: today },
      [nurse],
    );
    const imported = await request(t.app.getHttpServer())
      .post(`/api/imports/campaign-activity?campaignId=${campaign.id}`)
      .set('Authorization', `Bearer ${t.tokenFor(admin)}`)
      .set('Content-Type', 'text/csv')
      .send(`platform,handle,date,posts,engagements\nX,@${handle},${addDays(today, -2)},40,100\n`);
    expect(imported.body).toMatchObject({ rowsAccepted: 1 });
    const BOARD = `query($id: ID!) { leaderboard(window: CAMPAIGN, campaignId: $id, first: 5) {
      edges { node { staff { id } breakdown { component detail } } } } }`;
    const campaignPosts = async () => {
      const res = await t.gql(BOARD, { id: String(campaign.id) }, admin);
      expect(res.errors).toBeUndefined();
      const mine = res.data!.leaderboard.edges.find(
        (e: { node: { staff: { id: string } } }) => e.node.staff.id === String(nurse.id),
      );
      return mine.node.breakdown.find((p: { component: string }) => p.component === 'CAMPAIGNS')
        .detail as string;
    };
    expect(await campaignPosts()).toMatch(/40 campaign posts/);

    const UPDATE = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) {
      campaign { id name hashtag startsOn endsOn } } }`;
    const input = {
      campaignId: String(campaign.id),
      name: '  Social media week 2027 ',
      hashtag: 'SMW27',
      startsOn: addDays(today, -1),
    };
    const res = await t.gql(UPDATE, { input }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCampaign.campaign).toEqual({
      id: String(campaign.id),
      name: 'Social media week 2027',
      hashtag: '#SMW27',
      startsOn: addDays(today, -1),
      endsOn: campaign.endsOn,
    });
    // the activity of the day now outside it no longer counts on its board
    expect(await campaignPosts()).not.toMatch(/40 campaign posts/);
    const [entry] = await t.dataSource.query(
      `SELECT before_json AS before, after_json AS after FROM audit_log WHERE action = 'campaign.update' AND target_id = '${campaign.id}'`,
    );
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(parse(entry.before)).toEqual({
      name: campaign.name,
      hashtag: campaign.hashtag,
      startsOn: campaign.startsOn,
    });
    expect(parse(entry.after)).toEqual({
      name: 'Social media week 2027',
      hashtag: '#SMW27',
      startsOn: addDays(today, -1),
    });

    // refused, and nothing changed: staff, another trust's team, bad dates, a bad hashtag
    const refusals = [
      [nurse, { campaignId: String(campaign.id), name: 'Mine now' }, 'CAMPAIGN_NOT_ADMIN'],
      [
        await world.newAdmin({ organisationId: outsider.organisationId }),
        { campaignId: String(campaign.id), name: 'Ours now' },
        'CAMPAIGN_NOT_FOUND',
      ],
      [admin, { campaignId: String(campaign.id), endsOn: addDays(today, -5) }, 'CAMPAIGN_DATES'],
      [admin, { campaignId: String(campaign.id), hashtag: 'two words' }, 'CAMPAIGN_HASHTAG'],
      [admin, { campaignId: String(campaign.id), name: '   ' }, 'CAMPAIGN_NAME'],
    ] as const;
    for (const [as, refused, reason] of refusals) {
      const answer = await t.gql(UPDATE, { input: refused }, as);
      expect([reason, answer.errors?.[0].extensions?.reason]).toEqual([reason, reason]);
    }
    const [row] = await t.dataSource.query(
      `SELECT name, hashtag, starts_on AS "startsOn", ends_on AS "endsOn" FROM campaigns WHERE id = ${campaign.id}`,
    );
    expect(row).toEqual({
      name: 'Social media week 2027',
      hashtag: '#SMW27',
      startsOn: addDays(today, -1),
      endsOn: campaign.endsOn,
    });
    const entries = await t.dataSource.query(
      `SELECT id FROM audit_log WHERE action = 'campaign.update' AND target_id = '${campaign.id}'`,
    );
    expect(entries).toHaveLength(1);
  });
});
