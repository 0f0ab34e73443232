import { randomInt } from 'node:crypto';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

browserTest(
  'the communications team creates, archives and restores a community',
  app,
  async (journey) => {
    const { page } = journey;
    const name = `Porters Network ${randomInt(1000, 9999)}`;
    await journey.signInAs('Tom Whitfield');
    const main = page.getByRole('main');
    await page.getByRole('banner').getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL('**/admin');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Communities' }).click();
    await page.waitForURL('**/admin/communities');
    await journey.settled();
    await journey.expectAccessible();

    await main.getByRole('button', { name: 'Create a community' }).click();
    await page.waitForURL('**/admin/communities/new');
    await journey.settled();
    await main.getByRole('button', { name: 'Create community' }).click();
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: /name/ }).waitFor();
    await journey.expectAccessible();
    await main.getByLabel('Name', { exact: true }).fill(name);
    await main.getByLabel('Network', { exact: true }).check();
    await main.getByLabel('Description (optional)').fill('For porters across the trust.');
    await main.getByRole('button', { name: 'Create community' }).click();
    await page.waitForURL(/\/communities\/[a-z0-9-]+$/);
    await main.getByText(`${name} has been created`).waitFor();
    await main.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    await journey.expectAccessible();

    await journey.goto('/admin/communities');
    await main.getByRole('button', { name: `Archive ${name}` }).click();
    await main.getByRole('button', { name: `Restore ${name}` }).waitFor();
    await journey.expectAccessible();
    await main.getByRole('button', { name: `Restore ${name}` }).click();
    await main.getByRole('button', { name: `Archive ${name}` }).waitFor();
  },
);

browserTest(
  'the communications team features a leader and sets the order',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs('Tom Whitfield');
    const main = page.getByRole('main');
    await journey.goto('/directory?q=Priya%20Shah');
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Priya Shah' }).click();
    await page.waitForURL(/\/people\/\d+$/);
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Feature as a leader' }).click();
    await page.waitForURL(/\/admin\/leaders\/\d+$/);
    await journey.settled();
    await journey.expectAccessible();
    await main.getByLabel('Title').fill('Head of Digital Communications');
    await main.getByLabel('Statement (optional)').fill('Ask me how to get started.');
    await main.getByRole('button', { name: 'Feature on the leaders page' }).click();
    await page.waitForURL('**/admin/leaders');
    await main.getByText('Priya Shah is featured on the leaders page').waitFor();
    await journey.expectAccessible();

    const names = main.locator('.app-admin-row__name a');
    await names.filter({ hasText: 'Priya Shah' }).waitFor();
    expect(await names.last().textContent()).toBe('Priya Shah');
    await main.getByRole('button', { name: 'Move up Priya Shah' }).click();
    await main.getByRole('button', { name: 'Move down Priya Shah' }).waitFor();
    const order = await names.allTextContents();
    expect(order.indexOf('Priya Shah')).toBe(order.length - 2);

    await journey.goto('/leaders');
    const leaders = await main.locator('.app-leader .app-staff-card__name a').allTextContents();
    expect(leaders.indexOf('Priya Shah')).toBe(leaders.length - 2);
    await main.getByText('Head of Digital Communications').waitFor();
    await journey.expectAccessible();

    await journey.goto('/admin/leaders');
    await main.getByRole('button', { name: 'Stop featuring Priya Shah' }).click();
    await names.filter({ hasText: 'Priya Shah' }).waitFor({ state: 'detached' });
    await journey.expectAccessible();
  },
);
