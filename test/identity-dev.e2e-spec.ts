import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const ME = `query { me { id displayName isCommsAdmin } }`;

describe('identity: development sign-in', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_MODE: 'dev' });
    world = new World(t);
  });
  afterAll(() => t.close());

  const signIn = (staffId: unknown) => t.http().post('/api/dev/sign-in').send({ staffId });

  it('offers people to sign in as, admins first, and says the mode', async () => {
    const admin = await world.newAdmin();
    const people = (await t.http().get('/api/dev/people').expect(200)).body;
    expect(people).toContainEqual(expect.objectContaining({ id: admin.id, isCommsAdmin: true }));
    const config = (await t.http().get('/api/client-config').expect(200)).body;
    expect(config).toEqual({ authMode: 'dev' });
  });

  it('signs a short-lived token that goes through the same guard', async () => {
    const admin = await world.newAdmin({ displayName: 'Ada Admin' });
    const res = await signIn(admin.id).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 3600 });
    const me = await t.gql(ME, {}, { token: res.body.accessToken });
    expect(me.data!.me).toEqual({
      id: String(admin.id),
      displayName: 'Ada Admin',
      isCommsAdmin: true,
    });
  });

  it('gives a provisioned person who never signed in a development identity', async () => {
    const provisioned = await world.newPerson({ tenantId: null, objectId: null });
    const res = await signIn(provisioned.id).expect(200);
    const me = await t.gql(ME, {}, { token: res.body.accessToken });
    expect(me.data!.me.id).toBe(String(provisioned.id));
  });

  it('refuses a token whose claims were changed', async () => {
    const person = await world.newPerson();
    const token: string = (await signIn(person.id).expect(200)).body.accessToken;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.roles = ['Comms.Admin'];
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await t.gql(ME, {}, { token: forged })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it.each([
    ['no one', 999999999, 404],
    ['not an id', 'Tom', 400],
  ])('refuses to sign in as %s', async (_, staffId, status) => {
    await signIn(staffId).expect(status);
  });

  it('refuses a deactivated person, at sign-in and with a token they already hold', async () => {
    const leaver = await world.newPerson();
    const token: string = (await signIn(leaver.id).expect(200)).body.accessToken;
    // used once, so the token's person is remembered (SignedInCache): leaving must forget it
    expect((await t.gql(ME, {}, { token })).errors).toBeUndefined();
    await world.leave(leaver);
    await signIn(leaver.id).expect(404);
    expect((await t.gql(ME, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has no SCIM without SCIM_TOKEN: every request is refused in SCIM format', async () => {
    const res = await t.http().get('/scim/v2/Users').set('Authorization', 'Bearer anything');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
      detail: expect.stringContaining('SCIM_TOKEN'),
    });
  });
});
