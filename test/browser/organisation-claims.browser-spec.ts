import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, type JourneyPage, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

/** Steps as another person, in a page of their own (each sign-in is its own browser context). */
async function as(person: StaffMember, steps: (journey: JourneyPage) => Promise<void>) {
  const journey = await app().newPage();
  try {
    await journey.signInAs(person);
    await steps(journey);
    journey.expectEveryVisitedPageChecked();
  } finally {
    await journey.close();
  }
}

browserTest(
  'a person claims an organisation, its communications team confirms it, and their profile shows it',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation({ name: `${world.unique()} NHS Trust` });
    const admin = await world.admin(trust);
    const nadia = await world.person({ name: `Nadia ${world.unique()}` });
    const main = page.getByRole('main');

    // the person chooses their organisation: it shows as unconfirmed until the team confirms it
    await journey.signInAs(nadia);
    await journey.goto('/me/organisation');
    await journey.expectAccessible();
    await main.getByLabel('Organisation', { exact: true }).selectOption({ label: trust.name });
    await main.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/me');
    await main.getByText(`waiting for ${trust.name}’s communications team`).waitFor();
    await main.getByText('Unconfirmed').waitFor();
    await journey.expectAccessible();

    // the organisation's communications team confirms them from the admin index
    await as(admin, async (team) => {
      const teamMain = team.page.getByRole('main');
      await team.goto('/admin');
      await team.expectAccessible();
      await teamMain.getByRole('link', { name: 'Confirm organisations' }).click();
      await team.page.waitForURL('**/admin/organisations');
      await team.settled();
      await teamMain.getByRole('heading', { name: nadia.displayName }).waitFor();
      await team.expectAccessible();
      // refusing without a reason says what is missing
      await teamMain.getByRole('button', { name: `Refuse ${nadia.displayName}` }).click();
      await team.page
        .locator('.nhsuk-error-summary')
        .getByRole('link', { name: 'Say why you are refusing: they will read it' })
        .waitFor();
      await team.expectAccessible();
      await teamMain.getByRole('button', { name: `Confirm ${nadia.displayName}` }).click();
      await teamMain
        .getByText(`${nadia.displayName} is confirmed as working for ${trust.name}`)
        .waitFor();
      await teamMain.getByText('Nobody is waiting for confirmation.').waitFor();
      await team.expectAccessible();
    });

    // their profile now shows the organisation, confirmed
    await journey.goto('/me');
    const organisationRow = main.locator('.nhsuk-summary-list__row', { hasText: 'Organisation' });
    await organisationRow.getByText(trust.name).waitFor();
    expect(await main.getByText('Unconfirmed').count()).toBe(0);
    await journey.expectAccessible();
  },
);

browserTest(
  'a refused organisation shows the team’s reason on My profile',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation({ name: `${world.unique()} NHS Trust` });
    const admin = await world.admin(trust);
    const sam = await world.person({ name: `Sam ${world.unique()}` });
    const main = page.getByRole('main');
    await journey.signInAs(sam);
    await journey.goto('/me/organisation');
    await journey.expectAccessible();
    await main.getByLabel('Organisation', { exact: true }).selectOption({ label: trust.name });
    await main.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/me');
    await journey.expectAccessible();

    await as(admin, async (team) => {
      const teamMain = team.page.getByRole('main');
      await team.goto('/admin/organisations');
      await team.settled();
      await teamMain
        .getByLabel(`Why you are refusing ${sam.displayName}`)
        .fill('Not on our staff list');
      await teamMain.getByRole('button', { name: `Refuse ${sam.displayName}` }).click();
      await teamMain.getByText(`${sam.displayName}’s organisation was refused`).waitFor();
      await team.expectAccessible();
    });

    await journey.goto('/me');
    await main.getByText('Not on our staff list').waitFor();
    await main.getByText(`${trust.name}’s communications team did not confirm you`).waitFor();
    await journey.expectAccessible();
  },
);
