/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

let holder: StaffMember;
let takenHandle: string;

beforeAll(async () => {
  const world = app().world;
  takenHandle = `taken${world.unique().toLowerCase()}`;
  holder = await world.person({ accounts: [{ platform: 'X', handle: takenHandle }] });
});

browserTest(
  '"Change" on my profile reaches the field; long text is refused in plain words, never cut',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(await app().world.person());
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Change about me' }).click();
    await page.waitForURL('**/me/edit#bio');
    await journey.settled();
    await page.waitForFunction(() => document.activeElement?.id === 'bio');
    await journey.expectAccessible();

    // a pasted name longer than allowed stays as pasted, and saving says what is wrong
    const longName = 'N'.repeat(120);
    await main.getByLabel('Name', { exact: true }).fill(longName);
    expect(await main.getByLabel('Name', { exact: true }).inputValue()).toBe(longName);
    await main.getByLabel('About you (optional)').fill('b'.repeat(1001));
    await main.getByRole('button', { name: 'Save your profile' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Name must be 100 characters or fewer' }).waitFor();
    await journey.expectTitle('Error: Change your profile – Staff Voices – NHS');
    await journey.expectAccessible();

    // the server's refusal reads the same way
    await main.getByLabel('Name', { exact: true }).fill('Nadia Long');
    await main.getByRole('button', { name: 'Save your profile' }).click();
    await summary.getByRole('link', { name: 'Bio must be 1,000 characters or fewer' }).waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#bio');
    expect(await page.getByText('must be at most').count()).toBe(0);
    await journey.expectAccessible();
  },
);

browserTest(
  'handle messages say the real problem, once, and the preview never promises a taken handle',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(await app().world.person());
    await journey.goto('/me/accounts/add');
    const main = page.getByRole('main');
    const handle = main.getByLabel('Your handle or profile link');
    const preview = main.locator('#handle-preview');

    await main.getByLabel('Platform').selectOption('X');
    await handle.fill('<script>');
    await preview
      .getByText('X handles can only have the letters A to Z, digits and underscores')
      .waitFor();

    await handle.fill(takenHandle);
    await preview
      .getByText('That X (Twitter) account is already registered in Staff Voices')
      .waitFor();
    expect(await preview.getByText('We will save this as').count()).toBe(0);

    // a free handle: the link to check it opens in a new tab, keeping this form
    await handle.fill(`free${holder.id}x`);
    const check = preview.getByRole('link', { name: /check the profile/ });
    await check.waitFor();
    expect(await check.getAttribute('target')).toBe('_blank');
    expect(await check.textContent()).toContain('opens in a new tab');

    await main.getByLabel('Platform').selectOption('YOUTUBE');
    await handle.fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const video = preview.locator('.app-handle-preview__invalid');
    await video.getByText(/YouTube video/).waitFor();
    expect(((await video.textContent()) ?? '').split(':').length).toBeLessThanOrEqual(2);

    // a link for another platform: said beside the field once, and in the summary
    await main.getByLabel('Platform').selectOption('X');
    await handle.fill('https://www.linkedin.com/in/jane-smith');
    await preview.getByText('That link is for LinkedIn, not X').waitFor();
    await main.getByRole('button', { name: 'Add account' }).click();
    await page
      .locator('.nhsuk-error-summary')
      .getByText('That link is for LinkedIn, not X')
      .waitFor();
    expect(await main.locator('form').getByText('That link is for LinkedIn, not X').count()).toBe(
      1,
    );
    await journey.expectAccessible();
  },
);

browserTest(
  'report my own figures for an account: wrong numbers are explained, and what I gave shows as self-reported',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const handle = `figures${world.unique().toLowerCase()}`;
    await journey.signInAs(await world.person({ accounts: [{ platform: 'X', handle }] }));
    await journey.goto('/me');
    const main = page.getByRole('main');
    await main
      .getByRole('link', { name: new RegExp(`Change.*${handle}`, 'i') })
      .first()
      .click();
    await page.waitForURL(/\/me\/accounts\/\d+$/);
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Report your figures' }).click();
    await page.waitForURL(/\/me\/accounts\/\d+\/figures$/);
    const figuresPath = new URL(page.url()).pathname;
    await journey.settled();
    await journey.expectTitle('Report your X (Twitter) figures – Staff Voices – NHS');
    await journey.expectAccessible();

    await main.getByLabel('Followers', { exact: true }).fill('-5');
    await main.getByLabel('Posts (optional)').fill('three');
    await main.getByRole('button', { name: 'Record these figures' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary
      .getByRole('link', { name: 'Followers must be a whole number, like 1250' })
      .waitFor();
    await summary.getByRole('link', { name: 'Posts must be a whole number, like 1250' }).waitFor();
    await journey.expectTitle('Error: Report your X (Twitter) figures – Staff Voices – NHS');
    await journey.expectAccessible();

    await main.getByLabel('Followers', { exact: true }).fill('1,250');
    await main.getByLabel('Posts (optional)').fill('3');
    await main.getByRole('button', { name: 'Record these figures' }).click();
    await page.waitForURL('**/me');
    await main.getByText('Your X (Twitter) figures have been recorded').waitFor();

    await journey.goto(figuresPath);
    const held = main.locator('.nhsuk-summary-list');
    await held.getByText('1,250').waitFor();
    await held.getByText('Self-reported').waitFor();
    await journey.expectAccessible();
  },
);
