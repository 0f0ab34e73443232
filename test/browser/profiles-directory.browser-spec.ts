/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import { randomInt } from 'node:crypto';
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

const suffix = String(randomInt(100_000, 999_999));
let person: StaffMember;
let chief: StaffMember;

// A new trust publishes its guidance; one of its nurses has not accepted it yet.
beforeAll(async () => {
  const world = app().world;
  const trust = await world.organisation({ guidance: true });
  person = await world.person({
    organisation: trust,
    name: `Rosa Marsh ${suffix}`,
    jobTitle: 'Ward Sister',
    listed: false,
  });
  chief = await world.person({
    organisation: trust,
    name: `Dr Amara ${world.unique()}`,
    jobTitle: 'Chief Executive',
  });
});

browserTest(
  'accept the guidance, add X and Mastodon accounts from links, find yourself and a leader',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInWithToken(app().app.tokenFor(person), person.displayName);
    const main = page.getByRole('main');
    await main.getByText('Colleagues cannot find you in the directory yet').waitFor();
    await journey.expectAccessible();

    // the guidance: accepting without ticking is refused, with the error linked to the box
    await main.getByRole('link', { name: 'Read and accept the social media guidance' }).click();
    await page.waitForURL('**/guidance');
    await main.getByRole('heading', { name: 'Social media: a guide for our staff' }).waitFor();
    await journey.expectAccessible();
    await main.getByRole('button', { name: 'Accept and join the directory' }).click();
    await page.locator('.nhsuk-error-summary').getByText('Confirm that you have read').waitFor();
    await journey.expectTitle('Error: Social media guidance – Staff Voices – NHS');
    await journey.expectAccessible();
    await main.getByLabel('I have read the guidance and will follow it').check();
    await main.getByRole('button', { name: 'Accept and join the directory' }).click();
    await page.waitForURL('**/me');
    await main.getByText('Thank you. Colleagues can now find you in the directory.').waitFor();
    expect(await main.getByText('Colleagues cannot find you').count()).toBe(0);
    await journey.expectAccessible();

    // an X account from a pasted profile link: a bad one first, with the server's reason
    await main.getByRole('button', { name: 'Add an account' }).click();
    await page.waitForURL('**/me/accounts/add');
    await journey.expectAccessible();
    await main.getByLabel('Platform').selectOption('X');
    await main
      .getByLabel('Your handle or profile link')
      .fill('https://x.com/far_too_long_for_x_handles');
    await main.locator('.app-handle-preview__invalid').waitFor();
    await main.getByRole('button', { name: 'Add account' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#handle');
    await journey.expectAccessible();

    const xHandle = `RosaM${suffix}`;
    await main
      .getByLabel('Your handle or profile link')
      .fill(`https://twitter.com/${xHandle}?lang=en-GB`);
    await main.locator('.app-handle-preview__valid').getByText(`@${xHandle}`).waitFor();
    await journey.expectAccessible();
    await main.getByRole('button', { name: 'Add account' }).click();
    await page.waitForURL('**/me');
    await main.getByText(`X (Twitter) account @${xHandle} added`).waitFor();
    await main.locator('.app-account-list__handle', { hasText: `@${xHandle}` }).waitFor();
    await journey.expectAccessible();

    // a Mastodon account from its profile link
    await main.getByRole('button', { name: 'Add an account' }).click();
    await page.waitForURL('**/me/accounts/add');
    await main.getByLabel('Platform').selectOption('MASTODON');
    const mastodon = `rosa${suffix}`;
    await main
      .getByLabel('Your handle or profile link')
      .fill(`https://mastodon.social/@${mastodon}`);
    await main
      .locator('.app-handle-preview__valid')
      .getByText(`@${mastodon}@mastodon.social`)
      .waitFor();
    await journey.expectAccessible();
    await main.getByRole('button', { name: 'Add account' }).click();
    await page.waitForURL('**/me');
    await main
      .locator('.app-account-list__handle', { hasText: `@${mastodon}@mastodon.social` })
      .waitFor();
    await journey.expectAccessible();

    // find yourself in the directory, by name, with your accounts
    await page.getByRole('banner').getByRole('link', { name: 'Directory' }).click();
    await page.waitForURL('**/directory');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByLabel('Search the directory').fill(`Rosa Marsh ${suffix}`);
    await main.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/directory\?q=/);
    await journey.settled();
    const me = main.locator('.app-staff-card', { hasText: person.displayName });
    await me.waitFor();
    await me.getByText(`@${xHandle}`).waitFor();
    await me.getByText(`@${mastodon}@mastodon.social`).waitFor();
    await journey.expectAccessible();

    // and a leader, by job title
    await main.getByLabel('Search the directory').fill('chief executive');
    await main.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=chief/);
    await journey.settled();
    await main.getByRole('link', { name: chief.displayName }).click();
    await page.waitForURL(/\/people\/\d+$/);
    await journey.settled();
    await journey.expectTitle(`${chief.displayName} – Staff Voices – NHS`);
    await main.getByRole('heading', { name: 'Social media' }).waitFor();
    await journey.expectAccessible();
  },
);

