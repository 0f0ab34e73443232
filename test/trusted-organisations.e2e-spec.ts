import { Platform } from '../src/social-accounts/platforms/platform';
import { AccountVisibility } from '../src/social-accounts/social-account.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const CHOOSE = `mutation($input: ChooseMyOrganisationInput!) {
  chooseMyOrganisation(input: $input) {
    me { id organisation { id } needsOrganisation }
    claim { id status organisation { id } }
  }
}`;
const PROFILE = `query($id: ID!) { staffMember(id: $id) { id accounts { handle } } }`;
const SEARCH = `query($filter: StaffFilter) { staff(first: 20, filter: $filter) { edges { node { id } } } }`;
const ME = `{ me { id organisation { id } needsOrganisation
  organisationClaim { id status reason organisation { id } } } }`;
const QUEUE = `query($organisationId: ID) { organisationClaims(organisationId: $organisationId) {
  totalCount edges { node { id status person { id } organisation { id } } } } }`;
const CONFIRM = `mutation($input: ConfirmOrganisationClaimInput!) {
  confirmOrganisationClaim(input: $input) { claim { id status } } }`;
const REFUSE = `mutation($input: RefuseOrganisationClaimInput!) {
  refuseOrganisationClaim(input: $input) { claim { id status reason } } }`;
const CREATE_COMMUNITY = `mutation($input: CreateCommunityInput!) {
  createCommunity(input: $input) { community { id } } }`;
const ARCHIVE = `mutation($input: CommunityIdInput!) { archiveCommunity(input: $input) { community { id archived } } }`;
const PUBLISH = `mutation($input: PublishGuidanceInput!) { publishGuidance(input: $input) { document { id } } }`;
const AUDIT = `query($filter: AuditLogFilter) { auditLog(filter: $filter) {
  edges { node { action targetId actor { id } } } } }`;

describe('trusted organisations (issue 9 item 3)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  /** Another trust, with a member whose account only that trust may see. */
  const otherTrust = async () => {
    const trust = await world.newOrganisation();
    const insider = await world.newPerson({ organisationId: trust.id });
    const handle = `@insider${world.unique().replace(/-/g, '').slice(0, 8)}`;
    await world.newAccount(insider, {
      platform: Platform.X,
      handle,
      visibility: AccountVisibility.ORGANISATION,
    });
    const comms = await world.newAdmin({ organisationId: trust.id });
    return { trust, insider, handle: handle.toLowerCase(), comms };
  };
  const handlesOn = async (viewer: any, person: any) =>
    (await t.gql(PROFILE, { id: String(person.id) }, viewer)).data!.staffMember.accounts.map(
      (a: any) => a.handle.toLowerCase(),
    );
  const finds = async (viewer: any, search: string, person: any) =>
    (await t.gql(SEARCH, { filter: { search } }, viewer)).data!.staff.edges.some(
      (e: any) => e.node.id === String(person.id),
    );
  const choose = (person: any, organisationId: number) =>
    t.gql(CHOOSE, { input: { organisationId: String(organisationId) } }, person);

  it('a person who moves to another trust does not see its organisation-only accounts, in search neither', async () => {
    const home = await world.newOrganisation();
    const { trust, insider, handle } = await otherTrust();
    const mover = await world.newPerson({ organisationId: home.id });

    const moved = await choose(mover, trust.id);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.chooseMyOrganisation).toMatchObject({
      me: { organisation: null, needsOrganisation: false },
      claim: { status: 'PENDING', organisation: { id: String(trust.id) } },
    });
    expect(await handlesOn(mover, insider)).not.toContain(handle);
    expect(await finds(mover, handle.slice(1), insider)).toBe(false);
    expect((await t.gql(ME, {}, mover)).data!.me).toMatchObject({
      organisation: null,
      organisationClaim: { status: 'PENDING', organisation: { id: String(trust.id) } },
    });
  });

  it('an admin who moves to another trust cannot act on it', async () => {
    const home = await world.newOrganisation();
    const { trust } = await otherTrust();
    const community = await world.newCommunity({ organisationId: trust.id });
    const admin = await world.newAdmin({ organisationId: home.id });

    await choose(admin, trust.id);
    const created = await t.gql(
      CREATE_COMMUNITY,
      {
        input: {
          name: `Takeover ${world.unique()}`,
          kind: 'NETWORK',
          scope: 'ORGANISATION',
          organisationId: String(trust.id),
        },
      },
      admin,
    );
    expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const archived = await t.gql(ARCHIVE, { input: { communityId: String(community.id) } }, admin);
    expect(archived.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const published = await t.gql(
      PUBLISH,
      { input: { title: 'Ours now', summary: 'x', url: 'https://example.nhs.uk/g' } },
      admin,
    );
    expect(published.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|FORBIDDEN/);
    const queue = await t.gql(QUEUE, { organisationId: String(trust.id) }, admin);
    expect(queue.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // and the trust it left no longer answers to it either
    const leftBehind = await t.gql(
      CREATE_COMMUNITY,
      {
        input: {
          name: `Old home ${world.unique()}`,
          kind: 'NETWORK',
          scope: 'ORGANISATION',
          organisationId: String(home.id),
        },
      },
      admin,
    );
    expect(leftBehind.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the trust’s communications team confirms a claim, and only then it grants visibility', async () => {
    const { trust, insider, handle, comms } = await otherTrust();
    const joiner = await world.newPerson({ organisationId: null });
    const claimId = (await choose(joiner, trust.id)).data!.chooseMyOrganisation.claim.id;

    const queue = await t.gql(QUEUE, {}, comms);
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.organisationClaims.edges.map((e: any) => e.node)).toContainEqual({
      id: claimId,
      status: 'PENDING',
      person: { id: String(joiner.id) },
      organisation: { id: String(trust.id) },
    });
    // another trust's team neither sees nor decides it
    const stranger = await world.newAdmin({ organisationId: (await world.newOrganisation()).id });
    const theirQueue = await t.gql(QUEUE, {}, stranger);
    expect(theirQueue.data!.organisationClaims.edges).toEqual([]);
    const meddled = await t.gql(CONFIRM, { input: { claimId } }, stranger);
    expect(meddled.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CLAIM_NOT_FOUND',
    });
    expect(await handlesOn(joiner, insider)).not.toContain(handle);

    const confirmed = await t.gql(CONFIRM, { input: { claimId } }, comms);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmOrganisationClaim.claim.status).toBe('CONFIRMED');
    expect((await t.gql(ME, {}, joiner)).data!.me).toMatchObject({
      organisation: { id: String(trust.id) },
      organisationClaim: null,
    });
    expect(await handlesOn(joiner, insider)).toContain(handle);
    expect(await finds(joiner, handle.slice(1), insider)).toBe(true);

    const again = await t.gql(CONFIRM, { input: { claimId } }, comms);
    expect(again.errors?.[0].extensions).toMatchObject({ reason: 'CLAIM_NOT_PENDING' });
    const audit = await t.gql(AUDIT, { filter: { action: 'organisationClaim.confirm' } }, comms);
    expect(audit.data!.auditLog.edges.map((e: any) => e.node)).toContainEqual({
      action: 'organisationClaim.confirm',
      targetId: String(joiner.id),
      actor: { id: String(comms.id) },
    });

    // moving on resets trust: the confirmed organisation goes with the next claim
    const elsewhere = await world.newOrganisation();
    await choose(joiner, elsewhere.id);
    expect(await handlesOn(joiner, insider)).not.toContain(handle);
  });

  it('a refusal needs a reason, which the person reads', async () => {
    const { trust, comms } = await otherTrust();
    const claimant = await world.newPerson({ organisationId: null });
    const claimId = (await choose(claimant, trust.id)).data!.chooseMyOrganisation.claim.id;

    const blank = await t.gql(REFUSE, { input: { claimId, reason: '' } }, comms);
    expect(blank.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const refused = await t.gql(
      REFUSE,
      { input: { claimId, reason: 'Not on our staff list: ask your line manager' } },
      comms,
    );
    expect(refused.data!.refuseOrganisationClaim.claim.status).toBe('REFUSED');
    expect((await t.gql(ME, {}, claimant)).data!.me).toMatchObject({
      organisation: null,
      needsOrganisation: true,
      organisationClaim: {
        status: 'REFUSED',
        reason: 'Not on our staff list: ask your line manager',
      },
    });
  });

  it('a national admin may confirm any organisation’s claim (a trust’s first comms officer)', async () => {
    const trust = await world.newOrganisation();
    const officer = await world.newAdmin({ organisationId: null });
    const claimId = (await choose(officer, trust.id)).data!.chooseMyOrganisation.claim.id;
    const national = await world.newNationalAdmin();
    const queue = await t.gql(QUEUE, { organisationId: String(trust.id) }, national);
    expect(queue.data!.organisationClaims.totalCount).toBe(1);
    expect((await t.gql(CONFIRM, { input: { claimId } }, national)).errors).toBeUndefined();
    const queueNow = await t.gql(QUEUE, {}, await world.reload(officer));
    expect(queueNow.errors).toBeUndefined();
  });

  describe('NHS-wide scope (issue 9 item 4)', () => {
    const UPDATE = `mutation($input: UpdateCommunityInput!) {
      updateCommunity(input: $input) { community { id scope } } }`;

    it('an organisation’s Comms.Admin cannot rescope or archive an NHS-wide community, or publish NHS-wide guidance', async () => {
      const trust = await world.newOrganisation();
      const admin = await world.newAdmin({ organisationId: trust.id });
      const wenurses = await world.newCommunity(); // NHS-wide, made by a national admin
      const rescoped = await t.gql(
        UPDATE,
        {
          input: {
            id: String(wenurses.id),
            scope: 'ORGANISATION',
            organisationId: String(trust.id),
          },
        },
        admin,
      );
      expect(rescoped.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NATIONAL_ADMIN_REQUIRED',
      });
      const archived = await t.gql(ARCHIVE, { input: { communityId: String(wenurses.id) } }, admin);
      expect(archived.errors?.[0].extensions?.reason).toBe('NATIONAL_ADMIN_REQUIRED');
      const created = await t.gql(
        CREATE_COMMUNITY,
        { input: { name: `National ${world.unique()}`, kind: 'NETWORK', scope: 'NHS_WIDE' } },
        admin,
      );
      expect(created.errors?.[0].extensions?.reason).toBe('NATIONAL_ADMIN_REQUIRED');
      const guidance = await t.gql(
        PUBLISH,
        {
          input: {
            title: 'All of you',
            summary: 'x',
            url: 'https://example.nhs.uk/g',
            nhsWide: true,
          },
        },
        admin,
      );
      expect(guidance.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NATIONAL_GUIDANCE_NEEDS_NATIONAL_ADMIN',
      });
    });

    it('a national admin curates NHS-wide communities and guidance, audited', async () => {
      const national = await world.newNationalAdmin();
      const wenurses = await world.newCommunity();
      const renamed = await t.gql(
        UPDATE,
        { input: { id: String(wenurses.id), name: `WeNurses ${world.unique()}` } },
        national,
      );
      expect(renamed.errors).toBeUndefined();
      const guidance = await t.gql(
        PUBLISH,
        {
          input: {
            title: 'NHS-wide',
            summary: 'x',
            url: 'https://example.nhs.uk/g',
            nhsWide: true,
          },
        },
        national,
      );
      expect(guidance.errors).toBeUndefined();
      const audit = await t.gql(AUDIT, { filter: { actorId: String(national.id) } }, national);
      expect(audit.data!.auditLog.edges.map((e: any) => e.node.action)).toEqual([
        'guidance.publish',
        'community.update',
      ]);
    });
  });
});
