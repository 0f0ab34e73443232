import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { StaffMember } from '../../src/staff/staff-member.entity';
import { StaffFactory } from '../factories/staff.factory';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

const ADD_ACCOUNT = `
  mutation ($input: AddSocialAccountInput!) { addSocialAccount(input: $input) { account { handle } } }
`;
const FOLLOW = `
  mutation ($input: StaffIdInput!) { follow(input: $input) { follower { id } } }
`;

const GUIDANCE = `{ guidance { current { version } } }`;
const ACCEPT = `
  mutation ($input: AcceptGuidanceInput!) { acceptGuidance(input: $input) { guidance { accepted } } }
`;

let personName: string;
let mastodonAddress: string;

// A seeded member of staff already follows one colleague who is on Mastodon.
beforeAll(async () => {
  const t = app().app;
  const offered: { id: number; displayName: string; isCommsAdmin: boolean }[] = (
    await t.http().get('/api/dev/people')
  ).body;
  const chosen = offered.filter((p) => !p.isCommsAdmin)[6];
  personName = chosen.displayName;
  const person = await t.dataSource.getRepository(StaffMember).findOneByOrFail({ id: chosen.id });

  const colleague = await new StaffFactory(t).create({
    organisationId: person.organisationId,
    displayName: `Maya Tootle ${randomInt(1000, 9999)}`,
  });
  const handle = `maya${randomInt(100_000, 999_999)}@mastodon.social`;
  const added = await t.gql(ADD_ACCOUNT, { input: { platform: 'MASTODON', handle } }, colleague);
  expect(added.errors).toBeUndefined();
  mastodonAddress = handle;
  // the colleague accepts their guidance, so they are listed and can be followed
  const guidance = await t.gql(GUIDANCE, {}, colleague);
  const version = guidance.data?.guidance.current?.version;
  if (version) {
    const accepted = await t.gql(ACCEPT, { input: { version } }, colleague);
    expect(accepted.errors).toBeUndefined();
  }
  // the dev sign-in gives a seeded person their identity on first use; use the same for the token
  await t.http().post('/api/dev/sign-in').send({ staffId: person.id }).expect(200);
  const signedIn = await t.dataSource.getRepository(StaffMember).findOneByOrFail({ id: person.id });
  const followed = await t.gql(FOLLOW, { input: { staffId: String(colleague.id) } }, signedIn);
  expect(followed.errors).toBeUndefined();
});

browserTest(
  'join WeNurses, follow two suggested colleagues, see them under following, download the Mastodon CSV',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs(personName);
    const main = page.getByRole('main');
    const header = page.getByRole('banner');

    // communities: join (and leave, and join again) WeNurses
    await header.getByRole('link', { name: 'Communities' }).click();
    await page.waitForURL('**/communities');
    await journey.settled();
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'WeNurses', exact: true }).click();
    await page.waitForURL('**/communities/wenurses');
    await journey.settled();
    await journey.expectTitle('WeNurses – Staff Voices – NHS');
    await journey.expectAccessible();
    const leave = main.getByRole('button', { name: 'Leave WeNurses' });
    if (await leave.isVisible()) {
      await leave.click();
      await main.getByRole('button', { name: 'Join WeNurses' }).waitFor();
    }
    await main.getByRole('button', { name: 'Join WeNurses' }).click();
    await main.getByRole('button', { name: 'Leave WeNurses' }).waitFor();
    await main.locator('.app-follow__status', { hasText: 'Member' }).waitFor();
    await journey.expectAccessible();

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
  await journey.signInAs('Priya Shah');
  await journey.goto('/leaders');
  const main = page.getByRole('main');
  const names = main.locator('.app-leader .app-staff-card__name a');
  await names.first().waitFor();
  expect(await names.first().textContent()).toBe('Dr Amara Okafor');
  await main.getByRole('button', { name: /^(Follow|Unfollow) Dr Amara Okafor$/ }).waitFor();
  await journey.expectAccessible();

  await names.first().click();
  await page.waitForURL(/\/people\/\d+$/);
  await journey.settled();
  await main.getByText('Chief Executive').first().waitFor();
  await journey.expectAccessible();
  await main.getByRole('link', { name: /followers?$/ }).click();
  await page.waitForURL(/\/followers$/);
  await journey.settled();
  await journey.expectAccessible();
});

browserTest('dismiss a suggestion, and opt out of being suggested', app, async (journey) => {
  const { page } = journey;
  await journey.signInAs('Priya Shah');
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

browserTest(
  'a community follow pack: untick someone and the pack leaves them out',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.signInAs('Tom Whitfield');
    const main = page.getByRole('main');
    await journey.goto('/communities/wenurses');
    await journey.expectAccessible();
    await main.getByRole('link', { name: 'Follow WeNurses members on each platform' }).click();
    await page.waitForURL('**/follow-packs/community/wenurses');
    await journey.settled();
    await journey.expectTitle('Follow pack: WeNurses – Staff Voices – NHS');
    await journey.expectAccessible();

    const legend = main.locator('legend', { hasText: /People \(\d+ of \d+ ticked\)/ });
    const [, ticked, total] = /\((\d+) of (\d+)/.exec((await legend.textContent())!)!.map(Number);
    expect(ticked).toBe(total);
    const first = main.locator('.nhsuk-checkboxes__input').first();
    const unticked = (await first.getAttribute('value'))!;
    await first.uncheck();
    await main.getByRole('button', { name: 'Update the pack' }).click();
    await main.locator('legend', { hasText: `(${total - 1} of ${total} ticked)` }).waitFor();
    expect(await main.locator(`.nhsuk-checkboxes__input[value="${unticked}"]`).isChecked()).toBe(
      false,
    );
    await journey.expectAccessible();
  },
);
