import { randomBytes, randomUUID } from 'node:crypto';
import { Department } from '../src/organisations/department.entity';
import { TransactionRunner } from '../src/database/transaction-runner';
import { createTestApp, TestApp } from './support/create-test-app';
import { LocalOidcIssuer } from './support/local-oidc-issuer';
import { World } from './support/world';

const TENANT = randomUUID();
const AUDIENCE = 'api://staff-voices';
const SCIM_TOKEN = randomBytes(32).toString('hex');
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('SCIM 2.0 provisioning from Entra ID', () => {
  let issuer: LocalOidcIssuer;
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    issuer = await LocalOidcIssuer.start();
    t = await createTestApp({
      AUTH_MODE: 'entra',
      ENTRA_TENANT_IDS: TENANT,
      ENTRA_AUDIENCES: AUDIENCE,
      ENTRA_AUTHORITY: issuer.authority,
      ENTRA_CLIENT_ID: randomUUID(),
      ENTRA_API_SCOPE: `${AUDIENCE}/access_as_user`,
      SCIM_TOKEN,
    });
    world = new World(t);
  });
  afterAll(async () => {
    await t.close();
    await issuer.stop();
  });

  const scim = () => {
    const auth = { Authorization: `Bearer ${SCIM_TOKEN}` };
    const http = t.http();
    return {
      get: (path: string) => http.get(`/scim/v2${path}`).set(auth),
      delete: (path: string) => http.delete(`/scim/v2${path}`).set(auth),
      send: (method: 'post' | 'put' | 'patch', path: string, body: unknown) =>
        http[method](`/scim/v2${path}`)
          .set({ ...auth, 'Content-Type': 'application/scim+json' })
          .send(JSON.stringify(body)),
    };
  };
  const unique = () => randomUUID().slice(0, 8);
  const newUser = (overrides: Record<string, unknown> = {}) => {
    const id = unique();
    return {
      schemas: [CORE, ENTERPRISE],
      userName: `Joiner.${id}@Example.nhs.uk`,
      externalId: `ext-${id}`,
      active: true,
      displayName: `Jo Joiner ${id}`,
      name: { givenName: 'Jo', familyName: `Joiner ${id}` },
      title: 'Staff Nurse',
      emails: [{ value: `joiner.${id}@example.nhs.uk`, type: 'work', primary: true }],
      ...overrides,
    };
  };
  const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

  describe('the bearer secret', () => {
    it.each([
      ['no token', undefined],
      ['a wrong token', `Bearer ${randomBytes(32).toString('hex')}`],
      ['a token one character short', `Bearer ${SCIM_TOKEN.slice(0, -1)}`],
      ['an Entra access token', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.x'],
    ])('refuses %s with 401 in SCIM error format', async (_, authorization) => {
      const req = t.http().get('/scim/v2/Users');
      const res = await (authorization ? req.set('Authorization', authorization) : req);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(JSON.parse(res.text)).toMatchObject({ schemas: [ERROR], status: '401' });
    });

    it('refuses a write without it and writes nothing', async () => {
      const user = newUser();
      await t.http().post('/scim/v2/Users').send(user).expect(401);
      const found = await scim().get(
        `/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`,
      );
      expect(JSON.parse(found.text).totalResults).toBe(0);
    });
  });

  it('publishes ServiceProviderConfig, Schemas and ResourceTypes', async () => {
    const config = await scim().get('/ServiceProviderConfig').expect(200);
    expect(config.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(JSON.parse(config.text)).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 100 },
      bulk: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
    });
    const schemas = JSON.parse((await scim().get('/Schemas').expect(200)).text);
    expect(schemas.Resources.map((s: { id: string }) => s.id)).toEqual([CORE, ENTERPRISE]);
    await scim().get(`/Schemas/${CORE}`).expect(200);
    const types = JSON.parse((await scim().get('/ResourceTypes').expect(200)).text);
    expect(types.Resources[0]).toMatchObject({ id: 'User', endpoint: '/Users', schema: CORE });
    const missing = await scim().get('/ResourceTypes/Group').expect(404);
    expect(JSON.parse(missing.text)).toMatchObject({ schemas: [ERROR], status: '404' });
  });

  it('runs the whole lifecycle: create, find, update, deactivate, delete', async () => {
    const organisation = await world.newOrganisation();
    const cardiology = await t.app
      .get(TransactionRunner)
      .run((tx) => tx.save(Department, { organisationId: organisation.id, name: 'Cardiology' }));
    const user = newUser({
      [ENTERPRISE]: { organization: organisation.odsCode.toLowerCase(), department: 'cardiology' },
    });

    // Entra first looks the person up, then creates them
    const lookup = `/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`;
    expect(JSON.parse((await scim().get(lookup).expect(200)).text)).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      Resources: [],
    });
    const created = await scim().send('post', '/Users', user).expect(201);
    expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
    const body = JSON.parse(created.text);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      userName: user.userName, // as provisioned (compared ignoring case)
      externalId: user.externalId,
      displayName: user.displayName,
      name: user.name,
      title: 'Staff Nurse',
      active: true,
      emails: user.emails,
      [ENTERPRISE]: { organization: organisation.odsCode.toLowerCase(), department: 'cardiology' },
      meta: {
        resourceType: 'User',
        location: expect.stringMatching(new RegExp(`/scim/v2/Users/${body.id}$`)),
      },
    });
    const id = body.id as string;
    const directoryFinds = async (search: string) => {
      const res = await t.gql(
        `query($filter: StaffFilter) { staff(first: 10, filter: $filter) { edges { node { id } } } }`,
        { filter: { search } },
        colleague,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.staff.edges.some((edge: { node: { id: string } }) => edge.node.id === id);
    };

    // the person is in the directory, with the organisation and department SCIM named
    const colleague = { token: await issuer.mint(TENANT, AUDIENCE) };
    const profile = `query($id: ID!) { staffMember(id: $id) { displayName jobTitle organisation { id } department { id } } }`;
    expect((await t.gql(profile, { id }, colleague)).data?.staffMember).toEqual({
      displayName: user.displayName,
      jobTitle: 'Staff Nurse',
      organisation: { id: String(organisation.id) },
      department: { id: String(cardiology.id) },
    });

    // found by userName (ignoring case), by externalId, by both, and by id
    for (const filter of [
      `userName eq "${user.userName.toUpperCase()}"`,
      `externalId eq "${user.externalId}"`,
      `userName eq "${user.userName}" and externalId eq "${user.externalId}"`,
    ]) {
      const res = JSON.parse(
        (await scim().get(`/Users?filter=${encodeURIComponent(filter)}`)).text,
      );
      expect(res).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
      expect(res.Resources[0].id).toBe(id);
    }
    expect(JSON.parse((await scim().get(`/Users/${id}`).expect(200)).text).id).toBe(id);

    // a second POST with the same userName is a conflict
    const duplicate = await scim()
      .send('post', '/Users', newUser({ userName: user.userName.toUpperCase() }))
      .expect(409);
    expect(JSON.parse(duplicate.text)).toMatchObject({ status: '409', scimType: 'uniqueness' });

    // Entra's PATCH, quirks and all
    const patched = await scim()
      .send(
        'patch',
        `/Users/${id}`,
        patch(
          { op: 'Replace', path: 'title', value: 'Ward Manager' },
          { op: 'Replace', path: 'name.givenName', value: 'Joanna' },
          { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Renal' },
          { op: 'Replace', value: { displayName: 'Joanna Joiner', 'name.familyName': 'Smith' } },
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'joanna@example.nhs.uk' },
          { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '0100 000 0000' },
        ),
      )
      .expect(200);
    expect(JSON.parse(patched.text)).toMatchObject({
      title: 'Ward Manager',
      displayName: 'Joanna Joiner',
      name: { givenName: 'Joanna', familyName: 'Smith' },
      emails: [{ value: 'joanna@example.nhs.uk', type: 'work', primary: true }],
      [ENTERPRISE]: { department: 'Renal', organization: organisation.odsCode.toLowerCase() },
    });
    // a path-less replace of a complex attribute changes only what it names
    const nested = await scim()
      .send(
        'patch',
        `/Users/${id}`,
        patch({ op: 'replace', value: { name: { familyName: 'Jones' } } }),
      )
      .expect(200);
    expect(JSON.parse(nested.text).name).toEqual({ givenName: 'Joanna', familyName: 'Jones' });
    const removed = await scim()
      .send('patch', `/Users/${id}`, patch({ op: 'Remove', path: 'title' }))
      .expect(200);
    expect(JSON.parse(removed.text).title).toBeUndefined();

    // deactivation, as Entra sends it: active as the string "False"
    await scim()
      .send('patch', `/Users/${id}`, patch({ op: 'Replace', path: 'active', value: 'False' }))
      .expect(200);
    const gone = await t.gql(profile, { id }, colleague);
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await directoryFinds('Joanna Joiner')).toBe(false);
    expect(JSON.parse((await scim().get(`/Users/${id}`)).text).active).toBe(false);

    // and back again (path-less, string "True")
    await scim()
      .send('patch', `/Users/${id}`, patch({ op: 'Replace', value: { active: 'True' } }))
      .expect(200);
    expect((await t.gql(profile, { id }, colleague)).data?.staffMember.displayName).toBe(
      'Joanna Joiner',
    );
    expect(await directoryFinds('Joanna Joiner')).toBe(true);

    // DELETE: gone from SCIM and the directory, the record kept
    await scim().delete(`/Users/${id}`).expect(204);
    expect(JSON.parse((await scim().get(`/Users/${id}`).expect(404)).text)).toMatchObject({
      schemas: [ERROR],
      status: '404',
    });
    expect(JSON.parse((await scim().get(lookup)).text).totalResults).toBe(0);
    expect((await t.gql(profile, { id }, colleague)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    await scim().delete(`/Users/${id}`).expect(404);

    // a returning leaver gets their record back rather than a new one
    const back = await scim().send('post', '/Users', user).expect(201);
    expect(JSON.parse(back.text).id).toBe(id);
  });

  it('creates one person when Entra sends the same joiner twice at once', async () => {
    const user = newUser();
    const statuses = await Promise.all(
      [user, { ...user, externalId: 'other' }].map(
        async (body) => (await scim().send('post', '/Users', body)).status,
      ),
    );
    expect(statuses.sort()).toEqual([201, 409]);
    const filter = encodeURIComponent(`userName eq "${user.userName}"`);
    expect(JSON.parse((await scim().get(`/Users?filter=${filter}`)).text).totalResults).toBe(1);
  });

  it('replaces everything on PUT, clearing what is left out', async () => {
    const created = JSON.parse((await scim().send('post', '/Users', newUser()).expect(201)).text);
    const put = await scim()
      .send('put', `/Users/${created.id}`, {
        schemas: [CORE],
        userName: created.userName,
        displayName: 'Renamed Person',
        active: true,
      })
      .expect(200);
    const body = JSON.parse(put.text);
    expect(body).toMatchObject({ id: created.id, displayName: 'Renamed Person' });
    expect(body.title).toBeUndefined();
    expect(body.name).toBeUndefined();
    expect(body.externalId).toBeUndefined();
    await scim()
      .send('put', '/Users/999999999', { schemas: [CORE], userName: 'x@y' })
      .expect(404);
  });

  it.each([
    ['no userName', { schemas: [CORE], displayName: 'Nobody' }, 'userName'],
    ['a userName that is not text', { schemas: [CORE], userName: 42 }, 'userName'],
    [
      'active that is not a boolean',
      { schemas: [CORE], userName: 'a@b.nhs.uk', active: 'perhaps' },
      'active',
    ],
    [
      'a title too long',
      { schemas: [CORE], userName: 'a@b.nhs.uk', title: 'x'.repeat(201) },
      'title',
    ],
  ])('refuses a POST with %s, naming it, and writes nothing', async (_, body, attribute) => {
    const res = await scim().send('post', '/Users', body).expect(400);
    const error = JSON.parse(res.text);
    expect(error).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidValue' });
    expect(error.detail).toContain(attribute);
  });

  it.each([
    ['an unknown op', patch({ op: 'Frobnicate', path: 'title', value: 'x' }), 'invalidSyntax'],
    ['no Operations', { schemas: [PATCH_OP] }, 'invalidSyntax'],
    [
      'the wrong schema',
      { schemas: [CORE], Operations: [{ op: 'add', path: 'title', value: 'x' }] },
      'invalidSyntax',
    ],
    ['remove without a path', patch({ op: 'remove' }), 'noTarget'],
    [
      'active that is not a boolean',
      patch({ op: 'replace', path: 'active', value: 'Nope' }),
      'invalidValue',
    ],
  ])('refuses a PATCH with %s and changes nothing', async (_, body, scimType) => {
    const created = JSON.parse((await scim().send('post', '/Users', newUser()).expect(201)).text);
    const res = await scim().send('patch', `/Users/${created.id}`, body).expect(400);
    expect(JSON.parse(res.text)).toMatchObject({ status: '400', scimType });
    const after = JSON.parse((await scim().get(`/Users/${created.id}`)).text);
    expect(after.meta.lastModified).toBe(created.meta.lastModified);
    expect(after.title).toBe(created.title);
  });

  it('refuses a filter it cannot honour exactly, and body that is not JSON', async () => {
    for (const filter of [
      'userName co "a"',
      'displayName eq "x"',
      'userName eq "a" or userName eq "b"',
    ]) {
      const res = await scim()
        .get(`/Users?filter=${encodeURIComponent(filter)}`)
        .expect(400);
      expect(JSON.parse(res.text)).toMatchObject({ scimType: 'invalidFilter' });
    }
    const bad = await t
      .http()
      .post('/scim/v2/Users')
      .set({ Authorization: `Bearer ${SCIM_TOKEN}`, 'Content-Type': 'application/scim+json' })
      .send('{"userName":')
      .expect(400);
    expect(JSON.parse(bad.text)).toMatchObject({ schemas: [ERROR], scimType: 'invalidSyntax' });
  });

  it('pages with startIndex and count', async () => {
    const externalId = `shared-${unique()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await scim().send('post', '/Users', newUser({ externalId })).expect(201);
      ids.push(JSON.parse(res.text).id);
    }
    const filter = encodeURIComponent(`externalId eq "${externalId}"`);
    const page = JSON.parse(
      (await scim().get(`/Users?filter=${filter}&startIndex=2&count=1`)).text,
    );
    expect(page).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(page.Resources.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    const countOnly = JSON.parse((await scim().get(`/Users?filter=${filter}&count=0`)).text);
    expect(countOnly).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('matches organization by name too, and keeps an unknown one as sent', async () => {
    const organisation = await world.newOrganisation({
      name: `Northshire Hospitals ${unique()}`,
    });
    const byName = JSON.parse(
      (
        await scim()
          .send(
            'post',
            '/Users',
            newUser({ [ENTERPRISE]: { organization: organisation.name.toUpperCase() } }),
          )
          .expect(201)
      ).text,
    );
    const colleague = { token: await issuer.mint(TENANT, AUDIENCE) };
    const q = `query($id: ID!) { staffMember(id: $id) { organisation { id } } }`;
    expect((await t.gql(q, { id: byName.id }, colleague)).data?.staffMember.organisation).toEqual({
      id: String(organisation.id),
    });
    const unknown = JSON.parse(
      (
        await scim()
          .send('post', '/Users', newUser({ [ENTERPRISE]: { organization: 'Nowhere Trust' } }))
          .expect(201)
      ).text,
    );
    expect(unknown[ENTERPRISE]).toEqual({ organization: 'Nowhere Trust' });
    expect(
      (await t.gql(q, { id: unknown.id }, colleague)).data?.staffMember.organisation,
    ).toBeNull();
  });

  describe('with sign-in', () => {
    const ME = `query { me { id displayName needsOrganisation organisation { id } } }`;

    it('links the first sign-in to the provisioned person, and a leaver cannot sign in', async () => {
      const organisation = await world.newOrganisation();
      const user = newUser({ [ENTERPRISE]: { organization: organisation.odsCode } });
      const oid = randomUUID(); // Entra maps externalId to the person's object id
      user.externalId = oid;
      const { id } = JSON.parse((await scim().send('post', '/Users', user).expect(201)).text);
      const token = await issuer.mint(TENANT, AUDIENCE, {
        claims: { oid, preferred_username: user.userName, name: user.displayName },
      });
      const me = await t.gql(ME, {}, { token });
      expect(me.data?.me).toEqual({
        id,
        displayName: user.displayName,
        needsOrganisation: false,
        organisation: { id: String(organisation.id) },
      });
      // the provisioned organisation is not the person's to change
      const other = await world.newOrganisation();
      const choose = await t.gql(
        CHOOSE,
        { input: { organisationId: String(other.id) } },
        { token },
      );
      expect(choose.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organisationId',
      });

      await scim()
        .send('patch', `/Users/${id}`, patch({ op: 'Replace', path: 'active', value: 'False' }))
        .expect(200);
      const refused = await t.gql(ME, {}, { token });
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // and a brand-new token for them is refused too
      const fresh = await issuer.mint(TENANT, AUDIENCE, { claims: { oid } });
      expect((await t.gql(ME, {}, { token: fresh })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('refuses the first sign-in of a person provisioned as inactive', async () => {
      const oid = randomUUID();
      const user = newUser({ active: false, externalId: oid });
      await scim().send('post', '/Users', user).expect(201);
      const token = await issuer.mint(TENANT, AUDIENCE, {
        claims: { oid, preferred_username: user.userName },
      });
      expect((await t.gql(ME, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});

const CHOOSE = `mutation($input: ChooseMyOrganisationInput!) {
  chooseMyOrganisation(input: $input) { me { id organisation { id } site { id } department { id } } }
}`;
