/// <reference lib="dom" />
// (page.evaluate() callbacks run in the browser)
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';
import type { WorldOrganisation } from './support/browser-world';

const app = useBrowserHarness();

let viewer: StaffMember;
let trust: WorldOrganisation;
/** A word in the job title of 25 people: a search for it fills two pages. */
let team: string;
let community: { id: string; name: string };
let follower: StaffMember;

beforeAll(async () => {
  const world = app().world;
  trust = await world.organisation({
    sites: ['Riverside General Hospital', 'Northfield Clinic'],
    departments: ['Cardiology', 'Pharmacy'],
  });
  team = world.unique();
  const people: StaffMember[] = [];
  for (let i = 0; i < 25; i++) {
    people.push(
      await world.person({
        organisation: trust,
        jobTitle: `${team} Porter`,
        department: i % 2 ? 'Cardiology' : 'Pharmacy',
      }),
    );
  }
  community = await world.community({ members: people.slice(0, 5) });
  viewer = await world.person({ organisation: trust });
  follower = people[0];
  await world.follow(follower, viewer);
});

const activeElement = (journey: { page: import('playwright-core').Page }) =>
  journey.page.evaluate(() => ({
    id: document.activeElement?.id ?? '',
    tag: document.activeElement?.tagName ?? '',
    text: document.activeElement?.textContent ?? '',
  }));

browserTest(
  'keyboard only: search keeps focus in the box, results are a few Tabs away, Next lands on page 2',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    await journey.goto('/directory');
    await journey.expectAccessible();
    const main = page.getByRole('main');

    await main.getByLabel('Search the directory').focus();
    await page.keyboard.type(team);
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await main.locator('#results-heading', { hasText: '25 people' }).waitFor();
    expect((await activeElement(journey)).id).toBe('q');
    await journey.expectAccessible();

    // from the search box to the first result: the button, the filters (and sort), then the result
    let presses = 0;
    while (presses < 8) {
      await page.keyboard.press('Tab');
      presses += 1;
      const inCard = await page.evaluate(
        () => !!document.activeElement?.closest('.app-staff-card__name'),
      );
      if (inCard) break;
    }
    expect(presses).toBeLessThanOrEqual(4);

    // on to Next, with the keyboard
    for (let i = 0; i < 200; i++) {
      const focus = await activeElement(journey);
      if (focus.tag === 'A' && /^Next/.test(focus.text.trim())) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/after=/);
    await main.locator('.app-staff-card').first().waitFor();
    await journey.expectTitle(`Directory: ${team} (page 2 of 2) – Staff Voices – NHS`);
    expect((await activeElement(journey)).id).toBe('results-heading');
    // the results are in view, not the page's foot
    const heading = await main.locator('#results-heading').boundingBox();
    expect(heading!.y).toBeGreaterThan(-1);
    expect(heading!.y).toBeLessThan(400);
    expect(await main.locator('.app-staff-card').count()).toBe(5);
    await journey.expectAccessible();
  },
);

browserTest(
  'pagination: Previous on the left and Next on the right, each with its arrow and page',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    const main = page.getByRole('main');
    await journey.goto(`/directory?q=${team}`);
    await main.getByRole('link', { name: /Next/ }).click();
    await page.waitForURL(/after=/);
    await main.getByRole('link', { name: /Previous/ }).waitFor();
    await journey.expectAccessible();
    const previous = await main.getByRole('link', { name: /Previous/ }).boundingBox();
    const next = page.locator('.nhsuk-pagination');
    expect(await next.locator('.nhsuk-pagination-item--previous').count()).toBe(1);
    expect(await main.getByRole('link', { name: /Previous/ }).textContent()).toContain(
      'Page 1 of 2',
    );
    const box = await next.boundingBox();
    // previous sits at the left edge of the pagination; its arrow is left of its words
    expect(previous!.x - box!.x).toBeLessThan(10);
    const arrow = await main.locator('.nhsuk-pagination__link--prev svg').boundingBox();
    const title = await main
      .locator('.nhsuk-pagination__link--prev .nhsuk-pagination__title')
      .boundingBox();
    expect(arrow!.x).toBeLessThan(title!.x);

    // back to page 1: Next is on the right
    await main.getByRole('link', { name: /Previous/ }).click();
    await page.waitForURL((url) => !url.search.includes('after='));
    await journey.expectTitle(`Directory: ${team} (page 1 of 2) – Staff Voices – NHS`);
    await main.getByRole('link', { name: /Next/ }).waitFor();
    const onlyNext = await main.getByRole('link', { name: /Next/ }).boundingBox();
    const wrapper = await page.locator('.nhsuk-pagination').boundingBox();
    expect(wrapper!.x + wrapper!.width - (onlyNext!.x + onlyNext!.width)).toBeLessThan(10);
    await journey.expectAccessible();
  },
);

