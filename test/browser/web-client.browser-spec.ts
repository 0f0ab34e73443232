/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';
import type { WorldOrganisation } from './support/browser-world';

const app = useBrowserHarness();

let trust: WorldOrganisation;
let chief: StaffMember;
let comms: StaffMember;

beforeAll(async () => {
  const world = app().world;
  trust = await world.organisation();
  chief = await world.person({
    name: `Dr Amara ${world.unique()}`,
    jobTitle: 'Chief Executive',
    organisation: trust,
  });
  comms = await world.admin(trust);
});

browserTest('a person signs in, sees their own profile, and signs out', app, async (journey) => {
  const { page } = journey;
  await journey.goto('/');
  await journey.expectTitle('Find and follow NHS colleagues on social media – Staff Voices – NHS');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Staff Voices');
  await journey.expectAccessible();

  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/sign-in');
  await journey.settled();
  await journey.expectTitle('Sign in – Staff Voices – NHS');
  await journey.expectAccessible();

  await journey.signInAs(chief);
  await journey.expectTitle('My profile – Staff Voices – NHS');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(chief.displayName);
  const header = page.getByRole('banner');
  await header.getByText(chief.displayName).waitFor();
  expect(await header.getByText('Communications team').count()).toBe(0);
  expect(await header.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  const main = page.getByRole('main');
  await main.getByText('Chief Executive', { exact: true }).first().waitFor();
  await main.getByText(trust.name).first().waitFor();
  await main.getByRole('heading', { name: 'My social media accounts' }).waitFor();
  await journey.expectAccessible();

  await header.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in?signedOut=1');
  await page.getByText('You have signed out.').waitFor();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  expect(await page.getByRole('banner').getByText(chief.displayName).count()).toBe(0);
  await journey.expectAccessible();

  // signed out, the profile page sends the person to sign in (and back afterwards)
  await journey.goto('/me');
  await page.waitForURL('**/sign-in?returnTo=%2Fme');
  await journey.expectAccessible();
});

browserTest('the communications team sees its role and the admin pages', app, async (journey) => {
  const { page } = journey;
  await journey.signInAs(comms);
  const header = page.getByRole('banner');
  await header.getByText('Communications team').waitFor();

  await header.getByRole('link', { name: 'Admin' }).click();
  await page.waitForURL('**/admin');
  await journey.settled();
  await journey.expectTitle('Communications team – Staff Voices – NHS');
  await journey.expectAccessible();
});

browserTest('a member of staff cannot open the admin pages', app, async (journey) => {
  const { page } = journey;
  await journey.signInAs(chief);
  await journey.goto('/admin');
  await page.getByRole('heading', { name: 'You cannot see this page' }).waitFor();
  await journey.expectAccessible();
});

browserTest('keyboard only: skip link, visible focus, sign in with Enter', app, async (journey) => {
  const { page } = journey;
  await journey.goto('/sign-in');
  await journey.expectAccessible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await skip.isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('maincontent');

  // tab to the search box, find the person, then tab on to their button: every stop shows focus
  const tabUntil = async (isThere: (text: string, id: string) => boolean) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          id: el.id,
          text: el.textContent ?? '',
          visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        };
      });
      expect(focus.visible).toBe(true);
      if (isThere(focus.text, focus.id)) return;
    }
    throw new Error('Tabbing never reached the control');
  };
  await tabUntil((_, id) => id === 'person-search');
  await page.keyboard.type(comms.displayName);
  await page.keyboard.press('Enter');
  await page
    .getByRole('status')
    .getByText(/found for/)
    .waitFor();
  await tabUntil((text) => text.includes(`Sign in as ${comms.displayName}`));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/me');
  await journey.settled();
  await page.getByRole('banner').getByText(comms.displayName).waitFor();
  await journey.expectAccessible();
});

// long names, handles and links, on every page, in two halves so each stays well inside its time
const NARROW_PAGES: ((p: { colleague: StaffMember; slug: string }) => string[])[] = [
  ({ colleague }) => [
    '/',
    '/me',
    '/me/edit',
    '/me/accounts/add',
    '/guidance',
    `/directory?q=${encodeURIComponent(colleague.displayName)}`,
    `/people/${colleague.id}`,
    `/people/${colleague.id}/followers`,
    '/leaders',
  ],
  ({ slug }) => [
    '/communities',
    `/communities/${slug}`,
    `/follow-packs/community/${slug}`,
    '/admin',
    '/admin/communities',
    `/admin/communities/${slug}/edit`,
    `/admin/communities/${slug}/members`,
    '/admin/leaders',
    '/admin/guidance',
  ],
];

for (const width of [320, 375]) {
  NARROW_PAGES.forEach((pagesOf, half) => {
    browserTest(
      `every page works ${width} px wide without scrolling sideways (${half + 1} of 2)`,
      app,
      async (journey) => {
        const { page } = journey;
        const world = app().world;
        const place = await world.organisation({ departments: ['Estates'], sites: ['North Wing'] });
        const admin = await world.admin(place);
        const colleague = await world.person({
          organisation: place,
          department: 'Estates',
          site: 'North Wing',
          name: `Bartholomew-Fitzwilliam ${world.unique()} Montgomery-Smythe`,
          bio: 'A very long link https://example.org/a/very/long/path/that/does/not/break/easily/at/all',
          accounts: [
            {
              platform: 'MASTODON',
              handle: `averyveryverylongname${world.unique().toLowerCase()}@mastodon.social`,
            },
          ],
        });
        await world.follow(colleague, admin);
        await world.leader(colleague, 'Director of Estates and Facilities Management');
        const community = await world.community({ organisation: place, members: [colleague] });
        const noSidewaysScroll = async (path: string) => {
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          if (scrollWidth > clientWidth) {
            throw new Error(
              `${path} scrolls sideways at ${width} px (${scrollWidth} > ${clientWidth})`,
            );
          }
        };
        const signedOut =
          half === 0 ? ['/', '/sign-in', '/no/such/page', '/about', '/privacy'] : [];
        for (const path of signedOut) {
          await journey.goto(path);
          await noSidewaysScroll(path);
          await journey.expectAccessible();
        }
        await journey.signInAs(admin);
        for (const path of pagesOf({ colleague, slug: community.slug })) {
          await journey.goto(path);
          await noSidewaysScroll(path);
          await journey.expectAccessible();
        }
      },
      { width, height: 700 },
    );
  });
}