browserTest('profile text is stored as typed and shown as text', app, async (journey) => {
  const { page } = journey;
  await journey.signInWithToken(app().app.tokenFor(person), person.displayName);
  const main = page.getByRole('main');
  await main.getByRole('link', { name: 'Change pronouns' }).click();
  await page.waitForURL('**/me/edit#pronouns');
  await journey.settled();
  await journey.expectAccessible();
  await main.getByLabel('Pronouns (optional)').fill('she/her');
  const bio = 'Ward sister <script>window.hacked = true</script> & proud';
  await main.getByLabel('About you (optional)').fill(bio);
  await main.getByRole('button', { name: 'Save your profile' }).click();
  await page.waitForURL('**/me');
  await main.getByText('Your profile has been saved').waitFor();
  await main.getByText(bio).waitFor();
  expect(await page.evaluate(() => (window as { hacked?: boolean }).hacked)).toBeUndefined();
  await journey.expectAccessible();

  // an empty name is refused before it leaves the page, the error linked to the field
  await main.getByRole('link', { name: 'Change name' }).click();
  await page.waitForURL('**/me/edit#displayName');
  await journey.settled();
  await main.getByLabel('Name', { exact: true }).fill('');
  await main.getByRole('button', { name: 'Save your profile' }).click();
  await page
    .locator('.nhsuk-error-summary')
    .getByRole('link', { name: 'Enter your name' })
    .waitFor();
  await journey.expectAccessible();
});

browserTest('change who can see an account, then remove it', app, async (journey) => {
  const { page } = journey;
  const t = app().app;
  const owner = await app().world.person({ name: `Sam Quill ${suffix}` });
  const handle = `SamQ${suffix}`;
  const added = await t.gql(
    `mutation ($input: AddSocialAccountInput!) { addSocialAccount(input: $input) { account { id } } }`,
    { input: { platform: 'X', handle } },
    owner,
  );
  expect(added.errors).toBeUndefined();
  await journey.signInWithToken(t.tokenFor(owner), owner.displayName);
  const main = page.getByRole('main');
  await journey.expectAccessible();

  await main.getByRole('link', { name: `Change X (Twitter) account @${handle}` }).click();
  await page.waitForURL(/\/me\/accounts\/\d+$/);
  await journey.settled();
  await journey.expectTitle('Change your X (Twitter) account – Staff Voices – NHS');
  await journey.expectAccessible();
  await main.getByLabel('Only me').check();
  await main.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL('**/me');
  await main.getByText('X (Twitter) account saved').waitFor();
  await main.getByText('Visible to: Only me').waitFor();
  await journey.expectAccessible();

  await main.getByRole('link', { name: `Change X (Twitter) account @${handle}` }).click();
  await page.waitForURL(/\/me\/accounts\/\d+$/);
  await journey.settled();
  await main.getByRole('link', { name: 'Remove this account' }).click();
  await page.waitForURL(/\/remove$/);
  await journey.settled();
  await journey.expectAccessible();
  await main.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.waitForURL('**/me');
  await main.getByText(`X (Twitter) account @${handle} removed`).waitFor();
  await main.getByText('You have not added any social media accounts yet.').waitFor();
  await journey.expectAccessible();
});