browserTest(
  'a search of single letters says it shows only the first matches, and Next looks further',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    const main = page.getByRole('main');
    // "p": the 25 porters (and Pharmacy): no index holds one letter, so it is checked in stretches
    await journey.goto(`/directory?q=p&organisation=${trust.id}`);
    await main.locator('#results-heading', { hasText: '20 matches so far' }).waitFor();
    await journey.expectAccessible();
    expect(await main.getByTestId('search-limited').textContent()).toBe(
      'Showing the first 20 matches; add more of the name to narrow it, or look further on the next page.',
    );
    expect(await main.locator('.app-staff-card').count()).toBe(20);

    await main.getByRole('link', { name: /Next/ }).click();
    await page.waitForURL(/after=/);
    await main.locator('#results-heading', { hasText: /matches? so far/ }).waitFor();
    await journey.expectAccessible();
    const cards = await main.locator('.app-staff-card').count();
    expect(cards).toBeGreaterThan(0);
    expect(await main.getByTestId('search-limited').textContent()).toBe(
      `Showing the next ${cards} ${cards === 1 ? 'match' : 'matches'}; add more of the name to narrow it.`,
    );
  },
);

browserTest(
  'a search that is too long says so in plain words, keeps the filters, and offers no retry',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    const main = page.getByRole('main');
    await journey.goto('/directory');
    await main.getByLabel('Search the directory').fill('a'.repeat(201));
    await main.getByRole('button', { name: 'Search', exact: true }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary
      .getByRole('link', { name: 'Enter a search of 200 characters or fewer' })
      .waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#q');
    expect(await main.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await main.getByText('Filter the results').click();
    expect(await main.getByLabel('Organisation').locator('option').count()).toBeGreaterThan(1);
    await journey.expectAccessible();
  },
);

browserTest(
  'choosing an organisation shows its sites and departments at once; filters show as tags',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    const main = page.getByRole('main');
    await journey.goto('/directory');
    await main.getByText('Filter the results').click();
    expect(await main.getByLabel('Department or team').count()).toBe(0);
    await main.getByLabel('Organisation').selectOption({ label: trust.name });
    await main.getByLabel('Department or team').selectOption({ label: 'Cardiology' });
    await main.getByLabel('Site').waitFor();
    await journey.expectAccessible();
    await main.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/department=/);
    await main.locator('#results-heading', { hasText: '12 people' }).waitFor();

    // the panel closes; what is chosen shows as tags that remove themselves
    expect(await main.locator('details.app-directory__filters').getAttribute('open')).toBeNull();
    const remove = main.getByRole('link', {
      name: 'Remove filter: Department or team: Cardiology',
    });
    await remove.waitFor();
    await journey.expectAccessible();
    await remove.click();
    await page.waitForURL((url) => !url.search.includes('department='));
    await main.getByRole('link', { name: `Remove filter: Organisation: ${trust.name}` }).waitFor();
  },
);

browserTest(
  'the directory filters by community and sorts by name; cards have Follow and Follows you',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    const main = page.getByRole('main');
    await journey.goto(`/directory?q=${team}`);
    await main.locator('#results-heading', { hasText: '25 people' }).waitFor();
    await main.getByText('Filter the results').click();
    await main.getByLabel('Member of').selectOption({ label: community.name });
    await main.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/community=/);
    await main.locator('#results-heading', { hasText: '5 people' }).waitFor();
    // each card can be followed from here, and says who follows you
    const card = main.locator('.app-staff-card', { hasText: follower.displayName });
    await card.getByText('Follows you').waitFor();
    await card.getByRole('button', { name: `Follow ${follower.displayName}` }).click();
    await card.getByRole('button', { name: `Unfollow ${follower.displayName}` }).waitFor();
    await journey.expectAccessible();

    // by name instead of best match
    await main.getByLabel('Sort by').selectOption({ label: 'Name (A to Z)' });
    await page.waitForURL(/sort=name/);
    await journey.settled();
    const names = await main.locator('.app-staff-card__name a').allTextContents();
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(5);
  },
);

browserTest(
  'sorting by surname orders the results by surname, and paging keeps that order',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(viewer);
    const main = page.getByRole('main');
    await journey.goto(`/directory?q=${team}`);
    await main.locator('#results-heading', { hasText: '25 people' }).waitFor();
    await main.getByLabel('Sort by').selectOption({ label: 'Surname (A to Z)' });
    await page.waitForURL(/sort=surname/);
    await journey.settled();
    const cardNames = () => main.locator('.app-staff-card__name a').allTextContents();
    const first = await cardNames();
    expect(first).toHaveLength(20);
    await journey.expectAccessible();

    await main.getByRole('link', { name: /^Next/ }).click();
    await page.waitForURL(/after=/);
    expect(page.url()).toMatch(/sort=surname/);
    await main.locator('#results-heading', { hasText: /page 2/ }).waitFor();
    await journey.settled();
    const second = await cardNames();
    expect(second).toHaveLength(5);
    expect(await main.getByLabel('Sort by').inputValue()).toBe('surname');

    // the last word of each name, then the whole name, case aside
    const key = (name: string) => `${name.split(' ').at(-1)!.toLowerCase()} ${name.toLowerCase()}`;
    const all = [...first, ...second];
    expect(new Set(all).size).toBe(25);
    expect(all.map(key)).toEqual(all.map(key).sort());
    await journey.expectAccessible();
  },
);
