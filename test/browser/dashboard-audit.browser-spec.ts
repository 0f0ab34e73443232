/// <reference lib="dom" />
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DashboardService } from '../../src/dashboard/dashboard.service';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

const REQUEST = `mutation($input: RequestVerificationInput!) {
  requestVerification(input: $input) { account { id } } }`;

/** A trust with a site, a nurse there with an X account, its comms team, and today's figures. */
async function trustWithFigures() {
  const world = app().world;
  const trust = await world.organisation({ sites: ['North Site'], departments: ['Theatres'] });
  const handle = `Nurse${randomInt(100000, 999999)}`;
  const nurse = await world.person({
    organisation: trust,
    site: 'North Site',
    accounts: [{ platform: 'X', handle: `@${handle}` }],
  });
  const admin = await world.admin(trust);
  await app().app.app.get(DashboardService).snapshot(trust.id);
  return { trust, nurse, admin, handle };
}

browserTest(
  'a comms admin opens the dashboard, reads a chart’s table alternative and downloads the advocates',
  app,
  async (journey) => {
    const { page } = journey;
    const { trust, nurse, admin } = await trustWithFigures();
    const main = page.getByRole('main');
    await journey.signInWithToken(app().app.tokenFor(admin), admin.displayName);
    await journey.expectAccessible();
    await journey.goto('/admin');
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL('**/admin/dashboard');
    await journey.settled();
    await main.getByRole('heading', { level: 1, name: `Dashboard: ${trust.name}` }).waitFor();
    await journey.expectTitle('Dashboard – Staff Voices – NHS');
    await journey.expectAccessible();

    // the chart is for the eye; its figures are a table anyone can read
    const platforms = main.locator('figure', { hasText: 'Accounts by platform' });
    await platforms.getByText('Show the figures as a table').click();
    const table = platforms.getByRole('table', { name: 'Accounts by platform' });
    await table.waitFor();
    const row = table.getByRole('row', { name: /X \(Twitter\)/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1', '1', '0']);
    await journey.expectAccessible();
    const sites = main.getByRole('table', { name: 'Adoption by site' });
    expect(
      await sites
        .getByRole('row', { name: /North Site/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['1', '1', '1', '100%']);

    // a newcomer at the site adds an account; counted again on request, not at the next hour
    const newcomer = await app().world.person({ organisation: trust, site: 'North Site' });
    await app().world.account(newcomer, { platform: 'MASTODON', handle: '@newcomer@nhs.social' });
    await main.getByRole('button', { name: 'Count today’s figures again' }).click();
    await main.getByText('Today’s figures have been counted again.').waitFor();
    await sites.getByRole('row', { name: 'North Site 2 2 2 100%' }).waitFor();
    expect(
      await sites
        .getByRole('row', { name: /North Site/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['2', '2', '2', '100%']);
    await journey.expectAccessible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: 'Download advocates (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^staff-voices-advocates-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('Rank,Score,Staff id,Name');
    expect(csv).toContain(nurse.displayName);
    await main.getByText('The list of advocates has been downloaded.').waitFor();
    await journey.expectAccessible();
  },
  { width: 1280, height: 900 },
);

browserTest(
  'the dashboard and the audit log work on a phone',
  app,
  async (journey) => {
    const { page } = journey;
    const { admin } = await trustWithFigures();
    const main = page.getByRole('main');
    await journey.signInWithToken(app().app.tokenFor(admin), admin.displayName);
    await journey.expectAccessible();
    await journey.goto('/admin/dashboard');
    await main.getByRole('heading', { level: 2, name: 'Adoption' }).waitFor();
    await journey.expectAccessible();
    await main.locator('figure').first().getByText('Show the figures as a table').click();
    await journey.expectAccessible();
    await journey.goto('/admin/audit-log');
    await main.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await journey.expectAccessible();
  },
  { width: 375, height: 812 },
);

browserTest(
  'a comms admin verifies an account, then filters the audit log and finds what they did',
  app,
  async (journey) => {
    const { page } = journey;
    const { nurse, admin, handle } = await trustWithFigures();
    const accounts = await app().app.gql(`{ me { accounts { id } } }`, {}, nurse);
    const accountId = accounts.data!.me.accounts[0].id;
    expect((await app().app.gql(REQUEST, { input: { accountId } }, nurse)).errors).toBeUndefined();
    const main = page.getByRole('main');
    await journey.signInWithToken(app().app.tokenFor(admin), admin.displayName);
    await journey.expectAccessible();
    await journey.goto('/admin/verification');
    await journey.expectAccessible();
    await main.getByRole('button', { name: `Verify @${handle}` }).click();
    await main.getByText(`@${handle} is verified`).waitFor();

    await journey.goto('/admin');
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/admin/audit-log');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByText('Filter the log').click();
    await main.getByLabel('Action').fill('verification.verify');
    await main.getByLabel('Only what I did').check();
    await main.getByLabel('Kind of thing changed').fill('social_account');
    await main.getByLabel('Its number').fill(String(accountId));
    await journey.expectAccessible();
    await main.getByRole('button', { name: 'Show entries' }).click();
    await page.waitForURL(/action=verification\.verify/);
    await main.getByText('1 entry matches, newest first.').waitFor();
    const entry = main.getByRole('table', { name: 'Audit log entries' }).getByRole('row').nth(1);
    await entry.getByText('verification.verify').waitFor();
    await entry.getByRole('link', { name: admin.displayName }).waitFor();
    await entry.getByText(`social_account ${accountId}`).waitFor();
    await entry.getByText('Show the change').click();
    await entry.getByText(/"verificationStatus":"VERIFIED"/).waitFor();
    await journey.expectAccessible();

    // a filter nothing matches says so
    await journey.goto('/admin/audit-log?action=no.such.action');
    await main.getByText('No entries match.').waitFor();
    await journey.expectAccessible();
  },
  { width: 1280, height: 900 },
);

browserTest(
  'a profile marks the organisation’s official accounts as official, a LinkedIn company page too',
  app,
  async (journey) => {
    const { page } = journey;
    const { trust, nurse, admin } = await trustWithFigures();
    const page_ = `trust-${randomInt(100000, 999999)}`;
    const registered = await app().app.gql(
      `mutation($input: RegisterOfficialAccountInput!) {
        registerOfficialAccount(input: $input) { officialAccount { handle } } }`,
      {
        input: {
          platform: 'LINKEDIN',
          handle: `https://www.linkedin.com/company/${page_}`,
          label: 'Our page',
        },
      },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    const colleague = await app().world.person({ organisation: trust });
    await journey.signInWithToken(app().app.tokenFor(colleague), colleague.displayName);
    await journey.expectAccessible();
    await journey.goto(`/people/${nurse.id}`);
    const main = page.getByRole('main');
    await main
      .getByRole('heading', { level: 2, name: `Official accounts of ${trust.name}` })
      .waitFor();
    const item = main.getByRole('listitem').filter({ hasText: `company/${page_}` });
    await item.getByText('Official', { exact: true }).waitFor();
    await item.getByText('Our page', { exact: false }).waitFor();
    await journey.expectAccessible();
  },
);
