import { TransactionRunner } from '../src/database/transaction-runner';
import { OrganisationsService } from '../src/organisations/organisations.service';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const ORGANISATIONS = `{ organisations { id } }`;

/** A write transaction held open until `release()`, then rolled back (or committed). */
function holdOpen(t: TestApp, world: World, outcome: 'rollback' | 'commit') {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let opened!: (inside: { ownCount: number }) => void;
  const open = new Promise<{ ownCount: number }>((resolve) => (opened = resolve));
  const done = t.app
    .get(TransactionRunner)
    .run(async (tx) => {
      const unique = world.unique().replace(/-/g, '');
      await t.app.get(OrganisationsService).create(tx, {
        odsCode: `H${unique}`.slice(0, 10).toUpperCase(),
        name: `Held Trust ${unique}`,
        tenantId: null,
      });
      // a read made inside the transaction, through the ordinary read path, sees its own write
      opened({ ownCount: (await t.app.get(OrganisationsService).list()).length });
      await released;
      if (outcome === 'rollback') throw new Error('rolled back on purpose');
    })
    .catch((error: Error) => {
      if (error.message !== 'rolled back on purpose') throw error;
    });
  return { open, release, done };
}

// Issue 9 item 9: reads see only committed data, whatever transaction another request has open.
describe('reads see only committed data', () => {
  let t: TestApp;
  let world: World;
  let me: StaffMember;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    await world.newOrganisation();
    // made before any write is held open: on SQLite a new person would wait for the writer
    me = await world.newPerson();
  });
  afterAll(() => t.close());

  const countOverHttp = async () => {
    const res = await t.gql<{ organisations: { id: string }[] }>(ORGANISATIONS, {}, me);
    expect(res.errors).toBeUndefined();
    return res.data!.organisations.length;
  };

  it('does not count an organisation whose transaction is still open, then rolls back', async () => {
    const before = await countOverHttp();
    const held = holdOpen(t, world, 'rollback');
    const { ownCount } = await held.open;
    expect(ownCount).toBe(before + 1);
    // several reads at once while the write is open: none of them waits for it, none sees it
    const during = await Promise.all(Array.from({ length: 5 }, countOverHttp));
    held.release();
    await held.done;
    expect(during).toEqual(Array(5).fill(before));
    expect(await countOverHttp()).toBe(before);
  });

  it('sees a commit as soon as the transaction commits', async () => {
    const before = await countOverHttp();
    const held = holdOpen(t, world, 'commit');
    await held.open;
    expect(await countOverHttp()).toBe(before);
    held.release();
    await held.done;
    expect(await countOverHttp()).toBe(before + 1);
  });
});
