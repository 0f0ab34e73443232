/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import { addDays, londonDay } from '../../src/metrics/london-day';
import { browserTest, type JourneyPage, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();
const today = londonDay();

/** axe at a desktop width and at a phone's. */
async function accessibleAtBothWidths(journey: JourneyPage): Promise<void> {
  await journey.page.setViewportSize({ width: 1280, height: 900 });
  await journey.expectAccessible();
  await journey.page.setViewportSize({ width: 375, height: 800 });
  await journey.expectAccessible();
  // nothing wider than a phone's screen
  expect(
    await journey.page.evaluate(() => document.documentElement.scrollWidth),
  ).toBeLessThanOrEqual(375);
  await journey.page.setViewportSize({ width: 1280, height: 900 });
}

browserTest(
  'a member of staff opts in on their profile, and from then on colleagues see them named',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const priya = await world.person({ name: `Priya ${world.unique()}`, organisation: trust });
    const colleague = await world.person({ organisation: trust });
    const board = `/leaderboard?organisation=${trust.id}`;

    // a colleague sees an anonymous entry, never her name
    const other = await app().newPage({ width: 1280, height: 900 });
    try {
      await other.signInAs(colleague);
      await other.goto(board);
      const theirs = other.page.getByRole('main');
      await theirs.getByText('Anonymous member of staff').first().waitFor();
      expect(await theirs.getByText(priya.displayName).count()).toBe(0);
      await other.expectAccessible();

      // before: she sees herself as "You", marked as shown anonymously to others
      await journey.signInAs(priya);
      const main = page.getByRole('main');
      await main.getByText(/Colleagues see you on leaderboards as an anonymous entry/).waitFor();
      await journey.goto(board);
      const mine = main.getByTestId('my-row');
      await mine.getByText('You', { exact: true }).waitFor();
      await mine.getByText('Colleagues see this as an anonymous entry').waitFor();
      await main
        .getByTestId('my-position')
        .getByText(/1st of 2/)
        .waitFor();
      await main.getByText(/named on the leaderboard only after they choose to be/).waitFor();
      await main.getByRole('heading', { name: 'How the score is worked out' }).waitFor();
      await main.getByText(/^Reach: 10 points for each tenfold of followers/).waitFor();
      await accessibleAtBothWidths(journey);

      // she opts in on her profile, where it says what it means
      await main.getByRole('link', { name: 'Choose to be named on leaderboards' }).click();
      await page.waitForURL('**/me/edit#showOnLeaderboard');
      await journey.settled();
      await main
        .getByText(/Until you say yes, colleagues see you there as an anonymous entry/)
        .waitFor();
      await journey.expectAccessible();
      await main.getByLabel('Yes, show my name, score and figures to colleagues').check();
      await main.getByRole('button', { name: 'Save your profile' }).click();
      await page.waitForURL('**/me');
      await journey.settled();
      await main
        .getByText('Colleagues see your name, score and figures on leaderboards.')
        .waitFor();
      await journey.expectAccessible();

      // after: named, for her and for her colleague
      await journey.goto(board);
      await mine.getByRole('link', { name: priya.displayName }).waitFor();
      expect(await mine.getByText('Colleagues see this as an anonymous entry').count()).toBe(0);
      await journey.expectAccessible();
      await other.goto(board);
      await theirs.getByRole('link', { name: priya.displayName }).waitFor();
      await other.expectAccessible();
      other.expectEveryVisitedPageChecked();
    } finally {
      await other.close();
    }
  },
  { width: 1280, height: 900 },
);

