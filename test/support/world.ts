import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CommunitiesService } from '../../src/communities/communities.service';
import { Community, CommunityKind, CommunityScope } from '../../src/communities/community.entity';
import { CampaignParticipant } from '../../src/campaigns/campaign-participant.entity';
import '../../src/campaigns/campaign.changes';
import { touch } from '../../src/database/derived-state';
import { TransactionRunner } from '../../src/database/transaction-runner';
import '../../src/metrics/metric.changes';
import { CreateCommunityInput } from '../../src/communities/dto/create-community.input';
import { FollowsService } from '../../src/follows/follows.service';
import { GuidanceDocument } from '../../src/guidance/guidance-document.entity';
import { GuidanceGraceSweep } from '../../src/guidance/guidance-grace.sweep';
import { GuidanceService } from '../../src/guidance/guidance.service';
import { NATIONAL_ADMIN_ROLE } from '../../src/identity/admin-scope';
import { AuthenticatedUser, COMMS_ADMIN_ROLE } from '../../src/identity/authenticated-user';
import { LeadersService } from '../../src/leaders/leaders.service';
import { DEV_TENANT_ID } from '../../src/identity/dev/dev-token.service';
import { MyOrganisationService } from '../../src/identity/my-organisation.service';
import { OrganisationClaim } from '../../src/identity/organisation-claims/organisation-claim.entity';
import { OrganisationClaimsService } from '../../src/identity/organisation-claims/organisation-claims.service';
import { Organisation } from '../../src/organisations/organisation.entity';
import { OrganisationsService } from '../../src/organisations/organisations.service';
import { ScimUsersService } from '../../src/scim/scim-users.service';
import { Platform } from '../../src/social-accounts/platforms/platform';
import {
  AccountPurpose,
  AccountVisibility,
  SocialAccount,
} from '../../src/social-accounts/social-account.entity';
import { SocialAccountsService } from '../../src/social-accounts/social-accounts.service';
import { StaffMember } from '../../src/staff/staff-member.entity';
import { NewStaffMember, StaffService, StaffUpdate } from '../../src/staff/staff.service';
import { MetricSnapshot, MetricSource } from '../../src/metrics/metric-snapshot.entity';
import { londonDay } from '../../src/metrics/london-day';
import { MetricsService } from '../../src/metrics/metrics.service';
import { Campaign } from '../../src/campaigns/campaign.entity';
import { CampaignsService } from '../../src/campaigns/campaigns.service';
import { addDays } from '../../src/metrics/london-day';
import type { TestApp } from './create-test-app';

let counter = 0;

/**
 * The test world, in the style of Immich's `ctx.newUser()`: everything a test needs is made
 * through the app's own services, the paths people and provisioning take, so derived values
 * (listing, search documents, counters) come out exactly as in production. Each test makes its
 * own people: no shared state, files run in parallel, nothing to clean up.
 *
 *   const world = new World(t);
 *   const org = await world.newOrganisation();
 *   const me = await world.newPerson({ organisationId: org.id });
 *   await world.newAccount(me, { platform: Platform.X, handle: '@me' });
 *
 * Adding a factory: a `newThing(overrides)` (or a verb, `follow(a, b)`) that calls the owning
 * feature's service with sensible defaults, names anything that must be unique with
 * `this.unique()`, and returns what it made. Never write a table directly here.
 */
export class World {
  constructor(readonly t: TestApp) {}

  /** A short string no other test in this run has. */
  unique(): string {
    counter += 1;
    return `${counter}-${randomUUID().slice(0, 8)}`;
  }

  private get app() {
    return this.t.app;
  }

