import { AccountVisibility, SocialAccount } from '../src/social-accounts/social-account.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const REGISTER = `mutation($input: RegisterOfficialAccountInput!) {
  registerOfficialAccount(input: $input) {
    officialAccount { id platform handle url label organisation { id name } }
  }
}`;
const REMOVE_OFFICIAL = `mutation($input: RemoveOfficialAccountInput!) {
  removeOfficialAccount(input: $input) { removedOfficialAccountId }
}`;
const REASSIGN = `mutation($input: ReassignSocialHandleInput!) {
  reassignSocialHandle(input: $input) {
    officialAccount { id handle organisation { id } }
    account { id handle verificationStatus }
  }
}`;
const OFFICIAL = `query($organisationId: ID, $first: Int, $after: String) {
  officialAccounts(organisationId: $organisationId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id handle organisation { name } } }
  }
}`;
const ADD = `mutation($input: AddSocialAccountInput!) {
  addSocialAccount(input: $input) { account { id handle } }
}`;
const PREVIEW = `query($platform: Platform!, $input: String!) {
  socialHandlePreview(platform: $platform, input: $input) { valid handle error }
}`;
const AUDIT = `query($filter: AuditLogFilter) {
  auditLog(first: 10, filter: $filter) { edges { node { action targetType after } } }
}`;
const REPORT = `mutation($input: ReportListingInput!) {
  reportListing(input: $input) { report { id status kind reason handle platform } }
}`;
const RESOLVE = `mutation($input: ResolveListingReportInput!) {
  resolveListingReport(input: $input) { report { id status note resolvedAt } }
}`;
const REPORT_QUEUE = `query {
  listingReportQueue(first: 50) {
    totalCount
    edges { node { id kind reason handle account { id } subject { id } reporter { id } } }
  }
}`;
const MY_REPORTS = `query {
  myListingReports(first: 10) {
    totalCount edges { node { id status note handle subject { id } reporter { id } } }
  }
}`;

describe('official accounts, handle disputes and reports of a listing', () => {
  let t: TestApp;
  let world: World;
  const verify = (url: string) => t.http().get('/api/verify').query({ url });
  const accountRow = (id: number | string) =>
    t.dataSource.getRepository(SocialAccount).findOneBy({ id: Number(id) });

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const trust = async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    return { org, admin };
  };
  const handle = () => `@o${world.unique().replace(/-/g, '').slice(0, 12)}`;

  it('the comms team registers an official account: shown publicly, answered OFFICIAL, and reserved from everyone', async () => {
    const { org, admin } = await trust();
    const name = handle();
    const res = await t.gql(
      REGISTER,
      { input: { platform: 'X', handle: `https://twitter.com/${name.slice(1)}`, label: 'News' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerOfficialAccount.officialAccount).toMatchObject({
      platform: 'X',
      handle: name,
      url: `https://x.com/${name.slice(1)}`,
      label: 'News',
      organisation: { id: String(org.id), name: org.name },
    });

    const listed = await t.gql(OFFICIAL, { organisationId: String(org.id) }, null); // no sign-in
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.officialAccounts.edges.map((e: any) => e.node.handle)).toEqual([name]);

    const check = await verify(`x.com/${name.slice(1).toUpperCase()}`);
    expect(check.body).toEqual({
      status: 'OFFICIAL',
      platform: 'X',
      handle: name,
      url: `https://x.com/${name.slice(1)}`,
      organisation: { name: org.name, odsCode: org.odsCode },
      verification: { method: 'ORGANISATION_COMMS_TEAM', verifiedAt: expect.any(String) },
    });

    const someone = await world.newPerson();
    const message = `This is an official account of ${org.name}. Ask its communications team.`;
    const added = await t.gql(
      ADD,
      { input: { platform: 'X', handle: name.toLowerCase() } },
      someone,
    );
    expect(added.errors![0]).toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', reason: 'HANDLE_OFFICIAL', field: 'handle' },
    });
    const preview = await t.gql(PREVIEW, { platform: 'X', input: name }, someone);
    expect(preview.data!.socialHandlePreview).toEqual({
      valid: false,
      handle: null,
      error: message,
    });
    // the same organisation's own staff cannot take it either
    const colleague = await world.newPerson({ organisationId: org.id });
    const own = await t.gql(ADD, { input: { platform: 'X', handle: name } }, colleague);
    expect(own.errors![0].extensions!.reason).toBe('HANDLE_OFFICIAL');
    const again = await t.gql(REGISTER, { input: { platform: 'X', handle: name } }, admin);
    expect(again.errors![0].extensions!.reason).toBe('OFFICIAL_ALREADY');
  });

  it('takes a LinkedIn company page as an official account (never as a person’s)', async () => {
    const { org, admin } = await trust();
    const page = `trust-${world.unique().replace(/-/g, '').slice(0, 16)}`.toLowerCase();
    const res = await t.gql(
      REGISTER,
      {
        input: {
          platform: 'LINKEDIN',
          handle: `https://uk.linkedin.com/company/${page}/`,
          label: 'Page',
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerOfficialAccount.officialAccount).toMatchObject({
      platform: 'LINKEDIN',
      handle: `company/${page}`,
      url: `https://www.linkedin.com/company/${page}`,
    });
    const check = await verify(`linkedin.com/company/${page.toUpperCase()}`);
    expect(check.body).toMatchObject({ status: 'OFFICIAL', organisation: { name: org.name } });
    const someone = await world.newPerson();
    const added = await t.gql(
      ADD,
      { input: { platform: 'LINKEDIN', handle: `linkedin.com/company/${page}` } },
      someone,
    );
    expect(added.errors![0].extensions).toMatchObject({
      reason: 'INVALID_HANDLE',
      field: 'handle',
    });
    const bad = await t.gql(
      REGISTER,
      {
        input: {
          platform: 'LINKEDIN',
          handle: 'linkedin.com/company/no_underscores',
          label: 'Page',
        },
      },
      admin,
    );
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'handle' });
  });

  it('only a communications team registers, and only for its own organisation', async () => {
    const { admin } = await trust();
    const other = await world.newOrganisation();
    const person = await world.newPerson();
    const name = handle();
    const plain = await t.gql(REGISTER, { input: { platform: 'X', handle: name } }, person);
    expect(plain.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await t.gql(
      REGISTER,
      { input: { platform: 'X', handle: name, organisationId: String(other.id) } },
      admin,
    );
    expect(foreign.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_YOUR_ORGANISATION',
    });
    const bad = await t.gql(REGISTER, { input: { platform: 'X', handle: '<script>' } }, admin);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'handle' });
    expect(
      (await t.gql(OFFICIAL, { organisationId: String(other.id) }, null)).data!.officialAccounts
        .totalCount,
    ).toBe(0);
  });

  it('the dispute path: a handle someone else took becomes official with a note, and the official one can go to a person', async () => {
    const { org, admin } = await trust();
    const squatter = await world.newPerson(); // another organisation, or none
    const name = handle();
    const taken = await world.newAccount(squatter, { handle: name });
    const refused = await t.gql(REGISTER, { input: { platform: 'X', handle: name } }, admin);
    expect(refused.errors![0].extensions!.reason).toBe('HANDLE_HELD');

    const noNote = await t.gql(
      REASSIGN,
      { input: { platform: 'X', handle: name, note: '' } },
      admin,
    );
    expect(noNote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const moved = await t.gql(
      REASSIGN,
      { input: { platform: 'X', handle: name, note: 'Our press office account; ticket 42' } },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.reassignSocialHandle).toMatchObject({
      officialAccount: { handle: name, organisation: { id: String(org.id) } },
      account: null,
    });
    expect(await accountRow(taken.id)).toBeNull();
    expect((await verify(`https://x.com/${name.slice(1)}`)).body.status).toBe('OFFICIAL');

    // and back to a person of the organisation (the chief executive's own account, say)
    const ceo = await world.newPerson({ organisationId: org.id });
    const toCeo = await t.gql(
      REASSIGN,
      {
        input: {
          platform: 'X',
          handle: name,
          note: 'It is the CEO’s own',
          toStaffId: String(ceo.id),
        },
      },
      admin,
    );
    expect(toCeo.errors).toBeUndefined();
    expect(toCeo.data!.reassignSocialHandle.account).toMatchObject({
      handle: name,
      verificationStatus: 'UNVERIFIED',
    });
    expect((await verify(`https://x.com/${name.slice(1)}`)).body).toEqual({ status: 'UNKNOWN' });
    const audit = await t.gql(AUDIT, { filter: { action: 'handle.reassign' } }, admin);
    expect(audit.data!.auditLog.edges.map((e: any) => JSON.parse(e.node.after).note)).toEqual([
      'It is the CEO’s own',
      'Our press office account; ticket 42',
    ]);

    // a person of another organisation is not this team's to give a handle to
    const outsider = await world.newPerson({ organisationId: (await world.newOrganisation()).id });
    const foreign = await t.gql(
      REASSIGN,
      { input: { platform: 'X', handle: name, note: 'x', toStaffId: String(outsider.id) } },
      admin,
    );
    expect(foreign.errors![0].extensions!.reason).toBe('OUTSIDE_YOUR_ORGANISATION');
  });

  it('removes an official account of its own organisation only; the handle is then free', async () => {
    const { admin } = await trust();
    const { admin: otherAdmin } = await trust();
    const name = handle();
    const made = await t.gql(REGISTER, { input: { platform: 'X', handle: name } }, admin);
    const id = made.data!.registerOfficialAccount.officialAccount.id;
    const foreign = await t.gql(REMOVE_OFFICIAL, { input: { id } }, otherAdmin);
    expect(foreign.errors![0].extensions!.reason).toBe('OFFICIAL_ACCOUNT_NOT_FOUND');
    const removed = await t.gql(REMOVE_OFFICIAL, { input: { id, note: 'Closed' } }, admin);
    expect(removed.data!.removeOfficialAccount.removedOfficialAccountId).toBe(id);
    const person = await world.newPerson();
    expect(
      (await t.gql(ADD, { input: { platform: 'X', handle: name } }, person)).errors,
    ).toBeUndefined();
  });

  it('pages official accounts by organisation with a cursor', async () => {
    const { org, admin } = await trust();
    for (let i = 0; i < 3; i += 1) {
      await t.gql(REGISTER, { input: { platform: 'X', handle: handle() } }, admin);
    }
    const page1 = await t.gql(OFFICIAL, { organisationId: String(org.id), first: 2 }, null);
    const conn = page1.data!.officialAccounts;
    expect(conn).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = await t.gql(
      OFFICIAL,
      { organisationId: String(org.id), first: 2, after: conn.pageInfo.endCursor },
      null,
    );
    expect(page2.data!.officialAccounts.edges).toHaveLength(1);
  });

  describe('reports of a listing', () => {
    const setting = async () => {
      const { org, admin } = await trust();
      const subject = await world.newPerson({ organisationId: org.id });
      const account = await world.newAccount(subject);
      const reporter = await world.newPerson();
      return { org, admin, subject, account, reporter };
    };

    it('anyone signed in reports with a reason; the team resolves by hiding; the reporter reads the outcome', async () => {
      const { admin, subject, account, reporter } = await setting();
      const res = await t.gql(
        REPORT,
        {
          input: {
            accountId: String(account.id),
            kind: 'IMPERSONATION',
            reason: 'Not really them',
          },
        },
        reporter,
      );
      expect(res.errors).toBeUndefined();
      const report = res.data!.reportListing.report;
      expect(report).toMatchObject({
        status: 'OPEN',
        kind: 'IMPERSONATION',
        handle: account.handle,
      });

      const queue = await t.gql(REPORT_QUEUE, {}, admin);
      expect(queue.data!.listingReportQueue.edges.map((e: any) => e.node)).toEqual([
        {
          id: report.id,
          kind: 'IMPERSONATION',
          reason: 'Not really them',
          handle: account.handle,
          account: { id: String(account.id) },
          subject: { id: String(subject.id) },
          reporter: { id: String(reporter.id) },
        },
      ]);
      const resolved = await t.gql(
        RESOLVE,
        { input: { reportId: report.id, resolution: 'HIDE', note: 'Hidden while we check' } },
        admin,
      );
      expect(resolved.data!.resolveListingReport.report).toMatchObject({
        status: 'HIDDEN',
        note: 'Hidden while we check',
      });
      expect((await accountRow(account.id))!.visibility).toBe(AccountVisibility.ONLY_ME);
      const audit = await t.gql(
        AUDIT,
        { filter: { targetId: report.id, targetType: 'listing_report' } },
        admin,
      );
      expect(audit.data!.auditLog.edges.map((e: any) => e.node.action)).toEqual([
        'listingReport.resolve',
      ]);
      const twice = await t.gql(
        RESOLVE,
        { input: { reportId: report.id, resolution: 'DISMISS', note: 'x' } },
        admin,
      );
      expect(twice.errors![0].extensions!.reason).toBe('REPORT_RESOLVED');

      const mine = await t.gql(MY_REPORTS, {}, reporter);
      expect(mine.data!.myListingReports.edges[0].node).toEqual({
        id: report.id,
        status: 'HIDDEN',
        note: 'Hidden while we check',
        handle: account.handle,
        subject: null, // who, and who else reported, is for the team
        reporter: null,
      });
    });

    it('removing the account frees its handle and keeps the report for the reporter', async () => {
      const { admin, account, reporter } = await setting();
      const res = await t.gql(
        REPORT,
        { input: { accountId: String(account.id), kind: 'ABUSE', reason: 'Abusive posts' } },
        reporter,
      );
      const id = res.data!.reportListing.report.id;
      const removed = await t.gql(
        RESOLVE,
        { input: { reportId: id, resolution: 'REMOVE', note: 'Removed' } },
        admin,
      );
      expect(removed.data!.resolveListingReport.report.status).toBe('REMOVED');
      expect(await accountRow(account.id)).toBeNull();
      const mine = await t.gql(MY_REPORTS, {}, reporter);
      expect(mine.data!.myListingReports.edges[0].node).toMatchObject({ status: 'REMOVED' });
      const taker = await world.newPerson();
      const add = await t.gql(ADD, { input: { platform: 'X', handle: account.handle } }, taker);
      expect(add.errors).toBeUndefined();
    });

    it('only the listed person’s team resolves; nobody reports what they cannot see, or themselves', async () => {
      const { account, reporter, subject } = await setting();
      const { admin: otherAdmin } = await trust();
      const res = await t.gql(
        REPORT,
        { input: { accountId: String(account.id), kind: 'WRONG_PERSON', reason: 'Wrong' } },
        reporter,
      );
      const id = res.data!.reportListing.report.id;
      const foreign = await t.gql(
        RESOLVE,
        { input: { reportId: id, resolution: 'DISMISS', note: 'x' } },
        otherAdmin,
      );
      expect(foreign.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const notAdmin = await t.gql(
        RESOLVE,
        { input: { reportId: id, resolution: 'DISMISS', note: 'x' } },
        reporter,
      );
      expect(notAdmin.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const otherQueue = await t.gql(REPORT_QUEUE, {}, otherAdmin);
      expect(otherQueue.data!.listingReportQueue.edges.map((e: any) => e.node.id)).not.toContain(
        id,
      );

      const hidden = await world.newAccount(subject, { visibility: AccountVisibility.ONLY_ME });
      const unseen = await t.gql(
        REPORT,
        { input: { accountId: String(hidden.id), kind: 'ABUSE', reason: 'x' } },
        reporter,
      );
      expect(unseen.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ACCOUNT_NOT_FOUND',
      });
      const self = await t.gql(
        REPORT,
        { input: { accountId: String(account.id), kind: 'ABUSE', reason: 'x' } },
        subject,
      );
      expect(self.errors![0].extensions!.reason).toBe('REPORT_OWN_ACCOUNT');
      const blank = await t.gql(
        REPORT,
        { input: { accountId: String(account.id), kind: 'ABUSE', reason: '  ' } },
        reporter,
      );
      expect(blank.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      const anonymous = await t.gql(
        REPORT,
        { input: { accountId: String(account.id), kind: 'ABUSE', reason: 'x' } },
        null,
      );
      expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    });
  });

  it('rate-limits the public check per address', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PUBLIC_VERIFY: '2/60' });
    try {
      const get = () => limited.http().get('/api/verify').query({ url: 'https://x.com/Anyone' });
      expect((await get()).status).toBe(200);
      expect((await get()).status).toBe(200);
      const third = await get();
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
