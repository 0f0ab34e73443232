import { parse } from 'csv-parse/sync';
import { ADVOCATES_EXPORT_HEADER, NOT_NAMED } from '../src/dashboard/advocates-export.service';
import { DashboardService } from '../src/dashboard/dashboard.service';
import { addDays } from '../src/metrics/london-day';
import { Organisation } from '../src/organisations/organisation.entity';
import { Platform } from '../src/social-accounts/platforms/platform';
import { AccountVisibility } from '../src/social-accounts/social-account.entity';
import { StaffGroup } from '../src/staff/staff-group';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const FIGURES = `people listed withAccount withVerifiedAccount accounts verifiedAccounts verifiedShare accountShare`;
const DASHBOARD = /* GraphQL */ `
  query ($organisationId: ID, $from: String, $to: String) {
    commsDashboard(organisationId: $organisationId, from: $from, to: $to) {
      organisation { id }
      from
      to
      day
      totals { ${FIGURES} }
      bySite { id label figures { people withAccount } }
      byDepartment { id label figures { people withAccount } }
      byStaffGroup { staffGroup label figures { people withAccount } }
      byOrganisation { id label figures { people } }
      byPlatform { platform people accounts verifiedAccounts }
      campaigns { campaignId name participants posts engagements }
      history { day figures { people withAccount accounts } }
      topAdvocates(window: WEEK, first: 20) { rank score staff { id displayName } }
    }
  }
`;
const VERIFY = `mutation($input: VerifySocialAccountInput!) {
  verifySocialAccount(input: $input) { account { verificationStatus } }
}`;
const REQUEST = `mutation($input: RequestVerificationInput!) {
  requestVerification(input: $input) { account { id } }
}`;
const OPT_IN = `mutation { updateMyProfile(input: { showOnLeaderboard: true }) { staffMember { showOnLeaderboard } } }`;

