import { TransactionRunner } from '../src/database/transaction-runner';
import { DirectorySearchSecureDelete1766900000000 } from '../src/database/migrations/1766900000000-directory-search-secure-delete';
import { findAnywhere } from './support/catalogue';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const UPDATE = `mutation($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) { staffMember { id } }
}`;
const SEARCH = `query($search: String!) { staff(filter: { search: $search }, first: 5) { edges { node { id } } } }`;

/**
 * What the directory's search index keeps of text that is gone: nothing, on either database.
 * On SQLite the FTS5 index keeps its documents and runs with secure-delete (migration
 * 1766900000000), so a replaced or deleted document's terms leave the segment blobs at once.
 */
describe('the search index forgets replaced text', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const found = async (as: Parameters<TestApp['gql']>[2], search: string) => {
    const res = await t.gql(SEARCH, { search }, as);
    expect(res.errors).toBeUndefined();
    return (res.data!.staff.edges as { node: { id: string } }[]).map((e) => Number(e.node.id));
  };

  it('a changed name and bio leave no trace of the old words in any table', async () => {
    const me = await world.newPerson({ displayName: 'Oriel Quimbleforth' });
    const viewer = await world.newPerson();
    await t.gql(UPDATE, { input: { bio: 'Birdwatcher of kestrelwood marshes' } }, me);
    expect(await found(viewer, 'kestrelwood')).toEqual([me.id]);
    expect((await findAnywhere(t, ['kestrelwood'])).length).toBeGreaterThan(0);

    const renamed = await t.gql(
      UPDATE,
      { input: { displayName: 'Oriel Smith', bio: 'Ward sister' } },
      me,
    );
    expect(renamed.errors).toBeUndefined();
    expect(await found(viewer, 'kestrelwood')).toEqual([]);
    expect(await found(viewer, 'quimbleforth')).toEqual([]);
    expect(await found(viewer, 'oriel smith')).toEqual([me.id]);
    expect(await findAnywhere(t, ['kestrelwood', 'quimbleforth'])).toEqual([]);
  });

  it('migration 1766900000000 keeps every document searchable, down and up again', async () => {
    const me = await world.newPerson({ displayName: 'Perpetua Vantongeren' });
    const viewer = await world.newPerson();
    const migration = new DirectorySearchSecureDelete1766900000000();
    const migrate = (direction: 'up' | 'down') =>
      t.app.get(TransactionRunner).run((tx) => migration[direction](tx.queryRunner!));

    await migrate('down');
    expect(await found(viewer, 'vantongeren')).toEqual([me.id]);
    await migrate('up');
    expect(await found(viewer, 'vantongeren')).toEqual([me.id]);

    await world.update(me, { displayName: 'Perpetua Jones' });
    expect(await found(viewer, 'vantongeren')).toEqual([]);
    expect(await findAnywhere(t, ['vantongeren'])).toEqual([]);
  });
});
