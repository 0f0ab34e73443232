import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Platform } from '../src/social-accounts/platforms/platform';
import { AccountVisibility, SocialAccount } from '../src/social-accounts/social-account.entity';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const REQUEST = `mutation($input: RequestVerificationInput!) {
  requestVerification(input: $input) {
    account { id verificationStatus }
    request { id status proofCode profileLink proofMethod }
  }
}`;
const CHECK_PROOF = `mutation($input: CheckVerificationProofInput!) {
  checkVerificationProof(input: $input) { request { status proofMethod proofCheckedAt } }
}`;
const VERIFY = `mutation($input: VerifySocialAccountInput!) {
  verifySocialAccount(input: $input) {
    account { id verificationStatus }
    request { status decidedAt proofCode }
  }
}`;
const REJECT = `mutation($input: RejectSocialAccountInput!) {
  rejectSocialAccount(input: $input) { account { verificationStatus } request { status reason } }
}`;
const QUEUE = `query($first: Int, $after: String) {
  verificationQueue(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id status proofCode proofMethod account { id handle } person { id displayName } } }
  }
}`;
const MY_ACCOUNTS = `query {
  me { accounts { id handle verificationStatus verificationRequest { status reason proofCode } } }
}`;
const AUDIT = `query($filter: AuditLogFilter) {
  auditLog(first: 10, filter: $filter) { edges { node { action targetType targetId before after } } }
}`;
const UPDATE = `mutation($input: UpdateSocialAccountInput!) {
  updateSocialAccount(input: $input) { account { handle verificationStatus } }
}`;