browserTest('a session the server refuses sends the person to sign in', app, async (journey) => {
  const { page } = journey;
  await journey.goto('/');
  await journey.expectAccessible();
  await page.evaluate(() =>
    localStorage.setItem(
      'staff-voices.dev-session',
      JSON.stringify({ accessToken: 'not-a-real-token', expiresAt: Date.now() + 3_600_000 }),
    ),
  );
  await journey.goto('/me');
  await page.waitForURL(/\/sign-in\?returnTo=%2Fme&expired=1$/);
  await page.getByText('Your session has ended. Sign in again to carry on.').waitFor();
  await journey.expectAccessible();

  // signing in again returns to the page the person asked for
  await journey.signInAs(chief);
});

browserTest(
  'a failed request shows an NHS error summary, not a blank page',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(chief);

    // the network drops (the outside world), then the person reloads the page
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await journey.goto('/me');
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await summary.getByText('Staff Voices could not be reached').waitFor();
    await journey.expectTitle('Error: My profile – Staff Voices – NHS');
    await journey.expectAccessible();

    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(chief.displayName) }).waitFor();
    await journey.expectAccessible();
  },
);

browserTest('an unknown address shows "Page not found"', app, async (journey) => {
  const { page } = journey;
  await journey.goto('/no/such/page');
  await journey.expectTitle('Page not found – Staff Voices – NHS');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await journey.expectAccessible();
});

describe('the server serves the web client', () => {
  it('answers deep links with the app and keeps its own paths', async () => {
    const http = () => app().app.http();
    for (const path of ['/', '/me', '/people/12', '/communities/3/members']) {
      const res = await http().get(path).set('Accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<div id="root">');
    }
    const api = await http().get('/api/no-such-endpoint');
    expect(api.status).toBe(404);
    expect(api.text).not.toContain('<div id="root">');
    const health = await http().get('/health');
    expect(health.status).toBe(200);
    expect(health.text).not.toContain('<div id="root">');
  });
});

browserTest(
  'phone, keyboard only: Escape closes the More menu and leaves focus on its button',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(chief);
    const toggle = page.locator('.nhsuk-header__menu-toggle');
    await toggle.waitFor();
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => !!document.activeElement?.closest('.nhsuk-header__menu-list')),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      await page.evaluate(() =>
        document.activeElement?.classList.contains('nhsuk-header__menu-toggle'),
      ),
    ).toBe(true);
    await journey.expectAccessible();
  },
  { width: 375, height: 740 },
);

browserTest(
  'signed in, the home page starts with where I stand and who to follow',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const newTrust = await world.organisation({ guidance: true, departments: ['Theatres'] });
    const newcomer = await world.person({
      organisation: newTrust,
      department: 'Theatres',
      listed: false,
    });
    await world.person({ organisation: newTrust, department: 'Theatres' });
    await journey.signInAs(newcomer);
    await journey.goto('/');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: `Hello, ${newcomer.displayName}` }).waitFor();
    await main.getByText('Colleagues cannot find you in the directory yet').waitFor();
    await main.getByRole('link', { name: 'Read and accept the social media guidance' }).waitFor();
    await main.getByText('You have not added any social media accounts yet').waitFor();
    await main.getByRole('link', { name: 'Add a social media account' }).waitFor();
    await main.getByRole('heading', { name: 'People you might follow' }).waitFor();
    expect(await main.getByText('We trust our staff with patients’ lives').count()).toBe(0);
    await journey.expectAccessible();

    // once listed with an account, it says so
    await world.account(newcomer, { platform: 'X', handle: `n${world.unique().toLowerCase()}` });
    await main.getByRole('link', { name: 'Read and accept the social media guidance' }).click();
    await page.waitForURL('**/guidance');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByLabel('I have read the guidance and will follow it').check();
    await main.getByRole('button', { name: 'Accept and join the directory' }).click();
    await page.waitForURL('**/me');
    await journey.goto('/');
    await main.getByText('Colleagues can find you in the directory').waitFor();
    await main.getByText('1 social media account').waitFor();
    await journey.expectAccessible();
  },
);

browserTest('the footer leads to the about page and the privacy notice', app, async (journey) => {
  const { page } = journey;
  await journey.goto('/');
  await journey.expectAccessible();
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('link', { name: 'About Staff Voices' }).click();
  await page.waitForURL('**/about');
  await journey.settled();
  await journey.expectTitle('About Staff Voices – Staff Voices – NHS');
  await journey.expectAccessible();
  await footer.getByRole('link', { name: 'Privacy notice' }).click();
  await page.waitForURL('**/privacy');
  await journey.settled();
  await journey.expectTitle('Privacy notice – Staff Voices – NHS');
  const main = page.getByRole('main');
  for (const heading of [
    'What we hold about you',
    'Who can see it',
    'Getting a copy, and erasing it',
  ]) {
    await main.getByRole('heading', { name: heading }).waitFor();
  }
  await journey.expectAccessible();
});