browserTest(
  'the leaderboard pages forward and back with the keyboard, joint ranks said as joint',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const people = [];
    // 23 alike people share rank 1: one page of 20, then 3 more
    for (let i = 0; i < 23; i++) people.push(await world.person({ organisation: trust }));
    await journey.signInAs(people[0]);
    await journey.goto(`/leaderboard?organisation=${trust.id}&window=week`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: /last 7 days \(23 people, page 1 of 2\)/ }).waitFor();
    await journey.expectTitle('Leaderboard (page 1 of 2) – Staff Voices – NHS');
    expect(await main.locator('.app-leaderboard-table').first().locator('tbody tr').count()).toBe(
      20,
    );
    await main.getByText('1 (joint)').first().waitFor();
    await accessibleAtBothWidths(journey);

    // Next, by keyboard: focus lands on the new page's heading
    const next = main.getByRole('link', { name: /Next/ });
    await next.focus();
    await page.keyboard.press('Enter');
    await main.getByRole('heading', { name: /page 2 of 2/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'board-heading');
    expect(await main.locator('.app-leaderboard-table').first().locator('tbody tr').count()).toBe(
      3,
    );
    await journey.expectTitle('Leaderboard (page 2 of 2) – Staff Voices – NHS');
    expect(await main.getByRole('link', { name: /Next/ }).count()).toBe(0);
    await accessibleAtBothWidths(journey);

    // and back
    const previous = main.getByRole('link', { name: /Previous/ });
    await previous.focus();
    await page.keyboard.press('Enter');
    await main.getByRole('heading', { name: /page 1 of 2/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'board-heading');
    expect(await main.getByRole('link', { name: /Previous/ }).count()).toBe(0);

    // another period, by keyboard too
    await main.getByRole('link', { name: 'All time' }).focus();
    await page.keyboard.press('Enter');
    await main.getByRole('heading', { name: /all time \(23 people/ }).waitFor();
    expect(await main.getByRole('link', { name: 'All time' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await journey.expectAccessible();
  },
  { width: 1280, height: 900 },
);

browserTest(
  'the live screen updates without a reload when a score changes',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const star = await world.person({
      name: `Star ${world.unique()}`,
      accounts: [{ platform: 'X', handle: `star${world.unique().toLowerCase()}` }],
    });
    await world.showOnLeaderboard(star);
    const account = await world.account(star, {
      platform: 'MASTODON',
      handle: `@star${world.unique().toLowerCase()}@mastodon.social`,
    });
    await world.figures(star, account, [
      { day: addDays(today, -3), followers: 50_000, posts: 300, engagements: 9_000 },
    ]);

    await journey.signInAs(star);
    await journey.goto('/leaderboard/live?window=month&top=20');
    const list = page.getByTestId('live-list');
    const row = list.locator('li', { hasText: star.displayName });
    await row.waitFor();
    const before = await row.textContent();
    await accessibleAtBothWidths(journey);
    // a marker a reload would wipe
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    // an import of new figures changes the score; the screen follows
    await world.figures(star, account, [
      { day: today, followers: 900_000, posts: 5_000, engagements: 400_000 },
    ]);
    await page.waitForFunction(
      ([name, text]) =>
        Array.from(document.querySelectorAll('[data-testid="live-list"] li')).some(
          (li) => li.textContent?.includes(name) && li.textContent !== text,
        ),
      [star.displayName, before ?? ''] as const,
    );
    await page
      .getByTestId('live-status')
      .getByText(/^Updated at/)
      .waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    await journey.expectAccessible();
  },
  { width: 1280, height: 900 },
);

browserTest(
  'the live screen shows one campaign’s board, or one organisation’s, named in its heading',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    const star = await world.person({ name: `Star ${world.unique()}`, organisation: trust });
    const elsewhere = await world.person({ name: `Far ${world.unique()}` });
    for (const person of [star, elsewhere]) await world.showOnLeaderboard(person);
    const campaign = await world.campaign({
      organisation: trust,
      startsOn: addDays(today, -2),
      endsOn: addDays(today, 2),
      participants: [star],
    });
    await journey.signInAs(star);
    const main = page.getByRole('main');

    // from the campaign's page to its screen
    await journey.goto(`/campaigns/${campaign.id}`);
    await main.getByRole('heading', { level: 1, name: new RegExp(campaign.name) }).waitFor();
    await journey.expectAccessible();
    await main
      .getByRole('link', { name: 'Open the live campaign leaderboard for a big screen' })
      .click();
    await page.waitForURL(`**/leaderboard/live?campaign=${campaign.id}`);
    await page
      .getByRole('heading', { level: 1 })
      .getByText(`${campaign.name} ${campaign.hashtag}`)
      .waitFor();
    const list = page.getByTestId('live-list');
    await list.locator('li', { hasText: star.displayName }).waitFor();
    expect(await list.locator('li', { hasText: elsewhere.displayName }).count()).toBe(0);
    await journey.expectTitle(
      `Live leaderboard: ${campaign.name} ${campaign.hashtag} – Staff Voices – NHS`,
    );
    await journey.expectAccessible();
    await page.getByRole('link', { name: 'Back to the campaign' }).click();
    await page.waitForURL(`**/campaigns/${campaign.id}`);
    await journey.settled();
    await journey.expectAccessible();

    // the organisation's board keeps its filter on the screen
    await journey.goto(`/leaderboard?organisation=${trust.id}`);
    await main.getByRole('heading', { level: 1, name: 'Leaderboard' }).waitFor();
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Open the live leaderboard for a big screen' }).click();
    await page.waitForURL(`**/leaderboard/live?window=month&organisation=${trust.id}`);
    await page
      .getByRole('heading', { level: 1 })
      .getByText(`${trust.name}, Last 30 days`)
      .waitFor();
    await list.locator('li', { hasText: star.displayName }).waitFor();
    expect(await list.locator('li', { hasText: elsewhere.displayName }).count()).toBe(0);
    await journey.expectAccessible();
  },
  { width: 1280, height: 900 },
);

browserTest(
  'followers over time: a chart, and a table with the same figures, self-reported ones marked',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const handle = `nadia${world.unique().toLowerCase()}`;
    const nadia = await world.person({ name: `Nadia ${world.unique()}` });
    const account = await world.account(nadia, { platform: 'X', handle });
    await world.figures(nadia, account, [
      { day: addDays(today, -30), followers: 1_200 },
      { day: addDays(today, -15), followers: 1_350 },
      { day: today, followers: 1_500, selfReported: true },
    ]);
    await journey.signInAs(await world.person());
    await journey.goto(`/people/${nadia.id}`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Followers over time' }).waitFor();
    await main.locator('.app-followers-over-time__chart svg').first().waitFor();
    await main.getByText(/Hollow dots are self-reported figures/).waitFor();

    await main.getByText('Show the figures as a table').click();
    const table = main.getByRole('table', { name: 'Followers by day' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    await table.getByRole('columnheader', { name: `X (Twitter) @${handle}` }).waitFor();
    await table.getByRole('cell', { name: '1,200', exact: true }).waitFor();
    await table.getByRole('cell', { name: '1,500 (self-reported)' }).waitFor();
    await accessibleAtBothWidths(journey);
  },
  { width: 1280, height: 900 },
);
