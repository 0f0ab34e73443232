/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';
import type { WorldOrganisation } from './support/browser-world';

const app = useBrowserHarness();

let trust: WorldOrganisation;
let viewer: StaffMember;
let colleague: StaffMember;

beforeAll(async () => {
  const world = app().world;
  trust = await world.organisation({
    sites: ['Riverside General Hospital'],
    departments: ['Cardiology'],
    guidance: true,
  });
  viewer = await world.person({ organisation: trust });
  colleague = await world.person({
    name: `Grace ${world.unique()}`,
    jobTitle: 'Ward Sister',
    pronouns: 'she/her',
    organisation: trust,
    site: 'Riverside General Hospital',
    department: 'Cardiology',
    bio: 'Cardiac nurse. Read my blog at https://example.org/grace and join #WeNurses on Wednesdays.',
    accounts: [
      { platform: 'X', handle: `g${world.unique().toLowerCase()}` },
      { platform: 'LINKEDIN', handle: `linkedin.com/in/grace-${world.unique().toLowerCase()}` },
    ],
  });
  await world.follow(colleague, viewer);
  await world.community({ champions: [colleague] });
  await world.leader(colleague, 'Chief Nurse');
});

const focused = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

browserTest(
  'a profile reads as a people card: who, where, tags, linked bio, follows you',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    await journey.goto(`/people/${colleague.id}`);
    await journey.expectTitle(`${colleague.displayName} – Staff Voices – NHS`);
    const card = page.locator('.app-person-header');
    await card.getByRole('heading', { level: 1, name: colleague.displayName }).waitFor();
    await card.getByText('(she/her)').waitFor();
    await card.getByText('Ward Sister').waitFor();
    await card.getByText('Cardiology, Riverside General Hospital').waitFor();
    await card.locator('.app-avatar', { hasText: 'G' }).waitFor();
    await card.getByText('Leader', { exact: true }).waitFor();
    await card.getByText('Champion', { exact: true }).waitFor();
    await card.getByText('Follows you').waitFor();
    expect(await card.locator('h1').getAttribute('dir')).toBe('auto');

    const bio = page.getByRole('main').locator('.app-bio').first();
    expect(await bio.getAttribute('dir')).toBe('auto');
    expect(
      await bio.getByRole('link', { name: 'https://example.org/grace' }).getAttribute('href'),
    ).toBe('https://example.org/grace');
    await bio.getByRole('link', { name: '#WeNurses' }).waitFor();
    await journey.expectAccessible();
  },
);

browserTest('keyboard only: Follow and Unfollow keep focus on the button', app, async (journey) => {
  const { page } = journey;
  const world = app().world;
  const someone = await world.person();
  await journey.signInAs(viewer);
  await journey.goto(`/people/${someone.id}`);
  const main = page.getByRole('main');
  // exact: a name match is otherwise a substring, and "Follow X" is inside "Unfollow X"
  const button = (label: string) =>
    main.getByRole('button', { name: `${label} ${someone.displayName}`, exact: true });
  const idle = main.locator('.app-follow__button:not([aria-disabled])');
  await button('Follow').focus();
  await page.keyboard.press('Enter');
  await button('Unfollow').waitFor();
  await idle.waitFor();
  expect(await focused(page)).toBe(`Unfollow ${someone.displayName}`);
  await page.keyboard.press('Enter');
  await button('Follow').waitFor();
  await idle.waitFor();
  expect(await focused(page)).toBe(`Follow ${someone.displayName}`);
  await journey.expectAccessible();
});

browserTest(
  'someone not listed yet and an unknown id are "Person not found", titled so',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const newcomer = await world.person({ organisation: trust, listed: false });
    await journey.signInAs(viewer);
    const main = page.getByRole('main');
    await journey.goto(`/people/${newcomer.id}`);
    await main.getByRole('heading', { level: 1, name: 'Person not found' }).waitFor();
    await journey.expectTitle('Person not found – Staff Voices – NHS');
    await main.getByText('not accepted their organisation’s social media guidance').waitFor();
    await journey.expectAccessible();

    await journey.goto('/people/99999999');
    await main.getByRole('heading', { level: 1, name: 'Person not found' }).waitFor();
    await journey.expectTitle('Person not found – Staff Voices – NHS');
    await journey.expectAccessible();
  },
);

browserTest('your name in the header leads to your profile', app, async (journey) => {
  const { page } = journey;
  await journey.signInAs(viewer);
  await page.getByRole('banner').getByRole('link', { name: viewer.displayName }).click();
  await page.waitForURL('**/me');
  await journey.settled();
  await journey.expectAccessible();
});
