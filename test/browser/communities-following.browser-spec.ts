import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

let person: StaffMember;
let mastodonAddress: string;
let community: { slug: string; name: string };

// A member of staff already follows one colleague on Mastodon; two teammates are suggested.
beforeAll(async () => {
  const world = app().world;
  const trust = await world.organisation({ departments: ['Cardiology'] });
  person = await world.person({ organisation: trust, department: 'Cardiology' });
  mastodonAddress = `maya${randomInt(100_000, 999_999)}@mastodon.social`;
  const colleague = await world.person({
    name: `Maya ${world.unique()}`,
    organisation: trust,
    accounts: [{ platform: 'MASTODON', handle: mastodonAddress }],
  });
  await world.follow(person, colleague);
  for (let i = 0; i < 2; i++) {
    await world.person({ organisation: trust, department: 'Cardiology' });
  }
  community = await world.community({ name: `${world.unique()} Nurses` });
});

browserTest(
  'join a community, follow two suggested colleagues, see them under following, download the Mastodon CSV',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(person);
    const main = page.getByRole('main');
    const header = page.getByRole('banner');

    // communities: join one
    await header.getByRole('link', { name: 'Communities' }).click();
    await page.waitForURL('**/communities');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: community.name, exact: true }).click();
    await page.waitForURL(`**/communities/${community.slug}`);
    await journey.settled();
    await journey.expectTitle(`${community.name} – Staff Voices – NHS`);
    await journey.expectAccessible();
    await main.getByRole('button', { name: `Join ${community.name}` }).click();
    await main.getByRole('link', { name: `Leave ${community.name}` }).waitFor();
    await main.locator('.app-follow__status', { hasText: 'Member' }).waitFor();
    await journey.expectAccessible();
    // leaving asks first
    await main.getByRole('link', { name: `Leave ${community.name}` }).click();
    await page.waitForURL(/\/leave$/);
    await journey.settled();
    await main.getByRole('heading', { level: 1, name: `Leave ${community.name}?` }).waitFor();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'No, stay a member' }).click();
    await page.waitForURL(`**/communities/${community.slug}`);
    await journey.settled();
    await main.getByRole('link', { name: `Leave ${community.name}` }).waitFor();

    // suggestions, each with its reason: follow the first two
    await header.getByRole('link', { name: 'Following' }).click();
    await page.waitForURL(/\/people\/\d+\/following$/);
    await journey.settled();
    const suggestions = main.locator('.app-suggestions .app-staff-card');
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBeGreaterThanOrEqual(2);
    await journey.expectAccessible();
    const chosen: string[] = [];
    for (const card of (await suggestions.all()).slice(0, 2)) {
      const name = (await card.locator('.app-staff-card__name a').textContent())!.trim();
      expect(await card.locator('.app-reasons__item').count()).toBeGreaterThan(0);
      await card.getByRole('button', { name: `Follow ${name}` }).click();
      await card.getByRole('button', { name: `Unfollow ${name}` }).waitFor();
      chosen.push(name);
    }
    await journey.expectAccessible();

    // they are under "following" now
    await page.reload();
    await journey.settled();
    const following = main.locator('.app-card-list').first();
    for (const name of chosen) {
      await following.getByRole('link', { name, exact: true }).waitFor();
    }
    await journey.expectAccessible();

    // the follow pack of everyone followed, and Mastodon's follow-import file
    await main.getByRole('link', { name: /Follow these people on each platform/ }).click();
    await page.waitForURL('**/follow-packs/following');
    await journey.settled();
    await journey.expectTitle('Follow pack: People you follow – Staff Voices – NHS');
    await journey.expectAccessible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: 'Download the Mastodon follow list (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Account address,Show boosts,Notify on new posts,Languages');
    expect(lines.some((line) => line.startsWith(`${mastodonAddress},`))).toBe(true);
  },
);

browserTest('the leaders page lists leaders in order with follow buttons', app, async (journey) => {
  const { page } = journey;
  const world = app().world;
  const chief = await world.person({
    name: `Dr Amara ${world.unique()}`,
    jobTitle: 'Chief Executive',
  });
  const director = await world.person({ jobTitle: 'Director of Communications' });
  await world.leader(chief, 'Chief Executive', 'I work out loud.');
  await world.leader(director, 'Director of Communications');
  await journey.signInAs(await world.person());
  await journey.goto('/leaders');
  const main = page.getByRole('main');
  const names = await main.locator('.app-leader .app-staff-card__name a').allTextContents();
  expect(names.indexOf(chief.displayName)).toBe(names.indexOf(director.displayName) - 1);
  await main.getByRole('button', { name: `Follow ${chief.displayName}` }).waitFor();
  await journey.expectAccessible();

  await main.getByRole('link', { name: chief.displayName }).click();
  await page.waitForURL(/\/people\/\d+$/);
  await journey.settled();
  await main.getByText('Chief Executive').first().waitFor();
  await journey.expectAccessible();
  await main.getByRole('link', { name: /followers?$/ }).click();
  await page.waitForURL(/\/followers$/);
  await journey.settled();
  await journey.expectAccessible();
});

browserTest(
  "the leaders page shows the viewer's own organisation's leaders beside the national ones, and no other trust's",
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const [ours, theirs] = [await world.organisation(), await world.organisation()];
    const national = await world.person({ jobTitle: 'National Director of Nursing' });
    const ourChief = await world.person({ organisation: ours, jobTitle: 'Chief Nurse' });
    const theirChief = await world.person({ organisation: theirs, jobTitle: 'Chief Nurse' });
    await world.leader(national, 'National Director of Nursing');
    await world.leader(ourChief, 'Chief Nurse', 'Ask me about our wards.', ours);
    await world.leader(theirChief, 'Chief Nurse', undefined, theirs);

    await journey.signInAs(await world.person({ organisation: ours }));
    await journey.goto('/leaders');
    const main = page.getByRole('main');
    const across = main.getByRole('region', { name: 'Across the NHS' });
    const local = main.getByRole('region', { name: `At ${ours.name}` });
    await across.getByRole('link', { name: national.displayName }).waitFor();
    await local.getByRole('link', { name: ourChief.displayName }).waitFor();
    expect(await across.getByRole('link', { name: ourChief.displayName }).count()).toBe(0);
    expect(await main.getByRole('link', { name: theirChief.displayName }).count()).toBe(0);
    await journey.expectAccessible();
  },
);

browserTest('dismiss a suggestion, and opt out of being suggested', app, async (journey) => {
  const { page } = journey;
  const world = app().world;
  const trust = await world.organisation({ departments: ['Pharmacy'] });
  const me = await world.person({ organisation: trust, department: 'Pharmacy' });
  await world.person({ organisation: trust, department: 'Pharmacy' });
  await journey.signInAs(me);
  const main = page.getByRole('main');
  await journey.goto('/');
  const cards = main.locator('.app-suggestions .app-staff-card');
  await cards.first().waitFor();
  await journey.expectAccessible();
  const name = (await cards.first().locator('.app-staff-card__name a').textContent())!.trim();
  await cards
    .first()
    .getByRole('button', { name: new RegExp(`^Not for me\\W+${name}$`) })
    .click();
  await main
    .locator('.app-suggestions .app-staff-card__name a', { hasText: name })
    .waitFor({ state: 'detached' });
  await journey.expectAccessible();

  await journey.goto('/me');
  await main.getByRole('button', { name: 'Do not suggest me' }).click();
  await main.getByText('You have asked us not to suggest you').waitFor();
  await main.getByRole('button', { name: 'Let colleagues see me in suggestions' }).waitFor();
  await journey.expectAccessible();
});
