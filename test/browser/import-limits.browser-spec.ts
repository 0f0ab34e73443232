import { browserTest, useBrowserHarness } from './support/browser-harness';

// a tiny limit, so a small file stands for one over the real 200 MiB
const app = useBrowserHarness({ IMPORT_MAX_BYTES: '1024' });

browserTest(
  'a file over the size limit is refused in plain words, and nothing is imported',
  app,
  async (journey) => {
    const { page } = journey;
    const world = app().world;
    const trust = await world.organisation();
    await journey.signInAs(await world.admin(trust));
    const main = page.getByRole('main');
    await journey.goto('/admin/imports');
    await main.getByRole('heading', { level: 1, name: 'Import figures' }).waitFor();
    await main.getByText('Nobody in your team has imported a file yet.').waitFor();
    const rows = Array.from({ length: 80 }, (_, i) => `X,@nobody${i},2026-01-01,${i}`);
    const csv = ['platform,handle,date,followers', ...rows, ''].join('\n');
    expect(csv.length).toBeGreaterThan(1024);
    await main
      .getByLabel('CSV file')
      .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await main.getByRole('button', { name: 'Import file' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary
      .getByRole('link', {
        name: 'The file is too large to import. Split it into smaller files and import each one.',
      })
      .waitFor();
    await journey.expectTitle('Error: Import figures – Staff Voices – NHS');
    expect(page.url()).toMatch(/\/admin\/imports$/);
    await journey.expectAccessible();
    await journey.goto('/admin/imports');
    await main.getByText('Nobody in your team has imported a file yet.').waitFor();
    await journey.expectAccessible();
  },
);