describe('comms dashboard and advocates export', () => {
  let t: TestApp;
  let world: World;
  let dashboards: DashboardService;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    dashboards = t.app.get(DashboardService);
  });
  afterAll(() => t.close());

  const csvAs = (token: string, query = '') =>
    t.downloadText(`/api/exports/advocates${query}`, token);

  /** A trust with an admin, a site, and people with and without accounts. */
  async function trust() {
    const organisation = await world.newOrganisation();
    const place = await world.newPlace(organisation);
    const admin = await world.newAdmin({ organisationId: organisation.id });
    const tag = world.unique().replace(/-/g, '');
    const nurse = await world.newPerson({
      organisationId: organisation.id,
      siteId: place.site.id,
      departmentId: place.department.id,
      staffGroup: StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED,
      displayName: `Opted In ${tag}`,
    });
    const doctor = await world.newPerson({
      organisationId: organisation.id,
      siteId: place.site.id,
      staffGroup: StaffGroup.MEDICAL_AND_DENTAL,
      displayName: `=HYPERLINK("http://evil.example","${tag}")`,
      jobTitle: '+44 Registrar',
    });
    const noAccount = await world.newPerson({ organisationId: organisation.id });
    const hiddenOnly = await world.newPerson({ organisationId: organisation.id });
    const leaver = await world.newLeaver({ organisationId: organisation.id });
    const nurseX = await world.newAccount(nurse, { platform: Platform.X });
    await world.newAccount(doctor, { platform: Platform.X });
    await world.newAccount(doctor, {
      platform: Platform.LINKEDIN,
      handle: `in${tag.slice(0, 12)}`,
      visibility: AccountVisibility.ORGANISATION,
    });
    await world.newAccount(hiddenOnly, { visibility: AccountVisibility.ONLY_ME });
    await world.newAccount(leaver);
    expect(
      (await t.gql(REQUEST, { input: { accountId: nurseX.id } }, nurse)).errors,
    ).toBeUndefined();
    expect(
      (await t.gql(VERIFY, { input: { accountId: nurseX.id } }, admin)).errors,
    ).toBeUndefined();
    expect((await t.gql(OPT_IN, {}, nurse)).errors).toBeUndefined();
    const campaign = await world.newCampaign(admin, {}, [nurse, doctor]);
    return { organisation, place, admin, nurse, doctor, noAccount, hiddenOnly, leaver, campaign };
  }

  const dashboardOf = async (as: StaffMember, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(DASHBOARD, variables, as);
    expect(res.errors).toBeUndefined();
    return res.data!.commsDashboard;
  };

  it('counts adoption from the day’s snapshot: listed, with an account, verified, per platform, site, department, staff group', async () => {
    const { organisation, place, admin, campaign } = await trust();
    await dashboards.snapshot(organisation.id);
    const board = await dashboardOf(admin);
    expect(board.organisation).toEqual({ id: String(organisation.id) });
    expect(board.day).toBe(dashboards.today());
    // admin, nurse, doctor, no account, "only me" account; not the leaver
    expect(board.totals).toEqual({
      people: 5,
      listed: 5,
      withAccount: 2,
      withVerifiedAccount: 1,
      accounts: 3,
      verifiedAccounts: 1,
      verifiedShare: 1 / 3,
      accountShare: 2 / 5,
    });
    expect(board.byPlatform).toEqual([
      { platform: 'X', people: 2, accounts: 2, verifiedAccounts: 1 },
      { platform: 'LINKEDIN', people: 1, accounts: 1, verifiedAccounts: 0 },
    ]);
    expect(board.bySite).toEqual([
      { id: String(place.site.id), label: place.site.name, figures: { people: 2, withAccount: 2 } },
      { id: null, label: 'Not given', figures: { people: 3, withAccount: 0 } },
    ]);
    expect(board.byDepartment).toContainEqual({
      id: String(place.department.id),
      label: place.department.name,
      figures: { people: 1, withAccount: 1 },
    });
    expect(board.byStaffGroup).toContainEqual({
      staffGroup: 'MEDICAL_AND_DENTAL',
      label: 'Medical and Dental',
      figures: { people: 1, withAccount: 1 },
    });
    expect(board.byOrganisation).toEqual([]);
    expect(board.campaigns).toEqual([
      {
        campaignId: String(campaign.id),
        name: campaign.name,
        participants: 2,
        posts: 0,
        engagements: 0,
      },
    ]);
    expect(board.history).toEqual([
      { day: dashboards.today(), figures: { people: 5, withAccount: 2, accounts: 3 } },
    ]);
  });

  it('takes each day’s snapshot once: again the same day rewrites it, another day adds history', async () => {
    const { organisation, admin, noAccount } = await trust();
    const today = dashboards.today();
    const yesterday = addDays(today, -1);
    const rowsOf = async (day: string) =>
      Number(
        (
          await t.dataSource.query(
            t.dataSource.options.type === 'postgres'
              ? 'SELECT COUNT(*) AS n FROM dashboard_snapshots WHERE organisation_id = $1 AND day = $2'
              : 'SELECT COUNT(*) AS n FROM dashboard_snapshots WHERE organisation_id = ? AND day = ?',
            [organisation.id, day],
          )
        )[0].n,
      );
    await dashboards.snapshot(organisation.id, yesterday);
    await dashboards.snapshot(organisation.id, today);
    const rows = await rowsOf(today);
    expect(rows).toBeGreaterThan(0);
    // the daily job finds nothing missing today for this organisation
    await dashboards.snapshotMissing(today);
    expect(await rowsOf(today)).toBe(rows);
    await world.newAccount(noAccount, { platform: Platform.X });
    await dashboards.snapshot(organisation.id, today);
    await dashboards.snapshot(organisation.id, today);
    expect(await rowsOf(today)).toBe(rows);
    const board = await dashboardOf(admin, { from: yesterday, to: today });
    expect(board.history).toEqual([
      { day: yesterday, figures: { people: 5, withAccount: 2, accounts: 3 } },
      { day: today, figures: { people: 5, withAccount: 3, accounts: 4 } },
    ]);
    expect(board.totals.withAccount).toBe(3);
    // a range that ends yesterday shows yesterday's figures
    expect((await dashboardOf(admin, { to: yesterday })).totals.withAccount).toBe(2);
  });

  it('takes the day’s snapshot of every organisation that has none (the daily job)', async () => {
    const organisation = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: organisation.id });
    expect((await dashboardOf(admin)).day).toBeNull();
    expect(await dashboards.snapshotMissing()).toBeGreaterThanOrEqual(1);
    const board = await dashboardOf(admin);
    expect(board.day).toBe(dashboards.today());
    expect(board.totals.people).toBe(1);
    expect(await dashboards.snapshotMissing()).toBe(0);
  });

  it('shows a Comms.Admin their own organisation only; a national admin any, or NHS-wide', async () => {
    const { organisation, admin } = await trust();
    const other: Organisation = await world.newOrganisation();
    const otherAdmin = await world.newAdmin({ organisationId: other.id });
    await dashboards.snapshot(organisation.id);
    await dashboards.snapshot(other.id);

    const refused = await t.gql(DASHBOARD, { organisationId: String(organisation.id) }, otherAdmin);
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'DASHBOARD_NOT_YOUR_ORGANISATION',
    });
    const staff = await world.newPerson({ organisationId: organisation.id });
    expect((await t.gql(DASHBOARD, {}, staff)).errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'COMMS_ADMIN_REQUIRED',
    });
    // an admin whose organisation is not confirmed has no dashboard
    const unconfirmed = await world.newAdmin();
    expect((await t.gql(DASHBOARD, {}, unconfirmed)).errors![0].extensions).toMatchObject({
      reason: 'DASHBOARD_NOT_YOUR_ORGANISATION',
    });

    const national = await world.newNationalAdmin();
    const theirs = await dashboardOf(national, { organisationId: String(organisation.id) });
    expect(theirs.totals.people).toBe(5);
    const nhs = await dashboardOf(national);
    expect(nhs.organisation).toBeNull();
    expect(nhs.byOrganisation).toContainEqual({
      id: String(organisation.id),
      label: organisation.name,
      figures: { people: 5 },
    });
    expect(nhs.totals.people).toBe(
      nhs.byOrganisation.reduce((sum: number, g: any) => sum + g.figures.people, 0),
    );
    expect(nhs.bySite).toEqual([]);
    void admin;
  });

  it('counts an organisation again on request: its own team, or a national admin naming it; audited', async () => {
    const { organisation, admin, noAccount } = await trust();
    const REFRESH = `mutation($input: RefreshCommsDashboardInput!) {
      refreshCommsDashboard(input: $input) { organisationId day } }`;
    await dashboards.snapshot(organisation.id);
    expect((await dashboardOf(admin)).totals.withAccount).toBe(2);
    await world.newAccount(noAccount, { platform: Platform.X });
    // the snapshot of today stands until counted again
    expect((await dashboardOf(admin)).totals.withAccount).toBe(2);

    const res = await t.gql(REFRESH, { input: {} }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.refreshCommsDashboard).toEqual({
      organisationId: String(organisation.id),
      day: dashboards.today(),
    });
    expect((await dashboardOf(admin)).totals.withAccount).toBe(3);
    const audited = await t.dataSource.query(
      `SELECT actor_id AS "actorId" FROM audit_log WHERE action = 'dashboard.refresh' AND target_id = '${organisation.id}'`,
    );
    expect(audited.map((row: { actorId: unknown }) => Number(row.actorId))).toEqual([admin.id]);

    const other = await world.newAdmin({ organisationId: (await world.newOrganisation()).id });
    const refusals = [
      [other, { organisationId: String(organisation.id) }, 'DASHBOARD_NOT_YOUR_ORGANISATION'],
      [await world.newAdmin(), {}, 'DASHBOARD_NOT_YOUR_ORGANISATION'],
      [await world.newNationalAdmin(), {}, 'DASHBOARD_NOT_YOUR_ORGANISATION'],
      [noAccount, {}, 'COMMS_ADMIN_REQUIRED'],
    ] as const;
    for (const [as, input, reason] of refusals) {
      const refused = await t.gql(REFRESH, { input }, as);
      expect([reason, refused.errors?.[0].extensions?.reason]).toEqual([reason, reason]);
    }
    const national = await world.newNationalAdmin();
    const named = await t.gql(
      REFRESH,
      { input: { organisationId: String(organisation.id) } },
      national,
    );
    expect(named.errors).toBeUndefined();
  });

  it('refuses a range that is not one', async () => {
    const { admin } = await trust();
    for (const [variables, field] of [
      [{ from: '2026-02-30' }, 'from'],
      [{ from: '2026-03-02', to: '2026-03-01' }, 'from'],
      [{ from: '2024-01-01', to: '2026-01-01' }, 'from'],
      [{ to: 'yesterday' }, 'to'],
    ] as const) {
      const res = await t.gql(DASHBOARD, variables, admin);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('names top advocates as the leaderboard does: its own comms team sees everyone, others only who opted in', async () => {
    const { organisation, admin, nurse, doctor } = await trust();
    const own = await dashboardOf(admin);
    const named = own.topAdvocates.map((a: any) => a.staff?.id);
    expect(named).toEqual(expect.arrayContaining([String(nurse.id), String(doctor.id)]));
    expect(own.topAdvocates.every((a: any) => a.staff !== null)).toBe(true);

    const national = await world.newNationalAdmin();
    const seen = await dashboardOf(national, { organisationId: String(organisation.id) });
    const ids = seen.topAdvocates.map((a: any) => a.staff?.id ?? null);
    expect(ids).toContain(String(nurse.id));
    expect(ids).not.toContain(String(doctor.id));
    expect(ids).toContain(null);
    expect(seen.topAdvocates).toHaveLength(own.topAdvocates.length);
  });

  it('exports the advocates as spreadsheet-safe CSV, with the same consent and scope', async () => {
    const { organisation, admin, nurse, doctor } = await trust();
    const res = await csvAs(t.tokenFor(admin)).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="staff-voices-advocates-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows: string[][] = parse(res.body as string, { bom: true });
    expect(rows[0]).toEqual(ADVOCATES_EXPORT_HEADER);
    const byId = (all: string[][], id: number) => {
      const row = all.find((r) => r[2] === String(id));
      return row && Object.fromEntries(ADVOCATES_EXPORT_HEADER.map((h, i) => [h, row[i]]));
    };
    const doctorRow = byId(rows, doctor.id)!;
    expect(doctorRow.Name).toMatch(/^'=HYPERLINK\(/);
    expect(doctorRow['Job title']).toBe("'+44 Registrar");
    expect(doctorRow['Staff group']).toBe('Medical and Dental');
    expect(doctorRow.Organisation).toBe(organisation.name);
    expect(byId(rows, nurse.id)!.Name).toBe(nurse.displayName);
    expect(rows.length - 1).toBe(5); // everyone listed and active in the trust
    const ranks = rows.slice(1).map((r) => Number(r[0]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    // a national admin sees the opted-in by name, the rest as places without a name
    const national = await world.newNationalAdmin();
    const theirs = await csvAs(
      t.tokenFor(national),
      `?organisationId=${organisation.id}&window=WEEK`,
    ).expect(200);
    const theirRows: string[][] = parse(theirs.body as string, { bom: true });
    expect(theirRows.length).toBe(rows.length);
    expect(byId(theirRows, nurse.id)!.Name).toBe(nurse.displayName);
    expect(byId(theirRows, doctor.id)).toBeUndefined();
    expect(theirs.body).not.toContain('HYPERLINK');
    expect(theirs.body).not.toContain('Registrar');
    expect(theirRows.filter((r) => r[3] === NOT_NAMED).length).toBe(4);

    const other = await world.newOrganisation();
    const otherAdmin = await world.newAdmin({ organisationId: other.id });
    const refused = await csvAs(t.tokenFor(otherAdmin), `?organisationId=${organisation.id}`);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body as string)).toMatchObject({
      reason: 'DASHBOARD_NOT_YOUR_ORGANISATION',
    });
    expect(refused.body).not.toContain(nurse.displayName);
    const staff = await world.newPerson({ organisationId: organisation.id });
    expect((await csvAs(t.tokenFor(staff))).status).toBe(403);
    await t.http().get('/api/exports/advocates').expect(401);
    const badWindow = await csvAs(t.tokenFor(admin), '?window=FORTNIGHT');
    expect(badWindow.status).toBe(400);
  });
});
