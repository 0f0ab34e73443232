import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';
import type { WorldOrganisation } from './support/browser-world';

// issue 13 items 5 and 8: what a person sees of the grace period and of a typo
const app = useBrowserHarness({ GUIDANCE_GRACE_DAYS: '30' });

let trust: WorldOrganisation;
let nurse: StaffMember;
let surname: string;

beforeAll(async () => {
  const world = app().world;
  trust = await world.organisation({ departments: ['Cardiology'], guidance: true });
  surname = world.unique();
  nurse = await world.person({
    organisation: trust,
    name: `Aisha ${surname}`,
    department: 'Cardiology',
  });
});

browserTest(
  'a new guidance version: still listed, and told on every page what changed',
  app,
  async (journey) => {
    const { page } = journey;
    await app().world.publishGuidance(trust, 'A new section on photos taken at work.');
    await journey.signInAs(nurse);
    for (const path of ['/me', '/directory', '/communities']) {
      await journey.goto(path);
      const banner = page.getByTestId('guidance-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('A new section on photos taken at work.');
      expect(await banner.textContent()).toMatch(
        /You stay listed in the directory until \d+ \w+ \d{4}/,
      );
      await journey.expectAccessible();
    }
    await page.getByRole('link', { name: 'Read and accept the guidance' }).click();
    await page.waitForURL('**/guidance');
    await page.getByTestId('guidance-banner').waitFor();
    await journey.expectAccessible();
    await page.getByLabel('I have read the guidance and will follow it').check();
    await page.getByRole('button', { name: 'Accept and join the directory' }).click();
    await page.waitForURL('**/me');
    // accepted: the banner goes at once, on this page and the next, with no reload
    await page.getByText('Colleagues can now find you in the directory.').waitFor();
    expect(await page.getByTestId('guidance-banner').count()).toBe(0);
    await page.getByRole('link', { name: 'Directory' }).first().click();
    await page.waitForURL('**/directory');
    expect(await page.getByTestId('guidance-banner').count()).toBe(0);
    await journey.expectAccessible();
  },
);

browserTest('a typo in the directory finds the person and says so', app, async (journey) => {
  const { page } = journey;
  await journey.signInAs(await app().world.person({ organisation: trust }));
  const typo = `${surname.slice(0, 3)}${surname[4]}${surname[3]}${surname.slice(5)}`;
  await journey.goto(`/directory?q=${encodeURIComponent(`aisa ${typo}`)}`);
  const similar = page.getByTestId('similar-words');
  await similar.waitFor();
  expect(await similar.textContent()).toContain('aisha');
  await page.getByRole('main').getByText(`Aisha ${surname}`).first().waitFor();
  await journey.expectAccessible();
});