describe('verification: request, queue, verify or reject, the public check', () => {
  let t: TestApp;
  let world: World;
  let platform: Server;
  let platformPage: (path: string) => {
    status?: number;
    body?: string;
    location?: string;
  } = () => ({ status: 404 });

  const verifyUrl = (url: string) =>
    t.http().get('/api/verify').query({ url }).set('Accept', 'application/json');

  const personWithAccount = async (
    organisationId: number,
    account: { platform?: Platform; handle?: string; visibility?: AccountVisibility } = {},
  ) => {
    const person = await world.newPerson({ organisationId, jobTitle: 'Ward Sister' });
    const made = await world.newAccount(person, account);
    return { person, account: made };
  };

  const verified = async (
    organisationId: number,
    admin: StaffMember,
    account: { platform?: Platform; handle?: string; visibility?: AccountVisibility } = {},
  ) => {
    const made = await personWithAccount(organisationId, account);
    expect(
      (await t.gql(REQUEST, { input: { accountId: made.account.id } }, made.person)).errors,
    ).toBeUndefined();
    const res = await t.gql(VERIFY, { input: { accountId: made.account.id } }, admin);
    expect(res.errors).toBeUndefined();
    return made;
  };

  beforeAll(async () => {
    // a local server stands in for every platform's public profile pages
    platform = createServer((req, res) => {
      const page = platformPage(req.url ?? '/');
      if (page.location) res.setHeader('Location', page.location);
      res.statusCode = page.status ?? 200;
      res.setHeader('Content-Type', 'text/html');
      res.end(page.body ?? '');
    });
    await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
    const { port } = platform.address() as AddressInfo;
    t = await createTestApp({
      PROOF_FETCH_PLATFORM_BASE_URL: `http://127.0.0.1:${port}`,
      PROOF_FETCH_TIMEOUT_MS: '800',
      PROOF_FETCH_MAX_BYTES: '4096',
      PUBLIC_URL: 'https://staffvoices.test',
    });
    world = new World(t);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => platform.close(resolve));
  });

  it('a person asks, their communications team sees it in the queue and verifies it; the public check then vouches', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const { person, account } = await personWithAccount(org.id, { handle: '@WardSisterJo' });

    const asked = await t.gql(REQUEST, { input: { accountId: account.id } }, person);
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestVerification).toMatchObject({
      account: { verificationStatus: 'PENDING' },
      request: { status: 'PENDING', profileLink: `https://staffvoices.test/people/${person.id}` },
    });
    expect(asked.data!.requestVerification.request.proofCode).toMatch(/^staffvoices-[A-Z2-9]{8}$/);
    // asking again is the same request
    const again = await t.gql(REQUEST, { input: { accountId: account.id } }, person);
    expect(again.data!.requestVerification.request.id).toBe(
      asked.data!.requestVerification.request.id,
    );

    const queue = await t.gql(QUEUE, { first: 100 }, admin);
    expect(queue.errors).toBeUndefined();
    const mine = queue.data!.verificationQueue.edges.map((e: any) => e.node);
    expect(mine).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        proofCode: null, // the code is the owner's, not the team's
        account: { id: String(account.id), handle: '@WardSisterJo' },
        person: expect.objectContaining({ id: String(person.id) }),
      }),
    ]);
    expect(queue.data!.verificationQueue.totalCount).toBe(1);

    expect((await verifyUrl('https://x.com/WardSisterJo')).body).toEqual({ status: 'UNKNOWN' });
    const done = await t.gql(VERIFY, { input: { accountId: account.id } }, admin);
    expect(done.errors).toBeUndefined();
    expect(done.data!.verifySocialAccount.account.verificationStatus).toBe('VERIFIED');
    expect((await t.gql(QUEUE, {}, admin)).data!.verificationQueue.totalCount).toBe(0);
    const audit = await t.gql(AUDIT, { filter: { targetId: String(account.id) } }, admin);
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditLog.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        action: 'verification.verify',
        targetType: 'social_account',
        targetId: String(account.id),
      }),
    ]);
    expect(JSON.parse(audit.data!.auditLog.edges[0].node.after)).toMatchObject({
      verificationStatus: 'VERIFIED',
    });

    const check = await verifyUrl('https://x.com/WardSisterJo');
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      status: 'VERIFIED_STAFF',
      platform: 'X',
      handle: '@WardSisterJo',
      url: 'https://x.com/WardSisterJo',
      person: { name: person.displayName, jobTitle: 'Ward Sister', organisation: org.name },
      verification: { method: 'COMMS_TEAM', proof: null, verifiedAt: expect.any(String) },
    });
    // any form the handle rules accept gives the same answer, byte for byte
    for (const form of [
      'https://twitter.com/wardsisterjo?lang=en',
      'mobile.twitter.com/WardSisterJo/',
      'http://www.x.com/WARDSISTERJO',
    ]) {
      expect((await verifyUrl(form)).text).toBe(check.text);
    }
    expect(
      (await t.http().get('/api/verify').query({ url: '@wardsisterjo', platform: 'X' })).text,
    ).toBe(check.text);
  });

  it('the public check is open, cacheable, CORS-readable, and says why a URL is not one', async () => {
    const res = await verifyUrl('https://x.com/NobodyHere');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const bad = await verifyUrl('not a link');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ reason: 'NOT_A_PROFILE_URL' });
    const missing = await t.http().get('/api/verify');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ reason: 'INVALID_INPUT', field: 'url' });
  });

  it('says nothing about hidden, unlisted, unverified, pending, rejected or leavers’ accounts: the same bytes as an unknown one', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const unknown = await verifyUrl('https://x.com/NeverSeen1');
    expect(unknown.body).toEqual({ status: 'UNKNOWN' });

    const unverified = await personWithAccount(org.id, { handle: '@PlainUnverified' });
    const pending = await personWithAccount(org.id, { handle: '@StillPending' });
    await t.gql(REQUEST, { input: { accountId: pending.account.id } }, pending.person);
    const rejected = await personWithAccount(org.id, { handle: '@WasRejected' });
    await t.gql(REQUEST, { input: { accountId: rejected.account.id } }, rejected.person);
    await t.gql(REJECT, { input: { accountId: rejected.account.id, reason: 'Not you' } }, admin);
    await verified(org.id, admin, {
      handle: '@OrgOnlyVerified',
      visibility: AccountVisibility.ORGANISATION,
    });
    await verified(org.id, admin, {
      handle: '@OnlyMeVerified',
      visibility: AccountVisibility.ONLY_ME,
    });
    const unlisted = await verified(org.id, admin, { handle: '@NowUnlisted' });
    await world.publishGuidance({ organisationId: org.id }); // not accepted: no longer listed
    const unlistedFresh = await world.reload(unlisted.person);
    expect(unlistedFresh.listed).toBe(false);

    const org2 = await world.newOrganisation();
    const admin2 = await world.newAdmin({ organisationId: org2.id });
    const leaver = await verified(org2.id, admin2, { handle: '@HasLeft' });
    await world.leave(leaver.person);
    const hiddenLater = await verified(org2.id, admin2, { handle: '@HiddenLater' });
    await t.gql(
      UPDATE,
      { input: { id: String(hiddenLater.account.id), visibility: 'ONLY_ME' } },
      hiddenLater.person,
    );

    for (const handle of [
      'PlainUnverified',
      'StillPending',
      'WasRejected',
      'OrgOnlyVerified',
      'OnlyMeVerified',
      'NowUnlisted',
      'HasLeft',
      'HiddenLater',
    ]) {
      const res = await verifyUrl(`https://x.com/${handle}`);
      expect({ handle, text: res.text }).toEqual({ handle, text: unknown.text });
      expect(res.headers['content-length']).toBe(unknown.headers['content-length']);
    }
    void unverified;
  });

  it('rejects with a reason the person reads; they may ask again', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const { person, account } = await personWithAccount(org.id);
    await t.gql(REQUEST, { input: { accountId: account.id } }, person);
    const blank = await t.gql(REJECT, { input: { accountId: account.id, reason: '   ' } }, admin);
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const res = await t.gql(
      REJECT,
      { input: { accountId: account.id, reason: 'This account posts as someone else.' } },
      admin,
    );
    expect(res.data!.rejectSocialAccount).toEqual({
      account: { verificationStatus: 'REJECTED' },
      request: { status: 'REJECTED', reason: 'This account posts as someone else.' },
    });
    const mine = await t.gql(MY_ACCOUNTS, {}, person);
    expect(mine.data!.me.accounts[0]).toMatchObject({
      verificationStatus: 'REJECTED',
      verificationRequest: { status: 'REJECTED', reason: 'This account posts as someone else.' },
    });
    const again = await t.gql(REQUEST, { input: { accountId: account.id } }, person);
    expect(again.data!.requestVerification.request.status).toBe('PENDING');
    const audit = await t.gql(AUDIT, { filter: { action: 'verification.reject' } }, admin);
    expect(audit.data!.auditLog.edges.map((e: any) => e.node.targetId)).toEqual([
      String(account.id),
    ]);
  });

  it('only the communications team of the owner’s organisation decides, and sees the request', async () => {
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    const otherAdmin = await world.newAdmin({ organisationId: other.id });
    const colleague = await world.newPerson({ organisationId: org.id });
    const { person, account } = await personWithAccount(org.id);
    await t.gql(REQUEST, { input: { accountId: account.id } }, person);

    const foreign = await t.gql(VERIFY, { input: { accountId: account.id } }, otherAdmin);
    expect(foreign.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_YOUR_ORGANISATION',
    });
    const notAdmin = await t.gql(
      REJECT,
      { input: { accountId: account.id, reason: 'x' } },
      colleague,
    );
    expect(notAdmin.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const self = await t.gql(VERIFY, { input: { accountId: account.id } }, person);
    expect(self.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const queue = await t.gql(QUEUE, {}, colleague);
    expect(queue.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const otherQueue = await t.gql(QUEUE, { first: 100 }, otherAdmin);
    expect(
      otherQueue.data!.verificationQueue.edges.map((e: any) => e.node.account.id),
    ).not.toContain(String(account.id));
    const stranger = await t.gql(REQUEST, { input: { accountId: account.id } }, colleague);
    expect(stranger.errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ACCOUNT_NOT_FOUND',
    });
    const status = await t.dataSource
      .getRepository(SocialAccount)
      .findOneByOrFail({ id: account.id });
    expect(status.verificationStatus).toBe('PENDING');
  });

  it('pages the queue oldest first with a keyset cursor', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { person, account } = await personWithAccount(org.id);
      await t.gql(REQUEST, { input: { accountId: account.id } }, person);
      ids.push(String(account.id));
    }
    const first = await t.gql(QUEUE, { first: 2 }, admin);
    const page1 = first.data!.verificationQueue;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(QUEUE, { first: 2, after: page1.pageInfo.endCursor }, admin);
    const all = [...page1.edges, ...second.data!.verificationQueue.edges].map(
      (e: any) => e.node.account.id,
    );
    expect(all).toEqual(ids);
    expect(second.data!.verificationQueue.pageInfo.hasNextPage).toBe(false);
  });

  it('a verified account whose handle changes loses its verification, and the public check forgets it', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const { person, account } = await verified(org.id, admin, { handle: '@BeforeRename' });
    expect((await verifyUrl('https://x.com/BeforeRename')).body.status).toBe('VERIFIED_STAFF');
    const renamed = await t.gql(
      UPDATE,
      { input: { id: String(account.id), handle: '@AfterRename' } },
      person,
    );
    expect(renamed.data!.updateSocialAccount.account).toEqual({
      handle: '@AfterRename',
      verificationStatus: 'UNVERIFIED',
    });
    expect((await verifyUrl('https://x.com/BeforeRename')).body).toEqual({ status: 'UNKNOWN' });
    expect((await verifyUrl('https://x.com/AfterRename')).body).toEqual({ status: 'UNKNOWN' });
    const mine = await t.gql(MY_ACCOUNTS, {}, person);
    expect(mine.data!.me.accounts[0].verificationRequest.status).toBe('WITHDRAWN');
    // a pending one is withdrawn too: the team cannot verify the new handle by the old request
    await t.gql(REQUEST, { input: { accountId: account.id } }, person);
    await t.gql(UPDATE, { input: { id: String(account.id), handle: '@ThirdName' } }, person);
    const late = await t.gql(VERIFY, { input: { accountId: account.id } }, admin);
    expect(late.errors![0].extensions).toMatchObject({ reason: 'NO_PENDING_REQUEST' });
  });

  describe('proof of ownership, read from a local stand-in for the platform', () => {
    const ask = async (handle: string, platformName: Platform = Platform.X) => {
      const org = await world.newOrganisation();
      const admin = await world.newAdmin({ organisationId: org.id });
      const made = await personWithAccount(org.id, { platform: platformName, handle });
      const asked = await t.gql(REQUEST, { input: { accountId: made.account.id } }, made.person);
      return { ...made, admin, code: asked.data!.requestVerification.request.proofCode as string };
    };
    const check = (made: { person: StaffMember; account: SocialAccount }) =>
      t.gql(CHECK_PROOF, { input: { accountId: made.account.id } }, made.person);

    it('finds the code in the bio; the team then verifies, and the public check says how', async () => {
      const made = await ask('@ProofInBio');
      platformPage = (path) =>
        path === '/ProofInBio'
          ? { body: `<html><p class="bio">Nurse. ${made.code}</p></html>` }
          : { status: 404 };
      const none = await t.gql(CHECK_PROOF, { input: { accountId: made.account.id } }, made.admin);
      expect(none.errors![0].extensions).toMatchObject({ reason: 'ACCOUNT_NOT_FOUND' });
      const res = await check(made);
      expect(res.errors).toBeUndefined();
      expect(res.data!.checkVerificationProof.request).toMatchObject({
        status: 'PENDING',
        proofMethod: 'BIO_CODE',
      });
      const queue = await t.gql(QUEUE, {}, made.admin);
      expect(queue.data!.verificationQueue.edges[0].node.proofMethod).toBe('BIO_CODE');
      await t.gql(VERIFY, { input: { accountId: made.account.id } }, made.admin);
      const publicCheck = await verifyUrl('https://x.com/ProofInBio');
      expect(publicCheck.body.verification).toMatchObject({
        method: 'COMMS_TEAM',
        proof: 'BIO_CODE',
      });
    });

    it('counts a Mastodon rel="me" link back to the person’s Staff Voices profile', async () => {
      const made = await ask('@jo@nhs.social', Platform.MASTODON);
      platformPage = (path) =>
        path === '/@jo'
          ? {
              body: `<a href="https://staffvoices.test/people/${made.person.id}" rel="me nofollow noopener">Staff Voices</a>`,
            }
          : { status: 404 };
      const res = await check(made);
      expect(res.data!.checkVerificationProof.request.proofMethod).toBe('REL_ME');
    });

    it('says when the code is not there, and records nothing', async () => {
      const made = await ask('@NoCodeYet');
      platformPage = () => ({ body: '<p>Nurse. staffvoices-WRONGONE</p>' });
      const res = await check(made);
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PROOF_NOT_FOUND',
      });
      expect(res.errors![0].message).toContain(made.code);
    });

    it('never follows a redirect to a private or loopback address', async () => {
      const made = await ask('@RedirectsHome');
      for (const location of [
        'http://127.0.0.1:9/secret', // loopback, another port than the stand-in
        'http://10.0.0.1/',
        'http://169.254.169.254/latest/meta-data/',
        'http://[::1]:9/',
        'http://localhost:9/',
      ]) {
        platformPage = () => ({ status: 302, location });
        const res = await check(made);
        expect({ location, ext: res.errors?.[0].extensions }).toMatchObject({
          location,
          ext: { reason: 'PROFILE_UNREADABLE' },
        });
      }
    });

    it('follows a redirect on the same stand-in, but not forever', async () => {
      const made = await ask('@Moved');
      platformPage = (path) =>
        path === '/Moved'
          ? { status: 301, location: '/MovedHere' }
          : path === '/MovedHere'
            ? { body: made.code }
            : { status: 404 };
      expect((await check(made)).data!.checkVerificationProof.request.proofMethod).toBe('BIO_CODE');
      const loop = await ask('@Loops');
      platformPage = () => ({ status: 302, location: '/Loops' });
      expect((await check(loop)).errors![0].message).toMatch(/too many redirects/);
    });

    it('reads at most the byte cap (a code beyond it is not seen) and gives up on a slow page', async () => {
      const made = await ask('@HugePage');
      platformPage = () => ({ body: `${'x'.repeat(5000)}${made.code}` });
      expect((await check(made)).errors![0].extensions).toMatchObject({
        reason: 'PROOF_NOT_FOUND',
      });

      const slow = await ask('@SlowPage');
      const started = Date.now();
      platformPage = () => ({ status: 200 });
      const hang = platform.listeners('request')[0] as (...args: unknown[]) => void;
      platform.removeAllListeners('request');
      platform.on('request', () => undefined); // never answers
      try {
        const res = await check(slow);
        expect(res.errors![0].extensions).toMatchObject({ reason: 'PROFILE_UNREADABLE' });
        expect(Date.now() - started).toBeLessThan(5000);
      } finally {
        platform.removeAllListeners('request');
        platform.on('request', hang);
      }
    });
  });
});
