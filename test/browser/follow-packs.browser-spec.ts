import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const app = useBrowserHarness();

interface Member {
  person: StaffMember;
  x: string;
  mastodon: string;
}

let community: { slug: string; name: string };
const members: Member[] = [];
let viewer: StaffMember;

// A community of three, each on X and Mastodon.
beforeAll(async () => {
  const world = app().world;
  for (let i = 0; i < 3; i++) {
    const word = world.unique().toLowerCase();
    const x = `x${word}`;
    const mastodon = `m${word}@mastodon.social`;
    const person = await world.person({
      accounts: [
        { platform: 'X', handle: x },
        { platform: 'MASTODON', handle: mastodon },
      ],
    });
    members.push({ person, x: `@${x}`, mastodon: `@${mastodon}` });
  }
  community = await world.community({ members: members.map((m) => m.person) });
  viewer = await world.person();
});

async function downloadedCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('main')
      .getByRole('button', { name: 'Download the Mastodon follow list (CSV)' })
      .click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

browserTest(
  'a follow pack gives exactly who is ticked, at once, everywhere, and keeps the ticks in its address',
  app,
  async (journey) => {
    const { page } = journey;
    const [kept, dropped] = members;
    await journey.signInAs(viewer);
    await journey.goto(`/follow-packs/community/${community.slug}`);
    await journey.expectTitle(`Follow pack: ${community.name} – Staff Voices – NHS`);
    await journey.expectAccessible();
    const main = page.getByRole('main');
    await main.getByText('People (3 of 3 ticked)').waitFor();

    // untick one person: nothing else to press. On a slow device (a CPU twenty times slower) the
    // tick must still hold at once, not spring back until the address catches up.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await main.getByLabel(dropped.person.displayName).uncheck();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await main.getByText('People (2 of 3 ticked)').waitFor();
    await page.waitForURL(/exclude=/);
    expect(await main.getByText('Everyone is ticked').count()).toBe(0);
    const outputs = async () => ({
      links: await main.locator('.app-pack-platform__links a').allTextContents(),
      copied: (await main.getByLabel('X (Twitter) profile links to copy').inputValue()).split('\n'),
    });
    const now = await outputs();
    expect(now.links.some((text) => text.includes(dropped.x))).toBe(false);
    expect(now.links.some((text) => text.includes(kept.x))).toBe(true);
    expect(now.copied.some((url) => url.endsWith(dropped.x.slice(1)))).toBe(false);
    expect(now.copied.some((url) => url.endsWith(kept.x.slice(1)))).toBe(true);
    const csv = await downloadedCsv(page);
    expect(csv).not.toContain(dropped.mastodon.slice(1));
    expect(csv).toContain(kept.mastodon.slice(1));
    await journey.expectAccessible();

    // a reload (or the shared address) keeps the ticks
    await page.reload();
    await journey.settled();
    await main.getByText('People (2 of 3 ticked)').waitFor();
    expect(await main.getByLabel(dropped.person.displayName).isChecked()).toBe(false);
    expect((await outputs()).links.some((text) => text.includes(dropped.x))).toBe(false);
    expect(await downloadedCsv(page)).not.toContain(dropped.mastodon.slice(1));

    // tick them again
    await main.getByLabel(dropped.person.displayName).check();
    await main.getByText('People (3 of 3 ticked)').waitFor();
    expect((await outputs()).links.some((text) => text.includes(dropped.x))).toBe(true);
    await journey.expectAccessible();
  },
);

browserTest(
  'a large follow pack shows its people a page at a time, and Show more brings the next',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const crowd: StaffMember[] = [];
    for (let i = 0; i < 51; i++) crowd.push(await world.person());
    // the newest person, on the second page (a community's pack is in staff-id order)
    const lastX = `x${world.unique().toLowerCase()}`;
    const last = await world.person({ accounts: [{ platform: 'X', handle: lastX }] });
    crowd.push(last);
    const large = await world.community({ members: crowd });
    await journey.signInAs(viewer);
    await journey.goto(`/follow-packs/community/${large.slug}`);
    await journey.expectTitle(`Follow pack: ${large.name} – Staff Voices – NHS`);
    await journey.expectAccessible();
    const main = page.getByRole('main');
    await main.getByText('People (50 of 50 ticked)').waitFor();
    expect(await main.getByLabel(last.displayName).count()).toBe(0);

    await main.getByRole('button', { name: 'Show more people' }).click();
    await main.getByText('People (52 of 52 ticked)').waitFor();
    expect(await main.getByRole('button', { name: 'Show more people' }).count()).toBe(0);
    const links = await main.locator('.app-pack-platform__links a').allTextContents();
    expect(links.some((text) => text.includes(lastX))).toBe(true);

    // someone from the second page unticked: the outputs follow
    // (a click, not uncheck(): the tick is the address, set a moment after the click)
    await main.getByLabel(last.displayName).click();
    await page.waitForURL(new RegExp(`exclude=${last.id}`));
    await main.getByText('People (51 of 52 ticked)').waitFor();
    expect(await main.getByLabel(last.displayName).isChecked()).toBe(false);
    const after = await main.locator('.app-pack-platform__links a').allTextContents();
    expect(after.some((text) => text.includes(lastX))).toBe(false);
    await journey.expectAccessible();
  },
);
