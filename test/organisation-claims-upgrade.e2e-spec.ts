import { OrganisationClaimsService } from '../src/identity/organisation-claims/organisation-claims.service';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ME = `{ me { id organisation { id } site { id }
  organisationClaim { status organisation { id } site { id } } } }`;
const QUEUE = `query($organisationId: ID) { organisationClaims(organisationId: $organisationId) {
  edges { node { status person { id } } } } }`;
const AUDIT = `query($filter: AuditLogFilter) { auditLog(filter: $filter) {
  edges { node { action targetId actor { id } } } } }`;

/**
 * Upgrading a deployment from before organisation claims: an organisation a person chose for
 * themself was stored as if trusted. `npm run organisations:claim-unconfirmed` turns each such one
 * into a pending claim; what provisioning or a confirmed claim set stays.
 */
describe('organisations chosen before claims existed (npm run organisations:claim-unconfirmed)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  const claimUnconfirmed = () =>
    t.app.get(OrganisationClaimsService).claimUnconfirmedOrganisations(2);

  it('turns a self-chosen organisation into a claim its comms team decides, keeps trusted ones, and a second run changes nothing', async () => {
    const trust = await world.newOrganisation();
    const siteId = (await world.newPlace(trust)).site.id;
    // as the old chooseMyOrganisation stored it: straight onto the person
    const chooser = await world.newPerson({ organisationId: trust.id, siteId });
    const provisioned = await world.provision({
      [ENTERPRISE]: { organization: trust.odsCode },
    } as never);
    const { person: confirmed } = await world.newClaimant(trust);
    await world.confirmClaimOf(confirmed);
    const comms = await world.newAdmin({ organisationId: trust.id });

    const first = await claimUnconfirmed();
    expect(first.claimed).toBeGreaterThanOrEqual(1);

    const me = await t.gql(ME, {}, chooser);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({
      organisation: null,
      site: null,
      organisationClaim: {
        status: 'PENDING',
        organisation: { id: String(trust.id) },
        site: { id: String(siteId) },
      },
    });
    expect((await world.reload(provisioned)).organisationId).toBe(trust.id);
    expect((await world.reload(confirmed)).organisationId).toBe(trust.id);

    // the comms admin was itself a bare organisation: demoted too, so the national team decides
    const national = await world.newNationalAdmin();
    const queue = await t.gql(QUEUE, { organisationId: String(trust.id) }, national);
    expect(queue.errors).toBeUndefined();
    const waiting = queue.data!.organisationClaims.edges.map((e: any) => e.node.person.id);
    expect(waiting).toEqual(expect.arrayContaining([String(chooser.id), String(comms.id)]));
    expect(waiting).not.toContain(String(provisioned.id));
    expect(waiting).not.toContain(String(confirmed.id));

    const audit = await t.gql(
      AUDIT,
      { filter: { action: 'organisationClaim.requireConfirmation' } },
      national,
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditLog.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([
        {
          action: 'organisationClaim.requireConfirmation',
          targetId: String(chooser.id),
          actor: null,
        },
      ]),
    );

    const again = await claimUnconfirmed();
    expect(again.claimed).toBe(0);
    const stillOne = await t.gql(QUEUE, { organisationId: String(trust.id) }, national);
    expect(
      stillOne.data!.organisationClaims.edges.filter(
        (e: any) => e.node.person.id === String(chooser.id),
      ),
    ).toHaveLength(1);
  });
});
