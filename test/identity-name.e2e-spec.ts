import { DevTokenService } from '../src/identity/dev/dev-token.service';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const RENAME = `mutation($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) { staffMember { displayName } }
}`;
const ME = '{ me { displayName } }';

describe('a name a person chooses survives their next sign-in', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  it('keeps my chosen display name while the token still carries the old one', async () => {
    const me = await world.newPerson({ displayName: 'Margaret Jones' });
    const token = { token: t.tokenFor(me) }; // the token says "Margaret Jones"
    expect((await t.gql(ME, {}, token)).data!.me.displayName).toBe('Margaret Jones');

    const renamed = await t.gql(RENAME, { input: { displayName: 'Peggy Jones' } }, token);
    expect(renamed.errors).toBeUndefined();
    expect((await t.gql(ME, {}, token)).data!.me.displayName).toBe('Peggy Jones');
    expect((await t.gql(ME, {}, token)).data!.me.displayName).toBe('Peggy Jones');
  });

  it('takes a new name from the identity provider when the provider’s name changes', async () => {
    const me = await world.newPerson({ displayName: 'Sam Taylor' });
    const tokens = t.app.get(DevTokenService);
    await t.gql(ME, {}, { token: tokens.issue({ ...me, objectId: me.objectId! }).accessToken });
    const renamedByProvider = tokens.issue({
      ...me,
      objectId: me.objectId!,
      displayName: 'Sam Taylor-Okafor',
    });
    const res = await t.gql(ME, {}, { token: renamedByProvider.accessToken });
    expect(res.data!.me.displayName).toBe('Sam Taylor-Okafor');
  });
});
