import { createTestApp, TestApp } from './support/create-test-app';
import { recordStatements } from './support/statements';
import { World } from './support/world';

// SQLite's statement cache is hit only when a statement's text is the same for every id: ids go
// as parameters (src/database/sqlite-parameter-binding.ts patches TypeORM for it); PostgreSQL
// always binds them. This fails as soon as an id is written into the text again.
describe('statements carry ids as parameters', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  it('sends the same statement texts to look up two different people', async () => {
    const viewer = await world.newPerson();
    const [first, second] = [await world.newPerson(), await world.newPerson()];
    await world.newAccount(first);
    await world.newAccount(second);
    const profile = `query($id: ID!) { staffMember(id: $id) { id accounts { handle } followerCount } }`;
    const token = t.tokenFor(viewer);
    const look = async (id: number) => {
      const { result, texts } = await recordStatements(t.dataSource, () =>
        t.gql(profile, { id: String(id) }, { token }),
      );
      expect(result.errors).toBeUndefined();
      return texts; // without the sign-in's lookup (recordStatements leaves it out)
    };
    await look(first.id); // the viewer's first sign-in records their name
    const [a, b] = [await look(first.id), await look(second.id)];
    expect(a.length).toBeGreaterThanOrEqual(3);
    expect(a).toEqual(b);
  });
});
