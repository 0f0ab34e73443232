/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import type { Locator, Page } from 'playwright-core';
import { addDays, londonDay } from '../../src/metrics/london-day';
import { browserTest, type JourneyPage, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();
const today = londonDay();

const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** The campaign leaderboard's row for a person. */
const boardRow = (main: Locator, name: string) =>
  main.locator('table').first().locator('tbody tr', { hasText: name });

/** A figure of an import report's summary ("Rows read"). */
const reportFigure = async (main: Locator, label: string) =>
  (
    await main.locator('.nhsuk-summary-list__row', { hasText: label }).locator('dd').innerText()
  ).trim();

/** The rows of an import report's table of rejected rows. */
const rejectedRows = (main: Locator) =>
  main.locator('table', { hasText: 'Reason' }).locator('tbody tr');

/** A handle of letters only, unique to this run. */
const handleOf = (word: string) => `${word.toLowerCase()}${Date.now() % 100000}`;

async function open(journey: JourneyPage, path: string, waitFor: string | RegExp) {
  await journey.goto(path);
  await journey.page.getByRole('heading', { level: 1, name: waitFor }).waitFor();
  await journey.expectAccessible();
}

browserTest(
  'the communications team imports campaign activity with bad rows, reads every rejected row, and the campaign’s leaderboard changes',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const porterHandle = handleOf('porter');
    const nurse = await world.person({
      organisation: trust,
      name: `Aaron ${world.unique()}`,
      accounts: [{ platform: 'X', handle: `@${handleOf('nurse')}` }],
    });
    const porter = await world.person({
      organisation: trust,
      name: `Zed ${world.unique()}`,
      accounts: [{ platform: 'X', handle: `@${porterHandle}` }],
    });
    const campaign = await world.campaign({
      organisation: trust,
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 3),
      participants: [nurse, porter],
    });
    await journey.signInAs(await world.admin(trust));
    const main = page.getByRole('main');

    // the campaign from the menu: both taking part, level on points
    await page.getByRole('banner').getByRole('link', { name: 'Campaigns' }).click();
    await page.waitForURL('**/campaigns');
    await journey.settled();
    await journey.expectAccessible();
    const running = main.getByRole('region', { name: 'Running now' });
    await running.getByRole('link', { name: campaign.name }).click();
    await page.waitForURL(`**/campaigns/${campaign.id}`);
    await main.getByRole('heading', { level: 1, name: new RegExp(campaign.name) }).waitFor();
    await journey.expectAccessible();
    await main.getByText('2 people are taking part').waitFor();
    await boardRow(main, porter.displayName).getByText('1st').waitFor();
    await boardRow(main, nurse.displayName).getByText('1st').waitFor();

    // from the campaign to the import page, the campaign already chosen
    await main
      .getByRole('link', { name: 'Import this campaign’s activity from a CSV file' })
      .click();
    await page.waitForURL('**/admin/imports?campaignId=*');
    await journey.settled();
    await main.getByRole('heading', { level: 1, name: 'Import figures' }).waitFor();
    expect(await main.getByLabel('A campaign’s activity').isChecked()).toBe(true);
    expect(await main.getByLabel('Campaign', { exact: true }).inputValue()).toBe(campaign.id);
    // the documented columns, with an example
    await main.getByRole('cell', { name: 'engagements', exact: true }).waitFor();
    await main
      .getByLabel('Example file')
      .getByText('platform,handle,date,posts,engagements')
      .waitFor();
    await journey.expectAccessible();

    // no file: an NHS error summary linking to the file input
    await main.getByRole('button', { name: 'Import file' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Select a CSV file to import' }).waitFor();
    await journey.expectAccessible();
    await summary.getByRole('link', { name: 'Select a CSV file to import' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file');

    // a file saved as UTF-16 is refused with what to do about it
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('platform,handle,date,posts,engagements\r\n', 'utf16le'),
    ]);
    await main
      .getByLabel('CSV file')
      .setInputFiles({ name: 'activity.csv', mimeType: 'text/csv', buffer: utf16 });
    await main.getByRole('button', { name: 'Import file' }).click();
    await summary.getByText(/must be saved as "CSV UTF-8"/).waitFor();
    await journey.expectAccessible();

    // good rows and bad: a negative number, an unknown account, a future date, a malformed line
    const csv = [
      'platform,handle,date,posts,engagements',
      `X,@${porterHandle},${today},12,80`, // 2 kept
      `X,@${porterHandle},${addDays(today, -1)},-3,5`, // 3 negative
      `X,@nobody${porterHandle.slice(6)},${today},1,1`, // 4 no such account
      `X,@${porterHandle},${addDays(today, 1)},1,1`, // 5 in the future
      `X,"@${porterHandle},${addDays(today, -2)},1,1`, // 6 a quote never closed
      '',
    ].join('\r\n');
    await main
      .getByLabel('CSV file')
      .setInputFiles({ name: 'activity.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await main.getByRole('button', { name: 'Import file' }).click();
    await page.waitForURL(/\/admin\/imports\/\d+$/);
    await main.getByText('activity.csv has been imported').waitFor();
    await main.getByRole('heading', { level: 1, name: /Import report/ }).waitFor();
    await journey.expectAccessible();
    const figure = (label: string) => reportFigure(main, label);
    expect(await figure('Rows read')).toBe('5');
    expect(await figure('Added or changed')).toBe('1');
    expect(await figure('Rejected')).toBe('4');
    const rejected = rejectedRows(main);
    expect(await rejected.count()).toBe(4);
    const reasonOn = async (line: number) =>
      await rejected
        .filter({ has: page.getByRole('cell', { name: String(line), exact: true }) })
        .innerText();
    expect(await reasonOn(3)).toMatch(/posts -3 is negative/);
    expect(await reasonOn(4)).toMatch(/No X \(Twitter\) account/);
    expect(await reasonOn(5)).toMatch(/in the future/);
    expect(await reasonOn(6)).toMatch(/never closed/);
    const reportUrl = page.url();
    const importId = reportUrl.split('/').pop()!;
    await main.getByText(`/api/imports/metrics/${importId}`).waitFor();

    // the import is in the recent list, and its stored report reads the same from there
    await open(journey, '/admin/imports', 'Import figures');
    await main
      .locator('table', { hasText: 'Imported' })
      .getByText(/5 rows read, 1 added or changed, 4 rejected/)
      .waitFor();
    await main.getByRole('link', { name: `Report of import ${importId}` }).click();
    await page.waitForURL(`**/admin/imports/${importId}`);
    await main.getByRole('heading', { level: 1, name: /Import report/ }).waitFor();
    await journey.settled();
    expect(await main.getByText('has been imported').count()).toBe(0);
    expect(await figure('Rejected')).toBe('4');
    expect(await rejected.count()).toBe(4);
    await journey.expectAccessible();

    // the porter's posts moved them ahead on the campaign's leaderboard
    await main.getByRole('link', { name: 'See the campaign and its leaderboard' }).click();
    await page.waitForURL(`**/campaigns/${campaign.id}`);
    await journey.settled();
    await boardRow(main, porter.displayName).getByText('1st').waitFor();
    await boardRow(main, nurse.displayName).getByText('2nd').waitFor();
    expect(await boardRow(main, porter.displayName).innerText()).toMatch(/12 campaign posts/);
    await journey.expectAccessible();

    // the other new pages, at this width too
    await open(journey, '/campaigns/new', 'Create a campaign');
    await open(journey, '/admin/leaderboard-weights', 'Leaderboard weights');
  },
  { width: 1280, height: 900 },
);

browserTest(
  'the communications team imports daily figures with bad rows, reads the report, and its leaderboard changes',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const nurseHandle = handleOf('nurse');
    const porterHandle = handleOf('porter');
    const nurse = await world.person({
      organisation: trust,
      name: `Aaron ${world.unique()}`,
      accounts: [{ platform: 'X', handle: `@${nurseHandle}` }],
    });
    const porter = await world.person({
      organisation: trust,
      name: `Zed ${world.unique()}`,
      accounts: [{ platform: 'X', handle: `@${porterHandle}` }],
    });
    await journey.signInAs(await world.admin(trust));
    const main = page.getByRole('main');
    const rankOf = (name: string) =>
      main
        .locator('section[aria-labelledby="board-heading"] tbody tr', { hasText: name })
        .locator('td')
        .first()
        .innerText();

    // before: level (with the admin), both named to their own communications team
    await journey.goto(`/leaderboard?organisation=${trust.id}`);
    await main.getByRole('heading', { level: 1, name: 'Leaderboard' }).waitFor();
    await main.getByRole('heading', { level: 2, name: new RegExp(`^${trust.name}`) }).waitFor();
    expect(await rankOf(porter.displayName)).toBe('1 (joint)');
    expect(await rankOf(nurse.displayName)).toBe('1 (joint)');
    await journey.expectAccessible();

    await open(journey, '/admin/imports', 'Import figures');
    expect(await main.getByLabel('Daily figures for staff accounts').isChecked()).toBe(true);
    const csv = [
      'platform,handle,date,followers,posts,engagements',
      `X,@${porterHandle},${addDays(today, -1)},4200,30,900`, // 2 kept
      `X,${porterHandle},${today},4300,35,1000`, // 3 kept: a handle without its @ is the same
      `X,@${nurseHandle},${today},-5,1,1`, // 4 negative
      `X,@nobody${porterHandle.slice(6)},${today},10,1,1`, // 5 no such account
      `X,@${nurseHandle},${addDays(today, 2)},10,1,1`, // 6 in the future
      '',
    ].join('\n');
    await main
      .getByLabel('CSV file')
      .setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await main.getByRole('button', { name: 'Import file' }).click();
    await page.waitForURL(/\/admin\/imports\/\d+$/);
    await main.getByText('figures.csv has been imported').waitFor();
    await journey.expectAccessible();
    const figure = (label: string) => reportFigure(main, label);
    expect(await figure('Rows read')).toBe('5');
    expect(await figure('Added or changed')).toBe('2');
    expect(await figure('Rejected')).toBe('3');
    const rejected = rejectedRows(main);
    expect(await rejected.count()).toBe(3);

    // the porter's figures moved them ahead on their organisation's board
    await main.getByRole('link', { name: 'See the leaderboard' }).click();
    await page.waitForURL('**/leaderboard');
    await main.getByRole('heading', { level: 1, name: 'Leaderboard' }).waitFor();
    await journey.settled();
    await journey.expectAccessible();
    await main.getByText('Choose a board').click();
    await main.getByLabel('Organisation').selectOption({ label: trust.name });
    await main.getByRole('button', { name: 'Show this board' }).click();
    await page.waitForURL(`**/leaderboard?organisation=${trust.id}`);
    await main.getByRole('heading', { level: 2, name: new RegExp(`^${trust.name}`) }).waitFor();
    await journey.settled();
    expect(await rankOf(porter.displayName)).toBe('1');
    expect(await rankOf(nurse.displayName)).toBe('2 (joint)');
    expect(await main.getByLabel('Organisation').inputValue()).toBe(String(trust.id));
    await journey.expectAccessible();
  },
  { width: 1280, height: 900 },
);

browserTest(
  'a member of staff takes part in a campaign with the keyboard and sees themselves on its list',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const already = await world.person({ organisation: trust });
    const upcoming = await world.campaign({
      organisation: trust,
      startsOn: addDays(today, 10),
      endsOn: addDays(today, 12),
    });
    const campaign = await world.campaign({
      organisation: trust,
      startsOn: addDays(today, -1),
      endsOn: addDays(today, 5),
      participants: [already],
    });
    const nurse = await world.person({ organisation: trust });
    await journey.signInAs(nurse);
    const main = page.getByRole('main');
    await open(journey, '/campaigns', 'Campaigns');
    await main
      .getByRole('region', { name: 'Coming up' })
      .getByRole('link', { name: upcoming.name })
      .waitFor();
    await main
      .getByRole('region', { name: 'Running now' })
      .getByRole('link', { name: campaign.name })
      .click();
    await page.waitForURL(`**/campaigns/${campaign.id}`);
    await main.getByRole('heading', { level: 1, name: new RegExp(campaign.name) }).waitFor();
    await journey.expectAccessible();
    expect(await main.locator('table tbody tr', { hasText: '(you)' }).count()).toBe(0);

    // by keyboard: tab to the button and press Enter; focus lands on what replaced it
    const takePart = main.getByRole('button', { name: `Take part in ${campaign.name}` });
    await takePart.focus();
    await page.keyboard.press('Enter');
    await main.getByText('You are taking part').waitFor();
    await main.getByRole('button', { name: `Leave ${campaign.name}` }).waitFor();
    expect(await focusedText(page)).toBe(`Leave ${campaign.name}`);
    await main.getByText('2 people are taking part').waitFor();
    await boardRow(main, nurse.displayName).getByText('(you)').waitFor();
    await journey.expectAccessible();

    // the list says so too
    await open(journey, '/campaigns', 'Campaigns');
    await main
      .locator('li', { has: page.getByRole('link', { name: campaign.name }) })
      .getByText('You are taking part')
      .waitFor();

    // leaving takes them off its list
    await open(journey, `/campaigns/${campaign.id}`, new RegExp(campaign.name));
    await main.getByRole('button', { name: `Leave ${campaign.name}` }).click();
    await main.getByRole('button', { name: `Take part in ${campaign.name}` }).waitFor();
    await main.getByText('1 person is taking part').waitFor();
    expect(await boardRow(main, nurse.displayName).count()).toBe(0);
    await journey.expectAccessible();
  },
);

browserTest(
  'on a phone, the communications team creates a campaign and sets its weights, with errors in NHS style',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    await journey.signInAs(await world.admin(trust));
    const main = page.getByRole('main');
    const summary = page.locator('.nhsuk-error-summary');

    // the admin index promises only what exists
    await open(journey, '/admin', 'Communications team');
    for (const [label, heading] of [
      ['Create a campaign', 'Create a campaign'],
      ['Import figures', 'Import figures'],
      ['Leaderboard weights', 'Leaderboard weights'],
    ]) {
      await open(journey, '/admin', 'Communications team');
      await main.getByRole('link', { name: label, exact: true }).click();
      await main.getByRole('heading', { level: 1, name: heading }).waitFor();
      await journey.settled();
      await journey.expectAccessible();
    }

    // a campaign: nothing filled in, then dates the wrong way round, then right
    await open(journey, '/campaigns/new', 'Create a campaign');
    await main.getByRole('button', { name: 'Create campaign' }).click();
    await summary.getByRole('link', { name: 'Enter the campaign’s name' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the day the campaign starts' }).waitFor();
    await journey.expectTitle('Error: Create a campaign – Staff Voices – NHS');
    await journey.expectAccessible();
    const name = `Hello my name is ${world.unique()}`;
    await main.getByLabel('Name', { exact: true }).fill(name);
    await main.getByLabel('Hashtag').fill('#two words');
    const fillDay = async (field: string, day: string) => {
      const [year, month, date] = day.split('-');
      await page.locator(`#${field}-day`).fill(String(Number(date)));
      await page.locator(`#${field}-month`).fill(String(Number(month)));
      await page.locator(`#${field}-year`).fill(year);
    };
    await fillDay('startsOn', addDays(today, 2));
    await fillDay('endsOn', addDays(today, 1));
    await main.getByRole('button', { name: 'Create campaign' }).click();
    await summary.getByRole('link', { name: /Enter a hashtag of one word/ }).waitFor();
    await summary
      .getByRole('link', { name: 'The campaign must end on or after the day it starts' })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('endsOn-day');
    await journey.expectAccessible();
    await main.getByLabel('Hashtag').fill('#hellomynameis');
    await fillDay('endsOn', addDays(today, 9));
    await main.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await main.getByText(`${name} has been created`).waitFor();
    await main.getByText('#hellomynameis').waitFor();
    await main.getByText(`Staff of ${trust.name}`).waitFor();
    await main.getByText('Nobody is on this campaign’s leaderboard yet.').waitFor();
    await journey.expectAccessible();

    // a typo in the name and a day too few: corrected from the campaign's page
    const campaignUrl = page.url();
    await main.getByRole('link', { name: 'Change the campaign’s details' }).click();
    await page.waitForURL(/\/campaigns\/\d+\/edit$/);
    await main.getByRole('heading', { level: 1, name: 'Change campaign details' }).waitFor();
    expect(await main.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    expect(await main.getByLabel('Hashtag').inputValue()).toBe('#hellomynameis');
    await journey.expectTitle('Change campaign details – Staff Voices – NHS');
    await journey.expectAccessible();
    await fillDay('endsOn', addDays(today, 1));
    await main.getByRole('button', { name: 'Save changes' }).click();
    await summary
      .getByRole('link', { name: 'The campaign must end on or after the day it starts' })
      .waitFor();
    await journey.expectTitle('Error: Change campaign details – Staff Voices – NHS');
    await journey.expectAccessible();
    const corrected = `${name} 2027`;
    await main.getByLabel('Name', { exact: true }).fill(corrected);
    await fillDay('endsOn', addDays(today, 10));
    await main.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(campaignUrl);
    await main.getByText(`${corrected} has been changed`).waitFor();
    await main.getByRole('heading', { level: 1, name: new RegExp(corrected) }).waitFor();
    await journey.expectAccessible();
    await open(journey, '/campaigns', 'Campaigns');
    await main.getByRole('region', { name: 'Coming up' }).getByRole('link', { name }).waitFor();

    // daily figures: one good row, one refused, the report readable on a phone
    const handle = handleOf('nurse');
    await world.person({
      organisation: trust,
      accounts: [{ platform: 'X', handle: `@${handle}` }],
    });
    await open(journey, '/admin/imports', 'Import figures');
    expect(await main.getByLabel('Daily figures for staff accounts').isChecked()).toBe(true);
    await main
      .getByLabel('Example file')
      .getByText('platform,handle,date,followers,following,posts,engagements')
      .waitFor();
    const figures = [
      'platform,handle,date,followers,following,posts,engagements,notes',
      `X,@${handle},${today},250,40,3,12,fine`,
      `X,@${handle},${addDays(today, -1)},-5,,,,negative`,
      '',
    ].join('\n');
    await main
      .getByLabel('CSV file')
      .setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(figures) });
    await main.getByRole('button', { name: 'Import file' }).click();
    await main.getByText('figures.csv has been imported').waitFor();
    await main.getByText('followers -5 is negative: counts are 0 or more').waitFor();
    await main
      .locator('.nhsuk-summary-list__row', { hasText: 'Columns ignored' })
      .getByText('notes')
      .waitFor();
    await journey.expectAccessible();

    // weights: the documented defaults shown, a bad value refused, a good one saved
    await open(journey, '/admin/leaderboard-weights', 'Leaderboard weights');
    const growth = main.getByLabel('Growth points');
    expect(await growth.inputValue()).toBe('15');
    await main.getByText('Points for each tenfold of followers gained. Default: 15.').waitFor();
    await growth.fill('150');
    await main.getByLabel('Reach points').fill('');
    await main.getByRole('button', { name: 'Save weights' }).click();
    await summary
      .getByRole('link', { name: 'Growth: enter a whole number from 0 to 100' })
      .waitFor();
    await summary
      .getByRole('link', { name: 'Enter the points for reach, from 0 to 100' })
      .waitFor();
    await journey.expectAccessible();
    await main.getByLabel('Reach points').fill('5');
    await growth.fill('30');
    // Enter in a field sends the form
    await growth.press('Enter');
    await main.getByText('The weights have been saved').waitFor();
    expect(await main.getByLabel('Growth points').inputValue()).toBe('30');
    await main.getByText(/^Growth: 30 points for each tenfold/).waitFor();
    await journey.expectAccessible();
  },
  { width: 375, height: 800 },
);
