import { parse } from 'csv-parse/sync';
import { DIRECTORY_EXPORT_HEADER } from '../src/directory/directory-export.service';
import { Platform } from '../src/social-accounts/platforms/platform';
import { AccountVisibility } from '../src/social-accounts/social-account.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

describe('GET /api/exports/directory', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const exportAs = (token: string, query = '') =>
    t.downloadText(`/api/exports/directory${query}`, token);

  it('lists the people others may see, with the accounts the team may see, spreadsheet-safe', async () => {
    const trust = await world.newOrganisation();
    const other = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: trust.id });
    const tag = world.unique().replace(/-/g, '');
    const person = await world.newPerson({
      organisationId: trust.id,
      displayName: `=HYPERLINK("http://evil.example","${tag}")`,
      jobTitle: '+44 Staff Nurse',
    });
    const everyone = await world.newAccount(person, {
      platform: Platform.X,
      handle: `@ev${tag.slice(0, 10)}`,
      visibility: AccountVisibility.NHS_DIRECTORY,
    });
    const organisationOnly = await world.newAccount(person, {
      platform: Platform.BLUESKY,
      handle: `org${tag.slice(0, 10)}.bsky.social`,
      visibility: AccountVisibility.ORGANISATION,
    });
    const onlyMe = await world.newAccount(person, {
      platform: Platform.INSTAGRAM,
      handle: `me${tag.slice(0, 10)}`,
      visibility: AccountVisibility.ONLY_ME,
    });
    // not listed: has not accepted the guidance their organisation published
    const unlisted = await world.newPerson({ listed: false });
    const leaver = await world.newLeaver({ organisationId: trust.id });
    const elsewhere = await world.newPerson({ organisationId: other.id });

    const res = await exportAs(t.tokenFor(admin)).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="staff-voices-directory-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows: string[][] = parse(res.body as string, { bom: true });
    expect(rows[0]).toEqual(DIRECTORY_EXPORT_HEADER);
    const ids = rows.slice(1).map((r) => Number(r[0]));
    expect(ids).toContain(person.id);
    expect(ids).toContain(admin.id);
    for (const hidden of [unlisted, leaver, elsewhere]) expect(ids).not.toContain(hidden.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const row = Object.fromEntries(
      DIRECTORY_EXPORT_HEADER.map((h, i) => [h, rows.find((r) => r[0] === String(person.id))![i]]),
    );
    expect(row.Name).toBe(`'=HYPERLINK("http://evil.example","${tag}")`);
    expect(row['Job title']).toBe("'+44 Staff Nurse");
    expect(row['X (Twitter)']).toBe(`'${everyone.handle}`);
    expect(Object.values(row)).toContain(organisationOnly.handle);
    expect(res.body).not.toContain(onlyMe.handle);
  });

  it('refuses another organisation’s directory to a Comms.Admin', async () => {
    const trust = await world.newOrganisation();
    const other = await world.newOrganisation();
    const person = await world.newPerson({ organisationId: other.id });
    const hidden = await world.newAccount(person, { visibility: AccountVisibility.ORGANISATION });
    const admin = await world.newAdmin({ organisationId: trust.id });
    // a Comms.Admin of another trust may not name it
    const res = await exportAs(t.tokenFor(admin), `?organisationId=${other.id}`);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body as string)).toMatchObject({
      reason: 'EXPORT_NOT_YOUR_ORGANISATION',
    });
    expect(res.body).not.toContain(hidden.handle);
  });

  it('is for the communications team only', async () => {
    const person = await world.newPerson();
    const res = await exportAs(t.tokenFor(person));
    expect(res.status).toBe(403);
    await t.http().get('/api/exports/directory').expect(401);
  });

  it('pages through more people than one page holds, in id order, each once', async () => {
    const trust = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: trust.id });
    const people = await world.newPeople(1105, () => ({ organisationId: trust.id }));
    const res = await exportAs(t.tokenFor(admin)).expect(200);
    const ids = (parse(res.body as string, { bom: true }) as string[][])
      .slice(1)
      .map((r) => Number(r[0]));
    const expected = [admin.id, ...people.map((p) => p.id)].sort((a, b) => a - b);
    expect(ids).toEqual(expected);
  });
});
