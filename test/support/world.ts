import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CommunitiesService } from '../../src/communities/communities.service';
import { Community, CommunityKind, CommunityScope } from '../../src/communities/community.entity';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { CreateCommunityInput } from '../../src/communities/dto/create-community.input';
import { FollowsService } from '../../src/follows/follows.service';
import { GuidanceDocument } from '../../src/guidance/guidance-document.entity';
import { GuidanceGraceSweep } from '../../src/guidance/guidance-grace.sweep';
import { GuidanceService } from '../../src/guidance/guidance.service';
import { DEV_TENANT_ID } from '../../src/identity/dev/dev-token.service';
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

  /** Someone deactivated by provisioning, as Entra sends it (SCIM `active: false`). */
  async newLeaver(overrides: Partial<NewStaffMember> = {}): Promise<StaffMember> {
    return this.leave(await this.newPerson(overrides));
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

  /** Changes a person as provisioning or sign-in would (the staff owner's own write). */
  async update(person: StaffMember, changes: StaffUpdate): Promise<StaffMember> {
    await this.write((tx) => this.app.get(StaffService).update(tx, person.id, changes));
    return this.reload(person);
  }

  async reload(person: StaffMember): Promise<StaffMember> {
    const [fresh] = await this.app.get(StaffService).findByIds([person.id]);
    return fresh;
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
    const creator = admin ?? (await this.newAdmin({ organisationId: overrides.organisationId }));
    const unique = this.unique();
    return this.app.get(CommunitiesService).create(
      { id: creator.id, organisationId: creator.organisationId },
      Object.assign(new CreateCommunityInput(), {
        name: `Community ${unique}`,
        kind: CommunityKind.NETWORK,
        scope: overrides.organisationId ? CommunityScope.ORGANISATION : CommunityScope.NHS_WIDE,
        ...overrides,
      }),
    );
  }

  join(person: StaffMember, community: Community): Promise<Community> {
    return this.app
      .get(CommunitiesService)
      .join({ id: person.id, organisationId: person.organisationId }, community.id);
  }

  follow(follower: StaffMember, followee: StaffMember): Promise<StaffMember> {
    return this.app.get(FollowsService).follow(follower, followee.id);
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
}
