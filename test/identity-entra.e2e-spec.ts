import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { createHmac } from 'node:crypto';
import { TransactionRunner } from '../src/database/transaction-runner';
import { Site } from '../src/organisations/site.entity';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { LocalOidcIssuer } from './support/local-oidc-issuer';
import { StaffService } from '../src/staff/staff.service';
import { World } from './support/world';

const TENANT = randomUUID();
const OTHER_ALLOWED_TENANT = randomUUID();
const AUDIENCE = 'api://staff-voices';
const CLIENT_ID_AUDIENCE = randomUUID();

const CHOOSE = `mutation($input: ChooseMyOrganisationInput!) {
  chooseMyOrganisation(input: $input) { me { organisation { odsCode } site { id } } }
}`;
const ME = `query { me { id displayName isCommsAdmin organisation { odsCode } } }`;

describe('identity: Entra ID access tokens', () => {
  let issuer: LocalOidcIssuer;
  let t: TestApp;
  let world: World;
  const ods = `E${Date.now() % 1000000}`;

  beforeAll(async () => {
    issuer = await LocalOidcIssuer.start();
    t = await createTestApp({
      AUTH_MODE: 'entra',
      ENTRA_TENANT_IDS: `${TENANT},${OTHER_ALLOWED_TENANT}`,
      ENTRA_AUDIENCES: `${AUDIENCE},${CLIENT_ID_AUDIENCE}`,
      ENTRA_AUTHORITY: issuer.authority,
      ENTRA_CLIENT_ID: randomUUID(),
      ENTRA_API_SCOPE: `${AUDIENCE}/access_as_user`,
      ENTRA_TENANT_ORGANISATIONS: `${OTHER_ALLOWED_TENANT}=${ods}`,
      SCIM_TENANT_ID: TENANT,
    });
    world = new World(t);
  });
  afterAll(async () => {
    await t.close();
    await issuer.stop();
  });

  const me = (token: string) => t.gql(ME, {}, { token });
  const expectRefused = async (token: string) => {
    const res = await me(token);
    expect(res.data).toBeFalsy();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  };

  it('accepts a v2 token and a v1 token, each with any configured audience', async () => {
    const v2 = await issuer.mint(TENANT, AUDIENCE, { claims: { name: 'Vera Two' } });
    const v1 = await issuer.mint(TENANT, CLIENT_ID_AUDIENCE, {
      version: 'v1',
      claims: { name: 'Victor One' },
    });
    expect((await me(v2)).data?.me.displayName).toBe('Vera Two');
    expect((await me(v1)).data?.me.displayName).toBe('Victor One');
  });

  it('accepts tokens within the five minutes of clock skew', async () => {
    const justExpired = await issuer.mint(TENANT, AUDIENCE, { expiresIn: -120 });
    const almostValid = await issuer.mint(TENANT, AUDIENCE, { notBefore: 120 });
    expect((await me(justExpired)).errors).toBeUndefined();
    expect((await me(almostValid)).errors).toBeUndefined();
  });

  it('refuses a forged signature', async () => {
    const token = await issuer.mint(TENANT, AUDIENCE);
    const [header, payload] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.roles = ['Comms.Admin'];
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${token.split('.')[2]}`;
    await expectRefused(tampered);
    // signed by a key the issuer never published, under the published kid
    const stranger = await LocalOidcIssuer.newKey();
    await expectRefused(
      await issuer.mint(TENANT, AUDIENCE, { key: stranger, kid: issuer.currentKey.kid }),
    );
  });

  it('refuses an unknown kid', async () => {
    const stranger = await LocalOidcIssuer.newKey();
    await expectRefused(await issuer.mint(TENANT, AUDIENCE, { key: stranger }));
  });

  it.each([
    ['expired beyond the skew', { expiresIn: -400 }],
    ['not valid for more than the skew', { notBefore: 400 }],
  ])('refuses a token %s', async (_, options) => {
    await expectRefused(await issuer.mint(TENANT, AUDIENCE, options));
  });

  it('refuses a token without an expiry', async () => {
    await expectRefused(await issuer.mint(TENANT, AUDIENCE, { claims: { exp: undefined } }));
  });

  it.each([
    ['a stranger', () => 'https://evil.example/v2.0'],
    ["another allowed tenant's v2 issuer", () => issuer.v2Issuer(OTHER_ALLOWED_TENANT)],
    ["another allowed tenant's v1 issuer", () => issuer.v1Issuer(OTHER_ALLOWED_TENANT)],
    ['the multi-tenant placeholder', () => issuer.v2Issuer('{tenantid}')],
  ])('refuses the wrong issuer: %s', async (_, iss) => {
    await expectRefused(await issuer.mint(TENANT, AUDIENCE, { claims: { iss: iss() } }));
  });

  it('refuses a tenant that is not allowed, without asking its issuer for keys', async () => {
    const stranger = randomUUID();
    const before = issuer.requests.length;
    await expectRefused(await issuer.mint(stranger, AUDIENCE));
    const res = await me(await issuer.mint(stranger, AUDIENCE));
    expect(res.errors?.[0].message).toBe('Sign in first: tenant not allowed');
    expect(issuer.requests.slice(before).filter((path) => path.includes(stranger))).toEqual([]);
  });

  it('refuses the wrong audience', async () => {
    await expectRefused(await issuer.mint(TENANT, 'api://someone-else'));
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT({
      iss: issuer.v2Issuer(TENANT),
      aud: AUDIENCE,
      tid: TENANT,
      oid: randomUUID(),
    })
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    await expectRefused(unsigned);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const pem = await issuer.publicKeyPem();
    const claims = {
      iss: issuer.v2Issuer(TENANT),
      aud: AUDIENCE,
      tid: TENANT,
      oid: randomUUID(),
    };
    const viaJose = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: issuer.currentKey.kid })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(pem));
    await expectRefused(viaJose);
    // and by hand, in case a library refused to make it
    const now = Math.floor(Date.now() / 1000);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const body = `${encode({ alg: 'HS256', typ: 'JWT', kid: issuer.currentKey.kid })}.${encode({ ...claims, exp: now + 600 })}`;
    await expectRefused(`${body}.${createHmac('sha256', pem).update(body).digest('base64url')}`);
  });

  it('refuses a token without oid', async () => {
    await expectRefused(await issuer.mint(TENANT, AUDIENCE, { claims: { oid: undefined } }));
  });

  it('refuses a request without a token, or with rubbish', async () => {
    expect((await t.gql(ME, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await expectRefused('not-a-jwt');
  });

  it('picks up a key rotation without a restart, and keeps keys cached', async () => {
    const before = await issuer.mint(TENANT, AUDIENCE);
    expect((await me(before)).errors).toBeUndefined();
    const keyFetches = () =>
      issuer.requests.filter((p) => p.includes(`${TENANT}/discovery`)).length;
    const fetchesBefore = keyFetches();
    for (let i = 0; i < 5; i += 1) expect((await me(before)).errors).toBeUndefined();
    expect(keyFetches()).toBe(fetchesBefore); // no network per request

    await issuer.rotate();
    const after = await issuer.mint(TENANT, AUDIENCE);
    const res = await me(after);
    expect(res.errors).toBeUndefined();
    expect(keyFetches()).toBe(fetchesBefore + 1);
  });

  it('gives the Comms.Admin app role, and takes it away when the token no longer has it', async () => {
    const oid = randomUUID();
    const admin = await issuer.mint(TENANT, AUDIENCE, { claims: { oid, roles: ['Comms.Admin'] } });
    expect((await me(admin)).data?.me.isCommsAdmin).toBe(true);
    const plain = await issuer.mint(TENANT, AUDIENCE, { claims: { oid, roles: [] } });
    expect((await me(plain)).data?.me.isCommsAdmin).toBe(false);
  });

  it('authorises Comms.Admin operations by the role in the token, refusing others with FORBIDDEN', async () => {
    const CREATE = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { name } } }`;
    const oid = randomUUID();
    const input = { name: `Comms test ${oid.slice(0, 8)}`, kind: 'NETWORK' };
    const withRole = await issuer.mint(TENANT, AUDIENCE, {
      claims: { oid, roles: ['Comms.Admin'] },
    });
    const created = await t.gql(CREATE, { input }, { token: withRole });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCommunity.community.name).toBe(input.name);

    // the same person once the role is taken away in Entra ID, and someone who never had it
    for (const claims of [{ oid, roles: [] }, { oid: randomUUID() }]) {
      const token = await issuer.mint(TENANT, AUDIENCE, { claims });
      const refused = await t.gql(
        CREATE,
        { input: { ...input, name: `${input.name} again` } },
        { token },
      );
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeFalsy();
    }
  });

  it('creates the staff record on first sign-in and updates what changed later', async () => {
    const oid = randomUUID();
    const userName = `first.sign.in.${oid.slice(0, 8)}@example.nhs.uk`;
    const first = await me(
      await issuer.mint(TENANT, AUDIENCE, {
        claims: { oid, name: 'Fiona First', preferred_username: userName.toUpperCase() },
      }),
    );
    expect(first.errors).toBeUndefined();
    const id = Number(first.data!.me.id);
    const created = await t.dataSource.getRepository(StaffMember).findOneByOrFail({ id });
    expect(created).toMatchObject({
      tenantId: TENANT,
      objectId: oid,
      displayName: 'Fiona First',
      userName,
      organisationId: null,
      active: true,
    });

    const renamed = `fiona.married.${oid.slice(0, 8)}@example.nhs.uk`;
    const second = await me(
      await issuer.mint(TENANT, AUDIENCE, {
        claims: { oid, name: 'Fiona Married', preferred_username: renamed },
      }),
    );
    expect(second.data!.me.id).toBe(String(id));
    const updated = await t.dataSource.getRepository(StaffMember).findOneByOrFail({ id });
    expect(updated).toMatchObject({ displayName: 'Fiona Married', userName: renamed });
    expect(await t.dataSource.getRepository(StaffMember).countBy({ objectId: oid })).toBe(1);
  });

  it('makes one record when a first sign-in sends several requests at once', async () => {
    const oid = randomUUID();
    const token = await issuer.mint(TENANT, AUDIENCE, {
      claims: { oid, preferred_username: `rush.${oid.slice(0, 8)}@example.nhs.uk` },
    });
    const answers = await Promise.all(Array.from({ length: 6 }, () => me(token)));
    expect(answers.map((a) => a.errors)).toEqual(answers.map(() => undefined));
    expect(new Set(answers.map((a) => a.data!.me.id)).size).toBe(1);
    expect(await t.dataSource.getRepository(StaffMember).countBy({ objectId: oid })).toBe(1);
  });

  it('uses upn for the sign-in name when a v1 token has no preferred_username', async () => {
    const oid = randomUUID();
    const upn = `upn.${oid.slice(0, 8)}@example.nhs.uk`;
    const res = await me(
      await issuer.mint(TENANT, AUDIENCE, { version: 'v1', claims: { oid, upn } }),
    );
    const person = await t.dataSource
      .getRepository(StaffMember)
      .findOneByOrFail({ id: Number(res.data!.me.id) });
    expect(person.userName).toBe(upn);
  });

  it('gives the organisation configured for a tenant to its staff', async () => {
    // signed in before the organisation existed here: given it at the next sign-in
    const token = await issuer.mint(OTHER_ALLOWED_TENANT, AUDIENCE);
    expect((await me(token)).data!.me.organisation).toBeNull();
    const organisation = await world.newOrganisation({ odsCode: ods });
    const res = await me(token);
    expect(res.data!.me.organisation).toEqual({ odsCode: organisation.odsCode });

    // the tenant decides the organisation; the person still chooses their site
    const other = await world.newOrganisation();
    const refused = await t.gql(CHOOSE, { input: { organisationId: String(other.id) } }, { token });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organisationId',
    });
    const site = await t.app
      .get(TransactionRunner)
      .run((tx) => tx.save(Site, { organisationId: organisation.id, name: 'Main site' }));
    const chosen = await t.gql(
      CHOOSE,
      { input: { organisationId: String(organisation.id), siteId: String(site.id) } },
      { token },
    );
    expect(chosen.data!.chooseMyOrganisation.me).toEqual({
      organisation: { odsCode: organisation.odsCode },
      site: { id: String(site.id) },
    });
  });

  it('treats the same oid in two tenants as two people', async () => {
    const oid = randomUUID();
    const a = await me(
      await issuer.mint(TENANT, AUDIENCE, { claims: { oid, preferred_username: undefined } }),
    );
    const b = await me(
      await issuer.mint(OTHER_ALLOWED_TENANT, AUDIENCE, {
        claims: { oid, preferred_username: undefined },
      }),
    );
    expect(a.data!.me.id).not.toBe(b.data!.me.id);
  });

  it('links the first sign-in to the record SCIM provisioned, on externalId = oid', async () => {
    const provisioned = await world.provision({ displayName: 'Paula Provisioned' });
    const oid = provisioned.externalId!;
    const res = await me(
      await issuer.mint(TENANT, AUDIENCE, {
        claims: { oid, preferred_username: 'someone.else@nhs.net' },
      }),
    );
    expect(res.data!.me.id).toBe(String(provisioned.id));
    const linked = await t.dataSource
      .getRepository(StaffMember)
      .findOneByOrFail({ id: provisioned.id });
    expect(linked).toMatchObject({ tenantId: TENANT, objectId: oid });
  });

  it('never links on preferred_username or upn alone (a mutable claim)', async () => {
    const provisioned = await world.provision();
    for (const claims of [
      { preferred_username: provisioned.userName },
      { upn: provisioned.userName, preferred_username: undefined },
    ]) {
      const res = await me(await issuer.mint(TENANT, AUDIENCE, { claims }));
      expect(res.data!.me.id).not.toBe(String(provisioned.id));
    }
    const untouched = await t.dataSource
      .getRepository(StaffMember)
      .findOneByOrFail({ id: provisioned.id });
    expect(untouched).toMatchObject({ tenantId: null, objectId: null });
  });

  it('never links a provisioned record to a sign-in from another allowed tenant', async () => {
    // two tenants are allowed and SCIM_TENANT_ID names TENANT: the other tenant's person with
    // the same object id (or a forged one) does not take the record over
    const provisioned = await world.provision();
    const res = await me(
      await issuer.mint(OTHER_ALLOWED_TENANT, AUDIENCE, {
        claims: { oid: provisioned.externalId, preferred_username: provisioned.userName },
      }),
    );
    expect(res.data!.me.id).not.toBe(String(provisioned.id));
    const untouched = await t.dataSource
      .getRepository(StaffMember)
      .findOneByOrFail({ id: provisioned.id });
    expect(untouched).toMatchObject({ tenantId: null, objectId: null });
  });

  it('refuses app-only tokens as people, even with a Comms.Admin role', async () => {
    for (const claims of [
      { scp: undefined, roles: ['Comms.Admin'], idtyp: undefined },
      { idtyp: 'app', roles: ['Comms.Admin'] },
    ]) {
      const res = await me(await issuer.mint(TENANT, AUDIENCE, { claims }));
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'APP_ONLY_TOKEN',
      });
    }
  });

  it('requires the API’s delegated scope in scp', async () => {
    const res = await me(await issuer.mint(TENANT, AUDIENCE, { claims: { scp: 'User.Read' } }));
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SCOPE_MISSING',
    });
    const both = await me(
      await issuer.mint(TENANT, AUDIENCE, { claims: { scp: 'User.Read access_as_user' } }),
    );
    expect(both.errors).toBeUndefined();
  });

  it('refuses a deactivated person', async () => {
    const oid = randomUUID();
    const token = await issuer.mint(TENANT, AUDIENCE, { claims: { oid } });
    const res = await me(token);
    const [person] = await t.app.get(StaffService).findByIds([Number(res.data!.me.id)]);
    await world.leave(person);
    await expectRefused(token);
  });

  it('does not offer development sign-in in entra mode', async () => {
    await t.http().post('/api/dev/sign-in').send({ staffId: 1 }).expect(404);
    const config = await t.http().get('/api/client-config').expect(200);
    expect(config.body).toMatchObject({ authMode: 'entra' });
  });
});
