import request from 'supertest';
import { PassThrough } from 'node:stream';
import { DerivedState } from '../src/database/derived-state';
import { TransactionRunner } from '../src/database/transaction-runner';
import { addDays, londonDay } from '../src/metrics/london-day';
import { MetricImport, MetricImportStatus } from '../src/metrics/metric-import.entity';
import { IMPORT_STALE_MS, MetricImportsService } from '../src/metrics/metric-imports.service';
import { MetricsService } from '../src/metrics/metrics.service';
import { Platform } from '../src/social-accounts/platforms/platform';
import type { SocialAccount } from '../src/social-accounts/social-account.entity';
import type { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const today = londonDay();
const yesterday = addDays(today, -1);
const tomorrow = addDays(today, 1);
/** Two write batches: a window fills with a file of a test's size. */
const WINDOW_ROWS = 40_000;

describe('metrics import (POST /api/imports/metrics)', () => {
  let t: TestApp;
  let world: World;
  let admin: StaffMember;
  let nurse: StaffMember;
  let porter: StaffMember;
  let outsider: StaffMember;
  let nurseX: SocialAccount;
  let porterMastodon: SocialAccount;
  let outsiderX: SocialAccount;
  let xHandle: string;
  let mastodonHandle: string;
  const touched: { staffIds: number[] }[][] = [];

  beforeAll(async () => {
    t = await createTestApp({ IMPORT_WINDOW_ROWS: String(WINDOW_ROWS) });
    world = new World(t);
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    admin = await world.newAdmin({ organisationId: org.id });
    nurse = await world.newPerson({ organisationId: org.id });
    porter = await world.newPerson({ organisationId: org.id });
    outsider = await world.newPerson({ organisationId: other.id });
    xHandle = `nurse${world.unique().replace(/-/g, '').slice(0, 8)}`;
    mastodonHandle = `porter${world.unique().replace(/-/g, '').slice(0, 8)}`;
    nurseX = await world.newAccount(nurse, { platform: Platform.X, handle: `@${xHandle}` });
    porterMastodon = await world.newAccount(porter, {
      platform: Platform.MASTODON,
      handle: `@${mastodonHandle}@mastodon.social`,
    });
    outsiderX = await world.newAccount(outsider, { platform: Platform.X });
    t.app.get(DerivedState).on('metrics', 'test probe', async (_tx, changes) => {
      touched.push([...changes]);
    });
  });
  afterAll(() => t.close());

  const post = (body: string | Buffer, as: StaffMember | null = admin, type = 'text/csv') => {
    const req = request(t.app.getHttpServer())
      .post('/api/imports/metrics')
      .set('Content-Type', type);
    if (as) req.set('Authorization', `Bearer ${t.tokenFor(as)}`);
    return req.send(body);
  };

  const snapshots = (accountId: number) =>
    t.dataSource.query(
      `SELECT day, source, followers, following, posts, engagements FROM metric_snapshots WHERE social_account_id = ${accountId} ORDER BY day, source`,
    );

  const goodAndBad = () =>
    [
      'Platform,Handle,Date,Followers,Following,Posts,Engagements,Notes',
      `X,@${xHandle},${yesterday},120,80,5,40,first`, // 2 accepted
      `twitter,https://x.com/${xHandle},${today},125,,,,url form and Twitter`, // 3 accepted
      `MASTODON,https://mastodon.social/@${mastodonHandle},${today},10,2,1,3,`, // 4 accepted
      `Myspace,@${xHandle},${today},1,,,,`, // 5 bad platform
      `X,not a handle!!,${today},1,,,,`, // 6 unparseable handle
      `X,@nobody${Date.now() % 100000},${today},1,,,,`, // 7 unknown account
      `X,${outsiderX.handle},${today},1,,,,`, // 8 another organisation's person
      `X,@${xHandle},${tomorrow},1,,,,`, // 9 future
      `X,@${xHandle},01/02/2025,1,,,,`, // 10 not YYYY-MM-DD
      `X,@${xHandle},2025-02-30,1,,,,`, // 11 not a real day
      `X,@${xHandle},2025-01-01,-4,,,,`, // 12 negative
      `X,@${xHandle},2025-01-02,4.5,,,,`, // 13 not a whole number
      `X,@${xHandle},2025-01-03,,,,,`, // 14 followers blank
      `X,@${xHandle},${today},126,,,,`, // 15 duplicate of line 3
      `X,@${xHandle},2025-01-04,7,1,"bad"quote,,`, // 16 a stray quote: posts is not a number
      `X,"@${xHandle},2025-01-05,7,,,,`, // 17 a quote never closed
      '',
    ].join('\r\n');

  it('keeps the good rows, rejects each bad one with its line and reason, and stores the report', async () => {
    const res = await post('\ufeff' + goodAndBad());
    expect(res.status).toBe(200);
    const report = res.body;
    expect(report).toMatchObject({
      rowsRead: 16,
      rowsAccepted: 3,
      rowsUnchanged: 0,
      rowsRejected: 13,
      ignoredColumns: ['Notes'],
    });
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([
      5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
    ]);
    const reason = (line: number) =>
      report.rejected.find((r: { line: number }) => r.line === line).reason as string;
    expect(reason(5)).toMatch(/"Myspace" is not a platform/);
    expect(reason(6)).toMatch(/^handle: /);
    expect(reason(7)).toMatch(/No X \(Twitter\) account .* in your organisation/);
    expect(reason(8)).toMatch(/No X \(Twitter\) account .* in your organisation/);
    expect(reason(9)).toMatch(/in the future/);
    expect(reason(10)).toMatch(/YYYY-MM-DD/);
    expect(reason(11)).toMatch(/YYYY-MM-DD/);
    expect(reason(12)).toMatch(/followers -4 is negative/);
    expect(reason(13)).toMatch(/followers "4.5" is not a whole number/);
    expect(reason(14)).toMatch(/followers is blank/);
    expect(reason(15)).toBe('The same account and date as line 3');
    expect(reason(16)).toMatch(/posts ""bad"quote" is not a whole number/);
    expect(reason(17)).toMatch(/never closed/);

    expect(await snapshots(nurseX.id)).toEqual([
      {
        day: yesterday,
        source: 'IMPORT',
        followers: 120,
        following: 80,
        posts: 5,
        engagements: 40,
      },
      {
        day: today,
        source: 'IMPORT',
        followers: 125,
        following: null,
        posts: null,
        engagements: null,
      },
    ]);
    expect(await snapshots(porterMastodon.id)).toHaveLength(1);
    expect(await snapshots(outsiderX.id)).toEqual([]);

    const stored = await request(t.app.getHttpServer())
      .get(`/api/imports/metrics/${report.importId}`)
      .set('Authorization', `Bearer ${t.tokenFor(admin)}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ ...report, status: 'COMPLETED' });

    // one touch for the batch, naming each person whose figures changed
    const last = touched.at(-1)!;
    expect(last).toHaveLength(1);
    expect(last[0].staffIds.sort()).toEqual([nurse.id, porter.id].sort());
  });

  it('changes nothing the second time the same file comes: its rows count as unchanged', async () => {
    const before = touched.length;
    const res = await post(goodAndBad());
    expect(res.body).toMatchObject({
      rowsRead: 16,
      rowsAccepted: 0,
      rowsUnchanged: 3,
      rowsRejected: 13,
    });
    expect(touched.length).toBe(before);

    const changed = await post(
      `platform,handle,date,followers\nX,${xHandle},${yesterday},121\nX,${xHandle},${today},125\n`,
    );
    expect(changed.body).toMatchObject({ rowsAccepted: 1, rowsUnchanged: 1, rowsRejected: 0 });
    expect((await snapshots(nurseX.id))[0]).toMatchObject({ followers: 121, following: null });
  });

  it('names only the people whose rows changed when a statement changes some of its rows', async () => {
    // nurse's row as it stands, porter's with a new figure: one statement, one of its two rows
    // changed, so who changed is read back rather than taken from the count
    const res = await post(
      `platform,handle,date,followers\nX,${xHandle},${today},125\n` +
        `MASTODON,https://mastodon.social/@${mastodonHandle},${today},11\n`,
    );
    expect(res.body).toMatchObject({ rowsAccepted: 1, rowsUnchanged: 1, rowsRejected: 0 });
    expect(touched.at(-1)).toEqual([{ staffIds: [porter.id] }]);
  });

  it('takes the file as the "file" field of multipart/form-data', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/api/imports/metrics')
      .set('Authorization', `Bearer ${t.tokenFor(admin)}`)
      .attach(
        'file',
        Buffer.from(`handle,platform,followers,date\n@${xHandle},x,300,2025-03-01\n`),
        {
          filename: 'figures.csv',
          contentType: 'text/csv',
        },
      );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rowsRead: 1, rowsAccepted: 1, rowsRejected: 0 });
  });

  it('refuses a file without a required column whole (400 naming it), writing nothing', async () => {
    const res = await post(`platform,handle,date,following\nX,@${xHandle},2025-04-01,3\n`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ reason: 'IMPORT_MISSING_COLUMN', field: 'followers' });
    expect(res.body.message).toMatch(/"followers"/);
    expect(
      await t.dataSource.query(`SELECT 1 FROM metric_snapshots WHERE day = '2025-04-01'`),
    ).toEqual([]);
  });

  it('refuses UTF-16 and invalid UTF-8 with a clear message', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`platform,handle,date,followers\nX,@${xHandle},2025-05-01,1\n`, 'utf16le'),
    ]);
    const a = await post(utf16);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ reason: 'IMPORT_BAD_ENCODING' });
    expect(a.body.message).toMatch(/UTF-16.*CSV UTF-8/);

    const latin1 = Buffer.from(
      `platform,handle,date,followers,notes\nX,@${xHandle},2025-05-02,1,caf\xe9\n`,
      'latin1',
    );
    const b = await post(latin1);
    expect(b.status).toBe(400);
    expect(b.body).toMatchObject({ reason: 'IMPORT_BAD_ENCODING' });
    expect(b.body.message).toMatch(/not valid UTF-8/);
  });

  it('refuses people outside the communications team with 403, writing nothing', async () => {
    const res = await post(`platform,handle,date,followers\nX,@${xHandle},2025-06-01,1\n`, nurse);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ reason: 'IMPORT_NOT_ADMIN' });
    expect((await post('x', null)).status).toBe(401);
    expect(
      await t.dataSource.query(`SELECT 1 FROM metric_snapshots WHERE day = '2025-06-01'`),
    ).toEqual([]);
    const report = await request(t.app.getHttpServer())
      .get(`/api/imports/metrics/1`)
      .set('Authorization', `Bearer ${t.tokenFor(nurse)}`);
    expect(report.status).toBe(403);
  });

  it('answers 404 for an import of another organisation, or none', async () => {
    const otherAdmin = await world.newAdmin({ organisationId: outsider.organisationId });
    const mine = await post(`platform,handle,date,followers\nX,@${xHandle},2025-07-01,1\n`);
    for (const id of [String(mine.body.importId), '999999', 'abc']) {
      const res = await request(t.app.getHttpServer())
        .get(`/api/imports/metrics/${id}`)
        .set('Authorization', `Bearer ${t.tokenFor(otherAdmin)}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ reason: 'IMPORT_NOT_FOUND' });
    }
  });

  it('lists the last imports of the caller’s own organisation, newest first, without rejected rows', async () => {
    const recent = (as: StaffMember) =>
      request(t.app.getHttpServer())
        .get('/api/imports/metrics')
        .set('Authorization', `Bearer ${t.tokenFor(as)}`);
    const first = await post(`platform,handle,date,followers\nX,@${xHandle},2025-08-01,1\n`);
    const second = await post(
      `platform,handle,date,followers\nX,@${xHandle},2025-08-02,2\nX,@${xHandle},2025-08-02,-1\n`,
    );
    const national = await world.newNationalAdmin();
    const nationalImport = await post(
      `platform,handle,date,followers\nX,@${xHandle},2025-08-03,3\n`,
      national,
    );

    const mine = await recent(admin);
    expect(mine.status).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    const ids = mine.body.imports.map((i: { importId: number }) => i.importId);
    expect(ids.indexOf(second.body.importId)).toBeLessThan(ids.indexOf(first.body.importId));
    expect(ids).not.toContain(nationalImport.body.importId);
    expect(mine.body.imports[0]).toEqual({
      importId: second.body.importId,
      kind: 'METRICS',
      campaignId: null,
      status: 'COMPLETED',
      rowsRead: 2,
      rowsAccepted: 1,
      rowsUnchanged: 0,
      rowsRejected: 1,
      ignoredColumns: [],
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    expect(mine.body.imports.length).toBeLessThanOrEqual(20);

    // another organisation's team sees none of them; the national team sees only its own
    const otherAdmin = await world.newAdmin({ organisationId: outsider.organisationId });
    expect((await recent(otherAdmin)).body.imports).toEqual([]);
    const theirs = (await recent(national)).body.imports.map(
      (i: { importId: number }) => i.importId,
    );
    expect(theirs).toContain(nationalImport.body.importId);
    expect(theirs).not.toContain(first.body.importId);
    expect((await recent(nurse)).status).toBe(403);
    expect((await request(t.app.getHttpServer()).get('/api/imports/metrics')).status).toBe(401);
  });

  /** The instance running import `id` stops: its heartbeat grows old. */
  const silence = (id: number) =>
    t.app
      .get(TransactionRunner)
      .run((tx) =>
        tx.update(
          MetricImport,
          { id },
          { heartbeatAt: new Date(Date.now() - IMPORT_STALE_MS - 1000) },
        ),
      );

  it('marks an import whose heartbeat stopped (its server stopped mid-file) as FAILED, and leaves a live one alone', async () => {
    const body = new PassThrough();
    const imports = t.app.get(MetricImportsService);
    const running = t.app
      .get(MetricsService)
      .importCsv({ staff: admin, roles: ['Comms.Admin'], isCommsAdmin: true }, body)
      .catch((error: Error) => error);
    body.write(`platform,handle,date,followers\nX,@${xHandle},2025-08-01,1\n`);
    let id: number | undefined;
    for (let i = 0; i < 100 && id === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const rows = await t.dataSource.query(
        `SELECT id FROM metric_imports WHERE status = 'RUNNING'`,
      );
      id = rows[0]?.id;
    }
    expect(id).toBeDefined();
    const statusOf = async () =>
      (await t.dataSource.getRepository(MetricImport).findOneByOrFail({ id })).status;

    // another instance starting up (or this one's timer) sees a live heartbeat: not its to recover
    expect(await imports.recoverCutOff()).toBe(0);
    expect(await statusOf()).toBe(MetricImportStatus.RUNNING);

    // the instance reading it stops: its heartbeat grows old
    await silence(id!);
    await imports.onApplicationBootstrap(); // what a restart runs
    expect(await statusOf()).toBe(MetricImportStatus.FAILED);
    expect(await imports.recoverCutOff()).toBe(0); // recovered once only
    body.destroy(new Error('connection lost'));
    expect(await running).toBeInstanceOf(Error);
  });

  it('keeps, while an import runs, whom it has changed: a recovery touches them without reading its rows, and a finished import forgets them', async () => {
    // a whole window (WINDOW_ROWS, two batches: accounts of ten people, a day each back from
    // yesterday) goes in, then the file stalls: the instance reading it stops
    const people = await world.newPeople(10, () => ({ organisationId: admin.organisationId! }));
    const stem = `batch${world.unique().replace(/-/g, '').slice(0, 8)}`;
    const handles = people.map((_, i) => `${stem}${i}`);
    await world.newAccounts(
      people.map((owner, i) => ({ owner, platform: Platform.X, handle: `@${handles[i]}` })),
    );
    const staffIds = people.map((person) => person.id).sort((a, b) => a - b);
    const listed = async (importId: number) =>
      (
        await t.dataSource.query(
          `SELECT staff_id FROM metric_import_people WHERE import_id = ${importId}`,
        )
      )
        .map((row: { staff_id: number | string }) => Number(row.staff_id))
        .sort((a: number, b: number) => a - b);

    const body = new PassThrough();
    const running = t.app
      .get(MetricsService)
      .importCsv({ staff: admin, roles: ['Comms.Admin'], isCommsAdmin: true }, body)
      .catch((error: Error) => error);
    body.write('platform,handle,date,followers\n');
    const daysEach = WINDOW_ROWS / people.length;
    for (let d = 1; d <= daysEach; d++) {
      body.write(handles.map((handle) => `X,@${handle},${addDays(today, -d)},${d}\n`).join(''));
    }
    body.write(`X,@${handles[0]},${addDays(today, -daysEach - 1)},1\n`);
    let id: number | undefined;
    for (let i = 0; i < 1000 && id === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const rows = await t.dataSource.query(
        `SELECT id FROM metric_imports WHERE status = 'RUNNING' AND rows_accepted = ${WINDOW_ROWS}`,
      );
      id = rows[0]?.id;
    }
    expect(id).toBeDefined();
    expect(await listed(id!)).toEqual(staffIds);
    await silence(id!);
    touched.length = 0;
    expect(await t.app.get(MetricImportsService).recoverCutOff()).toBe(1);
    expect(touched.flat().flatMap((change) => change.staffIds)).toEqual(
      expect.arrayContaining(staffIds),
    );
    expect(await listed(id!)).toEqual([]);
    body.destroy(new Error('connection lost'));
    expect(await running).toBeInstanceOf(Error);

    // an import that ends (here with one row) keeps no list
    const done = await post(`platform,handle,date,followers\nX,@${handles[0]},${today},5\n`);
    expect(done.status).toBe(200);
    expect(done.body.rowsAccepted).toBe(1);
    expect(await listed(done.body.importId)).toEqual([]);
  });

  it('lets a person report their own figures, shown as SELF_REPORTED, and nobody else’s', async () => {
    const res = await t.gql(
      `mutation($input: ReportMyMetricsInput!) { reportMyMetrics(input: $input) { snapshot { day source followers posts } } }`,
      { input: { accountId: String(nurseX.id), day: '2025-09-01', followers: 999, posts: 3 } },
      nurse,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportMyMetrics.snapshot).toEqual({
      day: '2025-09-01',
      source: 'SELF_REPORTED',
      followers: 999,
      posts: 3,
    });
    const notMine = await t.gql(
      `mutation($input: ReportMyMetricsInput!) { reportMyMetrics(input: $input) { snapshot { day } } }`,
      { input: { accountId: String(nurseX.id), followers: 1 } },
      porter,
    );
    expect(notMine.errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'METRICS_ACCOUNT_NOT_FOUND',
    });
    const future = await t.gql(
      `mutation($input: ReportMyMetricsInput!) { reportMyMetrics(input: $input) { snapshot { day } } }`,
      { input: { accountId: String(nurseX.id), day: tomorrow, followers: 1 } },
      nurse,
    );
    expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
    const negative = await t.gql(
      `mutation($input: ReportMyMetricsInput!) { reportMyMetrics(input: $input) { snapshot { day } } }`,
      { input: { accountId: String(nurseX.id), followers: -1 } },
      nurse,
    );
    expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const mine = await world.newAccount(porter, { platform: Platform.BLUESKY });
    await t.gql(
      `mutation($input: ReportMyMetricsInput!) { reportMyMetrics(input: $input) { snapshot { day } } }`,
      { input: { accountId: String(mine.id), followers: 42 } },
      porter,
    );
    const shown = await t.gql(
      `query($id: ID!) { staffMember(id: $id) { accounts { id latestFigures { followers source day } } } }`,
      { id: String(porter.id) },
      nurse,
    );
    expect(shown.errors).toBeUndefined();
    const figures = shown.data!.staffMember.accounts.find(
      (a: { id: string }) => a.id === String(mine.id),
    ).latestFigures;
    expect(figures).toEqual({ followers: 42, source: 'SELF_REPORTED', day: today });
  });
});

describe('metrics import size limit', () => {
  let t: TestApp;
  let admin: StaffMember;

  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_BYTES: '1000' });
    admin = await new World(t).newAdmin({
      organisationId: (await new World(t).newOrganisation()).id,
    });
  });
  afterAll(() => t.close());

  it('answers 413 for a file over IMPORT_MAX_BYTES, declared or streamed', async () => {
    const big = 'platform,handle,date,followers\n' + 'X,@someone,2025-01-01,1\n'.repeat(200);
    const declared = await request(t.app.getHttpServer())
      .post('/api/imports/metrics')
      .set('Authorization', `Bearer ${t.tokenFor(admin)}`)
      .set('Content-Type', 'text/csv')
      .send(big + 'x'.repeat(70 * 1024));
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ reason: 'IMPORT_TOO_LARGE' });

    const streamed = await request(t.app.getHttpServer())
      .post('/api/imports/metrics')
      .set('Authorization', `Bearer ${t.tokenFor(admin)}`)
      .attach('file', Buffer.from(big), { filename: 'big.csv', contentType: 'text/csv' });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({ reason: 'IMPORT_TOO_LARGE' });
  });
});
