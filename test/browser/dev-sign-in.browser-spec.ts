import type { StaffMember } from '../../src/staff/staff-member.entity';
import { browserTest, useBrowserHarness } from './support/browser-harness';
import type { WorldOrganisation } from './support/browser-world';

const app = useBrowserHarness();

const trusts: WorldOrganisation[] = [];
let lastOfSecondTrust: StaffMember;

// Three organisations, each with more people than the sign-in page offers without a search.
beforeAll(async () => {
  const world = app().world;
  for (let t = 0; t < 3; t++) {
    const trust = await world.organisation();
    trusts.push(trust);
    for (let i = 0; i < 9; i++) {
      const person = await world.person({ organisation: trust });
      if (t === 1) lastOfSecondTrust = person;
    }
  }
});

browserTest(
  'development sign-in offers people from every organisation, finds anyone, and lasts across tabs',
  app,
  async (journey) => {
    const { page } = journey;
    await journey.goto('/sign-in');
    await journey.expectAccessible();
    const main = page.getByRole('main');
    for (const trust of trusts) {
      await main.getByRole('heading', { level: 2, name: trust.name }).waitFor();
    }
    expect(
      await main
        .getByRole('button', { name: `Sign in as ${lastOfSecondTrust.displayName}` })
        .count(),
    ).toBe(0);

    // the search box finds someone not offered at first
    await main.getByLabel('Find a person to sign in as').fill(lastOfSecondTrust.displayName);
    await main.getByRole('button', { name: 'Find', exact: true }).click();
    await main.getByText(`1 person found for “${lastOfSecondTrust.displayName}”.`).waitFor();
    await journey.expectAccessible();
    await journey.signInAs(lastOfSecondTrust);

    // a link opened in a new tab is signed in as the same person
    const tab = await journey.context.newPage();
    await tab.goto('/directory');
    await tab.getByRole('banner').getByText(lastOfSecondTrust.displayName).waitFor();
    await tab.getByRole('heading', { level: 1, name: 'Staff directory' }).waitFor();
    await tab.close();
  },
);