  private write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.app.get(TransactionRunner).run(work);
  }

  async newOrganisation(
    overrides: { odsCode?: string; name?: string; tenantId?: string | null } = {},
  ): Promise<Organisation> {
    const unique = this.unique();
    const { organisation } = await this.write((tx) =>
      this.app.get(OrganisationsService).create(tx, {
        odsCode: `T${unique.replace(/-/g, '')}`.slice(0, 10).toUpperCase(),
        name: `Test Trust ${unique}`,
        tenantId: null,
        ...overrides,
      }),
    );
    return organisation;
  }

  /** A site and a department (`<name> ward`) of an organisation. */
  async newPlace(organisation: Organisation, name = `Place ${this.unique()}`) {
    const made = await this.write((tx) =>
      this.app.get(OrganisationsService).addPlaces(tx, organisation.id, {
        sites: [name],
        departments: [`${name} ward`],
      }),
    );
    return { site: made.sites[0], department: made.departments[0] };
  }

  /** Renames a site or a department (as an organisation's admin would). */
  renamePlace(place: { siteId: number } | { departmentId: number }, name: string) {
    return this.write((tx) => this.app.get(OrganisationsService).renamePlace(tx, place, name));
  }

  /**
   * A person who has signed in (development identity). Listed unless `listed: false`: then their
   * organisation (a new one unless given) has guidance they have not accepted.
   */
  async newPerson(
    overrides: Partial<NewStaffMember> & { listed?: boolean } = {},
  ): Promise<StaffMember> {
    const { listed = true, ...fields } = overrides;
    const unique = this.unique();
    if (!listed && fields.organisationId === undefined) {
      fields.organisationId = (await this.newOrganisation()).id;
    }
    const person = await this.app.get(StaffService).create({
      displayName: `Test Person ${unique}`,
      userName: `test.person.${unique}@example.nhs.uk`,
      tenantId: DEV_TENANT_ID,
      objectId: randomUUID(),
      jobTitle: 'Staff Nurse',
      ...fields,
    });
    if (listed) return person;
    await this.publishGuidance({ organisationId: person.organisationId });
    return this.reload(person);
  }

  /**
   * Many people at once, in one transaction through the same owner (for tests of scale):
   * `make(i)` gives each one's fields. Listed, like newPerson.
   */
  async newPeople(
    count: number,
    make: (i: number) => Partial<NewStaffMember>,
  ): Promise<StaffMember[]> {
    const people = Array.from({ length: count }, (_, i) => ({
      displayName: `Test Person ${this.unique()}`,
      ...make(i),
    }));
    const saved = await this.write((tx) => this.app.get(StaffService).createMany(tx, people));
    return this.app.get(StaffService).findByIds(saved.map((person) => person.id));
  }

  /** One account for each of many people at once (for tests of scale), as `newAccount` adds it. */
  newAccounts(
    accounts: {
      owner: StaffMember;
      platform: Platform;
      handle: string;
      visibility?: AccountVisibility;
    }[],
  ): Promise<SocialAccount[]> {
    return this.write((tx) =>
      this.app.get(SocialAccountsService).importMany(
        tx,
        accounts.map(({ owner, platform, handle, visibility }) => ({
          staffId: owner.id,
          platform,
          handle,
          visibility: visibility ?? AccountVisibility.NHS_DIRECTORY,
          purpose: AccountPurpose.PROFESSIONAL,
        })),
      ),
    );
  }

  /** A member of the communications team (app role Comms.Admin). */
  newAdmin(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    return this.newPerson({ isCommsAdmin: true, jobTitle: 'Communications Officer', ...overrides });
  }

  /**
   * A national communications admin (app role Comms.NationalAdmin): NHS-wide communities and
   * guidance, the national leaders list, and any organisation's administration.
   */
  newNationalAdmin(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    return this.newPerson({
      isNationalAdmin: true,
      jobTitle: 'National Communications Lead',
      ...overrides,
    });
  }

  /** Someone deactivated by provisioning, as Entra sends it (SCIM `active: false`). */
  async newLeaver(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    return this.leave(await this.newPerson(overrides));
  }

  /**
   * A joiner provisioned by SCIM (not signed in yet), as Entra sends one: `externalId` is the
   * person's Entra object id (the attribute mapping in docs/entra-id.md).
   */
  async provision(
    user: { externalId?: string; userName?: string; displayName?: string; active?: boolean } = {},
  ): Promise<StaffMember> {
    const unique = this.unique();
    const made = await this.app.get(ScimUsersService).create(
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `provisioned.${unique}@example.nhs.uk`,
        externalId: randomUUID(),
        displayName: `Provisioned Person ${unique}`,
        active: true,
        ...user,
      },
      'http://127.0.0.1/scim/v2',
    );
    const [person] = await this.app.get(StaffService).findByIds([Number(made.id)]);
    return person;
  }

  /**
   * A person whose organisation is self-chosen and not yet confirmed: a pending claim, as
   * `chooseMyOrganisation` makes it. (A person with a confirmed organisation is
   * `newPerson({ organisationId })`: SCIM, the tenant map or a confirmed claim put it there.)
   */
  async newClaimant(
    organisation: Organisation,
    overrides: Partial<NewStaffMember> = {},
  ): Promise<{ person: StaffMember; claim: OrganisationClaim }> {
    const person = await this.newPerson({ organisationId: null, ...overrides });
    const claim = await this.claimOrganisation(person, organisation);
    return { person: await this.reload(person), claim };
  }

  /** The person claims an organisation, as `chooseMyOrganisation` does (their trust resets). */
  async claimOrganisation(person: StaffMember, organisation: Organisation) {
    const { claim } = await this.app
      .get(MyOrganisationService)
      .choose(await this.reload(person), { organisationId: organisation.id });
    if (!claim) throw new Error('The organisation was already trusted: no claim was made');
    return claim;
  }

  /** Confirms the person's pending claim, as the organisation's communications team would. */
  async confirmClaimOf(person: StaffMember): Promise<StaffMember> {
    const claims = this.app.get(OrganisationClaimsService);
    const [claim] = await claims.latestOf([person.id]);
    if (!claim) throw new Error('No claim to confirm');
    const national = await this.newNationalAdmin();
    await claims.confirm(this.signedIn(national), claim.id);
    return this.reload(person);
  }

  /** Deactivates a person through the real leaver path: a SCIM PATCH of `active` to false. */
  async leave(person: StaffMember): Promise<StaffMember> {
    await this.app.get(ScimUsersService).patch(
      String(person.id),
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      },
      'http://127.0.0.1/scim/v2',
    );
    return this.reload(person);
  }

  /**
   * Someone Entra provisioning created (SCIM POST) who has not signed in yet: no oid until they
   * do. `scim` overrides the SCIM user's attributes.
   */
  async newProvisioned(scim: Record<string, unknown> = {}): Promise<StaffMember> {
    const unique = this.unique();
    const user = await this.app.get(ScimUsersService).create(
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `provisioned.${unique}@example.nhs.uk`,
        externalId: `ext-${unique}`,
        active: true,
        displayName: `Provisioned Person ${unique}`,
        name: { givenName: 'Provisioned', familyName: `Person ${unique}` },
        emails: [{ value: `provisioned.${unique}@example.nhs.uk`, type: 'work', primary: true }],
        ...scim,
      },
      'http://127.0.0.1/scim/v2',
    );
    const [person] = await this.app.get(StaffService).findByIds([Number(user.id)]);
    return person;
  }

  /** Changes a person as provisioning or sign-in would (the staff owner's own write). */
  async update(person: StaffMember, changes: StaffUpdate): Promise<StaffMember> {
    await this.write((tx) => this.app.get(StaffService).update(tx, person.id, changes));
    return this.reload(person);
  }

  async reload(person: StaffMember): Promise<StaffMember> {
    const [fresh] = await this.app.get(StaffService).findByIds([person.id]);
    return fresh;
  }

  /**
   * An account's figures for a day (today in London unless given), recorded as an import, a
   * fetcher or the owner would record them (source IMPORT unless given).
   */
  async newSnapshot(
    account: SocialAccount,
    figures: {
      day?: string;
      source?: MetricSource;
      followers?: number;
      following?: number | null;
      posts?: number | null;
      engagements?: number | null;
    } = {},
  ): Promise<MetricSnapshot> {
    const day = figures.day ?? londonDay();
    const source = figures.source ?? MetricSource.IMPORT;
    await this.write((tx) =>
      this.app.get(MetricsService).recordSnapshots(tx, source, [
        {
          accountId: account.id,
          staffId: account.staffId,
          day,
          followers: figures.followers ?? 100,
          following: figures.following ?? null,
          posts: figures.posts ?? null,
          engagements: figures.engagements ?? null,
        },
      ]),
    );
    return this.t.dataSource.manager.findOneByOrFail(MetricSnapshot, {
      socialAccountId: account.id,
      day,
      source,
    });
  }

  /**
   * A campaign of the admin's organisation, made as the communications team makes it (a week
   * from today unless given), with these people taking part.
   */
  async newCampaign(
    admin: StaffMember,
    overrides: { name?: string; hashtag?: string; startsOn?: string; endsOn?: string } = {},
    participants: StaffMember[] = [],
  ): Promise<Campaign> {
    const startsOn = overrides.startsOn ?? londonDay();
    const campaigns = this.app.get(CampaignsService);
    const campaign = await campaigns.create(
      { staff: admin, roles: ['Comms.Admin'], isCommsAdmin: true },
      {
        name: overrides.name ?? `Campaign ${this.unique()}`,
        hashtag: overrides.hashtag ?? `#Week${this.unique().replace(/-/g, '')}`,
        startsOn,
        endsOn: overrides.endsOn ?? addDays(startsOn, 6),
        nhsWide: false,
      },
    );
    for (const person of participants) {
      await campaigns.join({ staff: person, roles: [], isCommsAdmin: false }, campaign.id);
    }
    return campaign;
  }

  /** One of a person's accounts, added as they would add it. */
  newAccount(
    owner: StaffMember,
    account: {
      platform?: Platform;
      handle?: string;
      visibility?: AccountVisibility;
      purpose?: AccountPurpose;
    } = {},
  ): Promise<SocialAccount> {
    return this.app.get(SocialAccountsService).add(owner, {
      platform: account.platform ?? Platform.X,
      handle: account.handle ?? `@t${this.unique().replace(/-/g, '').slice(0, 12)}`,
      visibility: account.visibility ?? AccountVisibility.NHS_DIRECTORY,
      purpose: account.purpose ?? AccountPurpose.PROFESSIONAL,
    });
  }

  /** A community, created by `admin` (a new one of the community's organisation unless given). */
  async newCommunity(
    overrides: Partial<Omit<CreateCommunityInput, 'organisationId'>> & {
      organisationId?: number;
    } = {},
    admin?: StaffMember,
  ): Promise<Community> {
    // NHS-wide communities are the national team's; an organisation's, its own team's
    const creator =
      admin ??
      (overrides.organisationId
        ? await this.newAdmin({ organisationId: overrides.organisationId })
        : await this.newNationalAdmin());
    const unique = this.unique();
    return this.app.get(CommunitiesService).create(
      this.signedIn(creator),
      Object.assign(new CreateCommunityInput(), {
        name: `Community ${unique}`,
        kind: CommunityKind.NETWORK,
        scope: overrides.organisationId ? CommunityScope.ORGANISATION : CommunityScope.NHS_WIDE,
        ...overrides,
      }),
    );
  }

  /** The person as a request sees them: their roles as their token would carry them. */
  signedIn(person: StaffMember): AuthenticatedUser {
    const roles = [
      ...(person.isCommsAdmin ? [COMMS_ADMIN_ROLE] : []),
      ...(person.isNationalAdmin ? [NATIONAL_ADMIN_ROLE] : []),
    ];
    return { staff: person, roles, isCommsAdmin: person.isCommsAdmin };
  }

  join(person: StaffMember, community: Community): Promise<Community> {
    return this.app
      .get(CommunitiesService)
      .join({ id: person.id, organisationId: person.organisationId }, community.id);
  }

  follow(follower: StaffMember, followee: StaffMember): Promise<StaffMember> {
    return this.app.get(FollowsService).follow(follower, followee.id);
  }

  /** Features a person on the national leaders page, as the national team would. */
  async makeLeader(
    person: StaffMember,
    title = 'Chief Executive',
    statement: string | null = null,
  ) {
    const national = this.signedIn(await this.newNationalAdmin());
    return this.app.get(LeadersService).set(national, { staffId: person.id, title, statement });
  }

  /** Publishes the next version of an organisation's guidance (NHS-wide with `null`). */
  publishGuidance(
    scope: { organisationId: number | null },
    text: { title?: string; summary?: string; url?: string; whatChanged?: string } = {},
  ): Promise<GuidanceDocument> {
    return this.write((tx) =>
      this.app.get(GuidanceService).publishIn(
        tx,
        { organisationId: scope.organisationId, publishedById: null },
        {
          title: 'Social media guidance',
          summary: 'Be kind.',
          url: 'https://example.nhs.uk/guidance',
          ...text,
        },
      ),
    );
  }

  /** Runs the sweep that delists people once a guidance grace period has ended (as the timer does). */
  sweepGuidanceGrace(): Promise<number> {
    return this.app.get(GuidanceGraceSweep).sweep();
  }

  /** Accepts the guidance that applies to the person now, as they would. */
  async acceptGuidance(person: StaffMember): Promise<StaffMember> {
    const guidance = this.app.get(GuidanceService);
    const current = await guidance.currentFor(person.organisationId);
    if (!current) throw new Error('No guidance applies to this person');
    return guidance.accept(person, current.version);
  }

  /** An account's figures for some days, as an import records them (source IMPORT unless given). */
  async recordFigures(
    account: SocialAccount,
    days: {
      day: string;
      followers: number;
      posts?: number | null;
      engagements?: number | null;
      source?: MetricSource;
    }[],
  ): Promise<void> {
    const metrics = this.app.get(MetricsService);
    await this.write(async (tx) => {
      for (const source of new Set(days.map((d) => d.source ?? MetricSource.IMPORT))) {
        await metrics.recordSnapshots(
          tx,
          source,
          days
            .filter((d) => (d.source ?? MetricSource.IMPORT) === source)
            .map((d) => ({
              accountId: account.id,
              staffId: account.staffId,
              day: d.day,
              followers: d.followers,
              following: null,
              posts: d.posts ?? null,
              engagements: d.engagements ?? null,
            })),
        );
      }
    });
  }

  /**
   * A campaign on given dates (past ones too, which the service refuses to create) with these
   * people taking part: written as the campaigns feature writes it, touching its topic.
   */
  async newCampaignOnDates(
    fields: { startsOn: string; endsOn: string; organisationId?: number | null },
    participants: StaffMember[] = [],
  ): Promise<Campaign> {
    return this.write(async (tx) => {
      const campaign = await tx.save(
        Campaign,
        tx.create(Campaign, {
          name: `Campaign ${this.unique()}`,
          hashtag: `#Test${this.unique().replace(/-/g, '')}`,
          organisationId: null,
          createdByStaffId: participants[0]?.id ?? 0,
          createdAt: new Date(),
          ...fields,
        }),
      );
      await tx.save(
        CampaignParticipant,
        participants.map((p) =>
          tx.create(CampaignParticipant, {
            campaignId: campaign.id,
            staffId: p.id,
            joinedAt: new Date(),
          }),
        ),
      );
      touch(tx, 'campaigns', [
        { campaignId: campaign.id, staffIds: participants.map((p) => p.id) },
      ]);
      return campaign;
    });
  }
}
