/// <reference lib="dom" />
import { randomInt } from 'node:crypto';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

browserTest(
  'a person asks for verification, their comms team verifies it, and the public check says VERIFIED_STAFF',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const handle = `Nurse${randomInt(100000, 999999)}`;
    const person = await world.person({
      organisation: trust,
      jobTitle: 'Ward Sister',
      accounts: [{ platform: 'X', handle: `@${handle}` }],
    });
    const main = page.getByRole('main');

    // the person asks, and is given a code for their bio
    await journey.signInWithToken(app().app.tokenFor(person), person.displayName);
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: new RegExp(`Change .*@${handle}`) }).click();
    await page.waitForURL(/\/me\/accounts\/\d+$/);
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Get this account verified' }).click();
    await page.waitForURL(/\/verify$/);
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('button', { name: 'Ask for verification' }).click();
    await main.getByText(/^staffvoices-[A-Z2-9]{8}$/).waitFor();
    await main.getByText('Verification requested').waitFor();
    await journey.expectAccessible();

    // the communications team verifies it from the queue
    const admin = await world.admin(trust);
    await journey.signInWithToken(app().app.tokenFor(admin), admin.displayName);
    await journey.goto('/admin');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Verification requests' }).click();
    await page.waitForURL('**/admin/verification');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('button', { name: `Verify @${handle}` }).click();
    await main.getByText(`@${handle} is verified`).waitFor();
    await journey.expectAccessible();

    // and the public check, asked by anyone, vouches for it
    const res = await fetch(`${app().baseUrl}/api/verify?url=https://twitter.com/${handle}`);
    expect(await res.json()).toMatchObject({
      status: 'VERIFIED_STAFF',
      handle: `@${handle}`,
      person: { name: person.displayName, jobTitle: 'Ward Sister', organisation: trust.name },
    });
    await journey.goto('/official-accounts');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByLabel('Link to the account’s profile').fill(`x.com/${handle}`);
    await main.getByRole('button', { name: 'Check the account' }).click();
    await main.getByText('Verified member of NHS staff').waitFor();
    await journey.expectAccessible();
  },
);

browserTest(
  'a colleague reports a listing, the comms team hides it, and the reporter reads the outcome; official accounts are registered and shown',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const handle = `Odd${randomInt(100000, 999999)}`;
    const subject = await world.person({
      organisation: trust,
      accounts: [{ platform: 'X', handle: `@${handle}` }],
    });
    const reporter = await world.person();
    const main = page.getByRole('main');

    await journey.signInWithToken(app().app.tokenFor(reporter), reporter.displayName);
    await journey.settled();
    await journey.expectAccessible();
    await journey.goto(`/people/${subject.id}`);
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Report this listing' }).click();
    await page.waitForURL(/\/report$/);
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('button', { name: 'Send the report' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    await journey.expectAccessible();
    await main.getByLabel('Impersonation').check();
    await main.getByLabel('Tell us more').fill('This is not them: they told me so.');
    await main.getByRole('button', { name: 'Send the report' }).click();
    await page.waitForURL('**/me/reports');
    await main.getByText('Waiting for the communications team').waitFor();
    await journey.expectAccessible();

    const admin = await world.admin(trust);
    await journey.signInWithToken(app().app.tokenFor(admin), admin.displayName);
    await journey.goto('/admin/reports');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByLabel('Hide the account').check();
    await main.getByLabel('Note for the person who reported it').fill('Hidden while we check.');
    await main.getByRole('button', { name: `Resolve the report about @${handle}` }).click();
    await main.getByText(`The report about @${handle} is resolved`).waitFor();
    await journey.expectAccessible();

    const official = `Trust${randomInt(100000, 999999)}`;
    await journey.goto('/admin/official-accounts');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByLabel('Handle or profile link').first().fill(`https://x.com/${official}`);
    await main.getByLabel('Description (optional)').fill('News');
    await main.getByRole('button', { name: 'Register as official' }).click();
    await main.getByText(`@${official} is now official`).waitFor();
    await journey.expectAccessible();
    await journey.goto('/official-accounts');
    await journey.settled();
    await main.getByRole('link', { name: `@${official}` }).waitFor();
    await journey.expectAccessible();

    await journey.signInWithToken(app().app.tokenFor(reporter), reporter.displayName);
    await journey.goto('/me/reports');
    await journey.settled();
    await main.getByText('The account is hidden').waitFor();
    await main.getByText('Hidden while we check.').waitFor();
    await journey.expectAccessible();
  },
);
