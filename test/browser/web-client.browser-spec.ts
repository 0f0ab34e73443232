/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

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
  await page.getByText('Tom Whitfield', { exact: true }).waitFor();
  await journey.expectAccessible();

  await page.getByRole('button', { name: 'Sign in as Dr Amara Okafor' }).click();
  await page.waitForURL('**/me');
  await journey.settled();
  await journey.expectTitle('My profile – Staff Voices – NHS');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Dr Amara Okafor');
  const header = page.getByRole('banner');
  await header.getByText('Dr Amara Okafor').waitFor();
  expect(await header.getByText('Communications team').count()).toBe(0);
  expect(await header.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  const main = page.getByRole('main');
  await main.getByText('Chief Executive', { exact: true }).waitFor();
  await main.getByText('Riverside University Hospitals NHS Foundation Trust').waitFor();
  await main.getByRole('heading', { name: 'My social media accounts' }).waitFor();
  await journey.expectAccessible();

  await header.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in?signedOut=1');
  await page.getByText('You have signed out.').waitFor();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  expect(await page.getByRole('banner').getByText('Dr Amara Okafor').count()).toBe(0);
  await journey.expectAccessible();

  // signed out, the profile page sends the person to sign in (and back afterwards)
  await journey.goto('/me');
  await page.waitForURL('**/sign-in?returnTo=%2Fme');
  await journey.expectAccessible();
});

browserTest('the communications team sees its role and the admin pages', app, async (journey) => {
  const { page } = journey;
  await journey.signInAs('Tom Whitfield');
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
  await journey.signInAs('Dr Amara Okafor');
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

  // tab through the page to Tom Whitfield's button: every stop shows where focus is
  let onButton = false;
  for (let i = 0; i < 30 && !onButton; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        text: el.textContent ?? '',
        visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    });
    expect(focus.visible).toBe(true);
    onButton = focus.text.includes('Sign in as Tom Whitfield');
  }
  expect(onButton).toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/me');
  await journey.settled();
  await page.getByRole('banner').getByText('Tom Whitfield').waitFor();
  await journey.expectAccessible();
});

browserTest(
  'works 320 px wide without scrolling sideways',
  app,
  async (journey) => {
    const { page } = journey;
    const noSidewaysScroll = async () => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    };
    for (const path of ['/', '/sign-in', '/no/such/page']) {
      await journey.goto(path);
      await noSidewaysScroll();
      await journey.expectAccessible();
    }
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('button', { name: 'Sign in as Tom Whitfield' }).click();
    await page.waitForURL('**/me');
    await journey.settled();
    await noSidewaysScroll();
    await journey.expectAccessible();
  },
  { width: 320, height: 640 },
);

browserTest('a session the server refuses sends the person to sign in', app, async (journey) => {
  const { page } = journey;
  await journey.goto('/');
  await journey.expectAccessible();
  await page.evaluate(() =>
    sessionStorage.setItem(
      'staff-voices.dev-session',
      JSON.stringify({ accessToken: 'not-a-real-token', expiresAt: Date.now() + 3_600_000 }),
    ),
  );
  await journey.goto('/me');
  await page.waitForURL(/\/sign-in\?returnTo=%2Fme&expired=1$/);
  await page.getByText('Your session has ended. Sign in again to carry on.').waitFor();
  await journey.expectAccessible();

  // signing in again returns to the page the person asked for
  await page.getByRole('button', { name: 'Sign in as Dr Amara Okafor' }).click();
  await page.waitForURL('**/me');
  await journey.settled();
  await journey.expectAccessible();
});

browserTest(
  'a failed request shows an NHS error summary, not a blank page',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs('Dr Amara Okafor');

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
    await page.getByRole('heading', { level: 1, name: /Dr Amara Okafor/ }).waitFor();
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
