import { ReadTooSlowError } from '../src/database/database.errors';
import { readBounded, readConnectionOf } from '../src/database/sqlite-read-connection';
import { Platform } from '../src/social-accounts/platforms/platform';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

// A read that would run for hours, touching no table: SQLite counts through a recursive CTE
// (a row every 100,000 steps, so the worker comes back to JavaScript now and then), PostgreSQL
// sleeps. The read budget (READ_TIME_BUDGET_MS, default 2 s) stops it.
const SLOW_SQLITE = `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000000000)
  SELECT x FROM n WHERE x % 100000 = 0`;
const SLOW_POSTGRES = `SELECT pg_sleep(3600) AS slept`;

const ORGANISATIONS = `{ organisations { id } }`;

// Issue 14 item 2: reads run outside the event loop, and a read past its budget is stopped.
describe('a slow read', () => {
  let t: TestApp;
  let me: StaffMember;

  beforeAll(async () => {
    // the default budget; two workers, so one slow read leaves one for everyone else
    t = await createTestApp({ SQLITE_READ_WORKERS: '2' });
    me = await new World(t).newPerson();
  });
  afterAll(() => t.close());

  const slowRead = () => (t.database.kind === 'sqlite' ? SLOW_SQLITE : SLOW_POSTGRES);

  it('runs on SQLite in a pool of worker threads (PostgreSQL: the pg pool)', () => {
    expect(t.config.reads.budgetMs).toBe(2000);
    expect(readConnectionOf(t.dataSource)?.runsOn).toBe(
      t.database.kind === 'sqlite' ? 'worker threads' : undefined,
    );
  });

  it('holds neither /health nor other reads, and is stopped at the budget with READ_TOO_SLOW', async () => {
    let settled = false;
    const slow = t.dataSource.query(slowRead()).then(
      () => 'finished',
      (error: unknown) => error,
    );
    void slow.finally(() => (settled = true));

    // while it runs: liveness, readiness (a database read) and a signed-in GraphQL page answer
    await t.http().get('/health').expect(200, { status: 'ok' });
    await t.http().get('/health/ready').expect(200, { status: 'ok', database: 'up' });
    const during = await t.gql(ORGANISATIONS, {}, me);
    expect(during.errors).toBeUndefined();
    expect(settled).toBe(false);

    const outcome = await slow;
    expect(outcome).toBeInstanceOf(ReadTooSlowError);
    expect(outcome).toMatchObject({ code: 'TIMEOUT', reason: 'READ_TOO_SLOW', httpStatus: 503 });
    expect((outcome as Error).message).toContain('took longer than the 2 seconds');

    // a stopped worker is replaced: reads go on, as many at once as before
    const after = await Promise.all([1, 2, 3].map(() => t.gql(ORGANISATIONS, {}, me)));
    expect(after.map((res) => res.errors)).toEqual([undefined, undefined, undefined]);
  });

  // Issue 14 item 3: a lookup bounded by construction runs on the main thread's own read-only
  // connection (posting it to a worker cost more than running it), so it needs no free worker.
  it('answers a profile while every worker is held by a slow read', async () => {
    const other = await new World(t).newPerson();
    await new World(t).newAccount(other, { platform: Platform.X, handle: `@held${other.id}` });
    const slow = [1, 2].map(() =>
      t.dataSource.query(slowRead()).then(
        () => 'finished',
        (error: unknown) => error,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // both workers have taken theirs

    const started = Date.now();
    const res = await t.gql<{ staffMember: { accounts: { handle: string }[] } }>(
      `query($id: ID!) { staffMember(id: $id) { id displayName organisation { name } accounts { handle } } }`,
      { id: String(other.id) },
      me,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.staffMember.accounts.map((a) => a.handle)).toEqual([`@held${other.id}`]);
    expect(Date.now() - started).toBeLessThan(1000); // not queued behind the slow reads
    expect(await Promise.all(slow)).toEqual([
      expect.any(ReadTooSlowError),
      expect.any(ReadTooSlowError),
    ]);
  });

  it('sends a statement marked bounded whose plan scans to the workers, under the budget', async () => {
    if (t.database.kind !== 'sqlite') return;
    await expect(readBounded(t.dataSource, SLOW_SQLITE, [])).rejects.toBeInstanceOf(
      ReadTooSlowError,
    );
    // a bounded lookup reads committed data, and what a write commits is seen at once
    const world = new World(t);
    const person = await world.newPerson({ displayName: 'Before Rename' });
    const lookup = () =>
      readBounded(t.dataSource, 'SELECT display_name FROM staff_members WHERE id = ?', [person.id]);
    expect(await lookup()).toEqual([{ display_name: 'Before Rename' }]);
    await world.update(person, { displayName: 'After Rename' });
    expect(await lookup()).toEqual([{ display_name: 'After Rename' }]);
  });

  it('says how long the event loop was held, over a window the caller chooses', async () => {
    const res = await t.http().get('/health/event-loop').expect(200);
    expect(res.body).toEqual({
      maxMs: expect.any(Number),
      p99Ms: expect.any(Number),
      seconds: expect.any(Number),
    });
    const since = await t
      .http()
      .get(`/health/event-loop?since=${Date.now() - 5000}`)
      .expect(200);
    expect(since.body.seconds).toBeLessThanOrEqual(7);
    const bad = await t.http().get('/health/event-loop?since=yesterday').expect(400);
    expect(bad.body).toMatchObject({ reason: 'INVALID_INPUT', field: 'since' });
  });

  it('refuses a write from outside a transaction on the read side, as before', async () => {
    if (t.database.kind !== 'sqlite') return;
    await expect(t.dataSource.query(`UPDATE organisations SET name = name`)).rejects.toThrow(
      'attempt to write a readonly database',
    );
  });
});

// The in-process fallback (SQLITE_READ_WORKERS=0, and every `:memory:` database): reads on the
// main thread, still apart from the writer.
describe('reads on the main thread (SQLITE_READ_WORKERS=0)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ SQLITE_READ_WORKERS: '0' });
    world = new World(t);
  });
  afterAll(() => t.close());

  it('reads what was committed, and refuses writes outside a transaction', async () => {
    const me = await world.newPerson();
    const before = await t.gql<{ organisations: { id: string }[] }>(ORGANISATIONS, {}, me);
    await world.newOrganisation();
    const after = await t.gql<{ organisations: { id: string }[] }>(ORGANISATIONS, {}, me);
    expect(after.data!.organisations.length).toBe(before.data!.organisations.length + 1);
    if (t.database.kind !== 'sqlite') return;
    expect(readConnectionOf(t.dataSource)?.runsOn).toBe('main thread');
    await expect(t.dataSource.query(`UPDATE organisations SET name = name`)).rejects.toThrow(
      'attempt to write a readonly database',
    );
  });
});
