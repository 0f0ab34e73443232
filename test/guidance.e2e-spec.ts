import { GuidanceDocument } from '../src/guidance/guidance-document.entity';
import { StaffGroup } from '../src/staff/staff-group';
import { StaffMember } from '../src/staff/staff-member.entity';
import { StaffService } from '../src/staff/staff.service';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const GUIDANCE = `{
  guidance {
    current { id version title summary url publishedAt nhsWide }
    accepted
    acceptedAt
    regulatorGuidance { regulator regulatorName title url appliesTo }
  }
  me { listed guidanceAccepted }
}`;
const ACCEPT = `mutation($input: AcceptGuidanceInput!) {
  acceptGuidance(input: $input) { guidance { accepted current { version } } staffMember { id listed guidanceAccepted } }
}`;
const PUBLISH = `mutation($input: PublishGuidanceInput!) {
  publishGuidance(input: $input) { document { id version title nhsWide } }
}`;
const SEE = `query($id: ID!) { staffMember(id: $id) { id } }`;

const guide = (title: string, extra: Record<string, unknown> = {}) => ({
  input: {
    title,
    summary: 'We trust you with patients’ lives; we trust you with social media.',
    url: 'https://example.nhs.uk/social-media-guidance',
    ...extra,
  },
});

describe('guidance: publish, accept, and who is listed', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  it('asks nothing while no guidance is published: everyone active is listed', async () => {
    const org = await world.newOrganisation();
    const me = await world.newPerson({ organisationId: org.id });
    const res = await t.gql(GUIDANCE, {}, me);
    expect(res.data!.guidance).toMatchObject({ current: null, accepted: true, acceptedAt: null });
    expect(res.data!.me).toEqual({ listed: true, guidanceAccepted: true });
  });

  it('unlists everyone in the organisation on each new version until they accept it', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    const nurse = await world.newPerson({
      organisationId: org.id,
      staffGroup: StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED,
    });
    const elsewhere = await world.newPerson();
    const published = await t.gql(PUBLISH, guide('Social media guidance for staff'), admin);
    expect(published.data!.publishGuidance.document).toMatchObject({ version: 1, nhsWide: false });

    const before = await t.gql(GUIDANCE, {}, nurse);
    expect(before.data!.guidance).toMatchObject({
      current: {
        version: 1,
        title: 'Social media guidance for staff',
        url: 'https://example.nhs.uk/social-media-guidance',
      },
      accepted: false,
      regulatorGuidance: [
        {
          regulator: 'NMC',
          url: 'https://www.nmc.org.uk/standards/guidance/social-media-guidance/',
        },
      ],
    });
    expect(before.data!.me).toEqual({ listed: false, guidanceAccepted: false });
    // colleagues cannot see the nurse; the nurse still sees themself; people elsewhere are unaffected
    expect(
      (await t.gql(SEE, { id: String(nurse.id) }, elsewhere)).errors![0].extensions!.code,
    ).toBe('NOT_FOUND');
    expect((await t.gql(SEE, { id: String(nurse.id) }, nurse)).data!.staffMember.id).toBe(
      String(nurse.id),
    );
    expect((await t.gql(SEE, { id: String(elsewhere.id) }, nurse)).errors).toBeUndefined();

    const accepted = await t.gql(ACCEPT, { input: { version: 1 } }, nurse);
    expect(accepted.data!.acceptGuidance).toMatchObject({
      guidance: { accepted: true, current: { version: 1 } },
      staffMember: { listed: true, guidanceAccepted: true },
    });
    expect((await t.gql(SEE, { id: String(nurse.id) }, elsewhere)).errors).toBeUndefined();
    expect((await t.gql(GUIDANCE, {}, nurse)).data!.guidance.acceptedAt).toEqual(
      expect.any(String),
    );

    const second = await t.gql(PUBLISH, guide('Social media guidance for staff (2026)'), admin);
    expect(second.data!.publishGuidance.document.version).toBe(2);
    expect((await t.gql(GUIDANCE, {}, nurse)).data!.me.listed).toBe(false);
    const stale = await t.gql(ACCEPT, { input: { version: 1 } }, nurse);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    expect(stale.errors![0].message).toMatch(/version 2/);
    expect((await t.gql(GUIDANCE, {}, nurse)).data!.me.listed).toBe(false);
    expect(
      (await t.gql(ACCEPT, { input: { version: 2 } }, nurse)).data!.acceptGuidance.staffMember
        .listed,
    ).toBe(true);
  });

  it('falls back to NHS-wide guidance for people without an organisation (or whose organisation has none)', async () => {
    const admin = await world.newNationalAdmin({ isCommsAdmin: true });
    const loner = await world.newPerson({ staffGroup: StaffGroup.MEDICAL_AND_DENTAL });
    const ownOrg = await world.newOrganisation();
    const ownAdmin = await world.newAdmin({ organisationId: ownOrg.id });
    await t.gql(PUBLISH, guide('Our own guide'), ownAdmin);
    const withOwn = await world.newPerson({ organisationId: ownOrg.id });
    await t.gql(ACCEPT, { input: { version: 1 } }, withOwn);

    const refused = await t.gql(PUBLISH, guide('No organisation'), admin);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'nhsWide',
    });
    const nhsWide = await t.gql(
      PUBLISH,
      guide('NHS social media guidance', { nhsWide: true }),
      admin,
    );
    expect(nhsWide.data!.publishGuidance.document).toMatchObject({ nhsWide: true });
    const version = nhsWide.data!.publishGuidance.document.version;

    const lonerView = await t.gql(GUIDANCE, {}, loner);
    expect(lonerView.data!.guidance).toMatchObject({
      current: { title: 'NHS social media guidance', nhsWide: true },
      accepted: false,
      regulatorGuidance: [{ regulator: 'GMC' }],
    });
    expect(lonerView.data!.me.listed).toBe(false);
    expect(
      (await t.gql(ACCEPT, { input: { version } }, loner)).data!.acceptGuidance.staffMember.listed,
    ).toBe(true);
    // an organisation with its own guidance is not asked again by an NHS-wide version
    expect((await t.gql(GUIDANCE, {}, withOwn)).data!.me.listed).toBe(true);
  });

  it('keeps leavers unlisted whatever they accepted, and lists joiners only once they accept', async () => {
    const org = await world.newOrganisation();
    const admin = await world.newAdmin({ organisationId: org.id });
    await t.gql(PUBLISH, guide('Guide'), admin);
    const leaver = await world.newPerson({ organisationId: org.id });
    await t.gql(ACCEPT, { input: { version: 1 } }, leaver);
    await world.leave(leaver);
    const row = await t.dataSource.getRepository(StaffMember).findOneByOrFail({ id: leaver.id });
    expect(row.listed).toBe(false);

    const joiner = await t.app
      .get(StaffService)
      .create({ displayName: 'New Joiner', organisationId: org.id });
    expect(joiner.listed).toBe(false);
  });

  it('lets only the communications team publish, and refuses bad input writing nothing', async () => {
    const org = await world.newOrganisation();
    const me = await world.newPerson({ organisationId: org.id });
    const forbidden = await t.gql(PUBLISH, guide('Mine'), me);
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
    const admin = await world.newAdmin({ organisationId: org.id });
    const bad: [Record<string, unknown>, string][] = [
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'Tab\there' }, 'title'],
      [{ summary: '' }, 'summary'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ url: 'http://example.nhs.uk/plain-http' }, 'url'],
    ];
    for (const [extra, field] of bad) {
      const res = await t.gql(PUBLISH, guide('Guide', extra), admin);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const written = await t.dataSource
      .getRepository(GuidanceDocument)
      .countBy({ organisationId: org.id });
    expect(written).toBe(0);
    const none = await t.gql(ACCEPT, { input: { version: 99 } }, me);
    expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
  });
});
