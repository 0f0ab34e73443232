/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

let person: StaffMember;
let viewer: StaffMember;
let surname: string;
let handle: string;

// Someone with an account, a follow each way and a community: then they download and erase it all.
beforeAll(async () => {
  const world = app().world;
  surname = `Pemberly${world.unique().replace(/-/g, '')}`;
  handle = `pem${world.unique().replace(/-/g, '').slice(0, 10)}`;
  person = await world.person({
    name: `Rosalind ${surname}`,
    accounts: [{ platform: 'X', handle }],
  });
  viewer = await world.person();
  await world.follow(person, viewer);
  await world.follow(viewer, person);
});

browserTest(
  'a person downloads their data, erases it, and no longer appears anywhere',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(person);
    const main = page.getByRole('main');

    await main.getByRole('link', { name: 'Download or erase your data' }).click();
    await page.waitForURL('**/me/data');
    await journey.settled();
    await journey.expectTitle('Your data – Staff Voices – NHS');
    await journey.expectAccessible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: 'Download your data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^staff-voices-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data.profile.displayName).toBe(`Rosalind ${surname}`);
    expect(data.socialAccounts.map((a: { handle: string }) => a.handle)).toEqual([`@${handle}`]);
    expect(data.follows.followers.map((f: { staffId: number }) => f.staffId)).toEqual([viewer.id]);
    await main.getByText('Your data has been downloaded.').waitFor();
    await journey.expectAccessible();

    await main.getByRole('link', { name: 'Erase your data' }).click();
    await page.waitForURL('**/me/data/erase');
    await journey.settled();
    await journey.expectTitle('Erase your data – Staff Voices – NHS');
    await journey.expectAccessible();

    // anything but ERASE is refused, and nothing is erased
    await main.getByLabel('Type ERASE to confirm').fill('erase');
    await main.getByRole('button', { name: 'Erase my data' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Type ERASE in capital letters to confirm' }).waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#confirm');
    await journey.expectTitle('Error: Erase your data – Staff Voices – NHS');
    await journey.expectAccessible();

    await main.getByLabel('Type ERASE to confirm').fill('ERASE');
    await main.getByRole('button', { name: 'Erase my data' }).click();
    await page.waitForURL('**/sign-in?erased=1');
    await journey.settled();
    await main.getByText('Everything Staff Voices held about you has been erased').waitFor();
    await journey.expectAccessible();

    // a colleague finds no trace: not in the directory, not at the old profile address
    await journey.signInAs(viewer);
    await journey.goto(`/directory?q=${encodeURIComponent(surname)}`);
    await main.getByText('No one in the directory matches your search.').waitFor();
    await journey.expectAccessible();
    await journey.goto(`/directory?q=${encodeURIComponent(handle)}`);
    await main.getByText('No one in the directory matches your search.').waitFor();
    await journey.goto(`/people/${person.id}`);
    await main.getByRole('heading', { name: 'Person not found', level: 1 }).waitFor();
    await journey.expectAccessible();
    // and the counts they fed are right again
    await journey.goto(`/people/${viewer.id}`);
    await main.getByRole('link', { name: '0 followers' }).waitFor();
    await main.getByRole('link', { name: '0 following' }).waitFor();
    await journey.expectAccessible();
  },
);
