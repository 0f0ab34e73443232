import { randomBytes, randomUUID } from 'node:crypto';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const SCIM_TOKEN = randomBytes(32).toString('hex');
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('SCIM input cannot reach Object.prototype, and the app says when it cannot serve', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ SCIM_TOKEN });
    world = new World(t);
  });
  afterAll(() => t.close());

  const send = (method: 'post' | 'put' | 'patch', path: string, body: unknown) => {
    const http = t.http();
    return http[method](`/scim/v2${path}`)
      .set({ Authorization: `Bearer ${SCIM_TOKEN}`, 'Content-Type': 'application/scim+json' })
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const get = (path: string) =>
    t
      .http()
      .get(`/scim/v2${path}`)
      .set({ Authorization: `Bearer ${SCIM_TOKEN}` });
  const newUser = (overrides: Record<string, unknown> = {}) => {
    const id = randomUUID().slice(0, 8);
    return {
      schemas: [CORE],
      userName: `Safe.${id}@Example.NHS.uk`,
      displayName: `Sam Safe ${id}`,
      name: { givenName: 'Sam', familyName: `Safe ${id}` },
      ...overrides,
    };
  };
  const provision = async () =>
    JSON.parse((await send('post', '/Users', newUser()).expect(201)).text);
  const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
  const unpolluted = () => {
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  };

  describe.each([
    [
      'a path into __proto__',
      patch({ op: 'add', path: '__proto__.polluted', value: 'yes' }),
      'invalidPath',
    ],
    [
      'a path into constructor.prototype',
      patch({ op: 'add', path: 'constructor.prototype.polluted', value: 'yes' }),
      'invalidPath',
    ],
    [
      'a path ending in __proto__',
      patch({ op: 'replace', path: 'name.__proto__', value: { polluted: 'yes' } }),
      'invalidPath',
    ],
    [
      'a filtered path into __proto__',
      patch({ op: 'replace', path: 'emails[type eq "work"].__proto__.polluted', value: 'yes' }),
      'invalidPath',
    ],
    [
      'Prototype in any case',
      patch({ op: 'add', path: 'name.Constructor.PROTOTYPE.polluted', value: 'yes' }),
      'invalidPath',
    ],
    [
      'a path-less __proto__ value',
      '{"schemas":["' +
        PATCH_OP +
        '"],"Operations":[{"op":"add","value":{"__proto__":{"polluted":"yes"}}}]}',
      'invalidValue',
    ],
    [
      'a nested __proto__ value',
      '{"schemas":["' +
        PATCH_OP +
        '"],"Operations":[{"op":"Replace","value":{"name":{"__proto__":{"polluted":"yes"}}}}]}',
      'invalidValue',
    ],
    [
      'a constructor value',
      patch({ op: 'add', value: { constructor: { prototype: { polluted: 'yes' } } } }),
      'invalidValue',
    ],
  ])('PATCH with %s', (_name, body, scimType) => {
    it('is refused with SCIM 400, and nothing is polluted', async () => {
      const user = await provision();
      const res = await send('patch', `/Users/${user.id}`, body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ status: '400', scimType });
      unpolluted();
    });
  });

  it.each([
    [
      'POST',
      () =>
        send(
          'post',
          '/Users',
          `{"schemas":["${CORE}"],"userName":"p.${randomUUID()}@x.nhs.uk","__proto__":{"polluted":"yes"}}`,
        ),
    ],
    [
      'POST, deep',
      () =>
        send(
          'post',
          '/Users',
          `{"schemas":["${CORE}"],"userName":"p.${randomUUID()}@x.nhs.uk","${ENTERPRISE}":{"manager":{"__proto__":{"polluted":"yes"}}}}`,
        ),
    ],
    [
      'PUT',
      async () =>
        send(
          'put',
          `/Users/${(await provision()).id}`,
          `{"schemas":["${CORE}"],"userName":"p.${randomUUID()}@x.nhs.uk","emails":[{"value":"a@b.nhs.uk","__proto__":{"polluted":"yes"}}]}`,
        ),
    ],
  ])('refuses a __proto__ key in a %s body', async (_name, request) => {
    const res = await request();
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ scimType: 'invalidValue' });
    unpolluted();
  });

  it('after every attempt, still signs people in and looks them up', async () => {
    const me = await world.newPerson();
    expect((await t.gql('{ me { id } }', {}, me)).data).toEqual({ me: { id: String(me.id) } });
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });

  it('/health and /health/ready answer 503 once Object.prototype is polluted', async () => {
    expect((await t.http().get('/health/ready')).status).toBe(200);
    Object.defineProperty(Object.prototype, 'pollutedForTest', {
      value: 'yes',
      configurable: true,
      writable: true,
    });
    try {
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', process: 'polluted' });
      expect((await t.http().get('/health')).status).toBe(503);
    } finally {
      delete (Object.prototype as Record<string, unknown>).pollutedForTest;
    }
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });

  it('/health/ready answers 503 when the ORM cannot look anything up', async () => {
    const broken = await createTestApp();
    try {
      await broken.dataSource.destroy();
      expect((await broken.http().get('/health/ready')).status).toBe(503);
    } finally {
      await broken.app.close().catch(() => undefined);
      await broken.database.drop();
    }
  });

  describe('userName', () => {
    it('is kept as provisioned, found and unique ignoring case', async () => {
      const user = newUser();
      const created = JSON.parse((await send('post', '/Users', user).expect(201)).text);
      expect(created.userName).toBe(user.userName);
      const lower = encodeURIComponent(`userName eq "${user.userName.toLowerCase()}"`);
      const found = JSON.parse((await get(`/Users?filter=${lower}`).expect(200)).text);
      expect(found.Resources.map((r: { id: string }) => r.id)).toEqual([created.id]);
      const again = await send(
        'post',
        '/Users',
        newUser({ userName: user.userName.toUpperCase() }),
      );
      expect(again.status).toBe(409);
      expect(JSON.parse(again.text)).toMatchObject({ scimType: 'uniqueness' });
    });

    it('two people racing for one name in different cases: one wins', async () => {
      const name = `Race.${randomUUID().slice(0, 8)}@Example.nhs.uk`;
      const answers = await Promise.all(
        [name, name.toLowerCase(), name.toUpperCase()].map((userName) =>
          send('post', '/Users', newUser({ userName })),
        ),
      );
      expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409]);
    });
  });

  describe.each([
    [
      'a right-to-left override in displayName',
      { displayName: 'Evil \u202Egnp.exe' },
      'displayName',
    ],
    ['a NUL in displayName', { displayName: 'Nul\u0000Name' }, 'displayName'],
    ['a NUL in givenName', { name: { givenName: 'A\u0000', familyName: 'B' } }, 'name'],
    ['a tab in familyName', { name: { givenName: 'A', familyName: 'B\tC' } }, 'name.familyName'],
    ['a line break in title', { title: 'Nurse\nManager' }, 'title'],
    ['a NUL in userName', { userName: 'nul\u0000@x.nhs.uk' }, 'userName'],
    [
      'an isolate in a department',
      { [ENTERPRISE]: { department: 'Cardio\u2066logy' } },
      'department',
    ],
    ['a NUL in an e-mail address', { emails: [{ value: 'a\u0000@b.nhs.uk' }] }, 'emails'],
  ])('text with %s', (_name, overrides, attribute) => {
    it('is refused with SCIM 400 naming the attribute (on POST, PUT and PATCH)', async () => {
      const post = await send('post', '/Users', newUser(overrides));
      expect(post.status).toBe(400);
      expect(JSON.parse(post.text)).toMatchObject({
        scimType: 'invalidValue',
        detail: expect.stringContaining(attribute),
      });
      const user = await provision();
      const put = await send('put', `/Users/${user.id}`, newUser(overrides));
      expect(put.status).toBe(400);
      const [key, value] = Object.entries(overrides)[0];
      // the enterprise extension is patched attribute by attribute, as Entra does
      const [path, patchValue] =
        key === ENTERPRISE
          ? [`${ENTERPRISE}:department`, (value as { department: string }).department]
          : [key, value];
      const patched = await send(
        'patch',
        `/Users/${user.id}`,
        patch({ op: 'replace', path, value: patchValue }),
      );
      expect(patched.status).toBe(400);
      // nothing was written
      expect(JSON.parse((await get(`/Users/${user.id}`).expect(200)).text).displayName).toBe(
        user.displayName,
      );
    });
  });

  it.each([
    ['startIndex=1e23', '?startIndex=1e23', 400],
    ['startIndex past every number', `?startIndex=${'9'.repeat(40)}`, 200],
    ['count past every number', `?count=${'9'.repeat(40)}`, 200],
    ['a negative startIndex', `?startIndex=-${'9'.repeat(40)}`, 200],
    ['startIndex as a list', '?startIndex=1&startIndex=2', 400],
  ])('answers %s with %s, never 500', async (_name, query, status) => {
    const res = await get(`/Users${query}`);
    expect(res.status).toBe(status);
    if (status === 200) expect(JSON.parse(res.text).Resources.length).toBeLessThanOrEqual(100);
  });
});
