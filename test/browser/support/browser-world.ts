import { randomInt } from 'node:crypto';
import { TransactionRunner } from '../../../src/database/transaction-runner';
import { MetricSource } from '../../../src/metrics/metric-snapshot.entity';
import { MetricsService } from '../../../src/metrics/metrics.service';
import { Department } from '../../../src/organisations/department.entity';
import { Site } from '../../../src/organisations/site.entity';
import type { StaffGroup } from '../../../src/staff/staff-group';
import type { StaffMember } from '../../../src/staff/staff-member.entity';
import type { TestApp } from '../../support/create-test-app';
import { World } from '../../support/world';

export interface WorldOrganisation {
  id: number;
  name: string;
  sites: { id: number; name: string }[];
  departments: { id: number; name: string }[];
}

export interface AccountSpec {
  platform: string;
  handle: string;
  visibility?: 'NHS_DIRECTORY' | 'ORGANISATION' | 'ONLY_ME';
  purpose?: 'PROFESSIONAL' | 'PERSONAL';
}

export interface PersonSpec {
  name?: string;
  jobTitle?: string | null;
  organisation?: WorldOrganisation;
  /** A site or department of `organisation`, by name. */
  site?: string;
  department?: string;
  staffGroup?: StaffGroup;
  pronouns?: string;
  bio?: string;
  admin?: boolean;
  /** App role Comms.NationalAdmin. */
  national?: boolean;
  accounts?: AccountSpec[];
  /** False: has not accepted their organisation's guidance (it must have published one). */
  listed?: boolean;
}

export interface CommunitySpec {
  name?: string;
  kind?: 'HASHTAG' | 'NETWORK' | 'ACCOUNT';
  hashtag?: string;
  description?: string;
  /** Organisation-only when given (created by that organisation's communications team). */
  organisation?: WorldOrganisation;
  members?: StaffMember[];
  champions?: StaffMember[];
}

const ADD_ACCOUNT = `mutation ($input: AddSocialAccountInput!) {
  addSocialAccount(input: $input) { account { id handle } } }`;
const GUIDANCE = `{ guidance { current { version } accepted } }`;
const ACCEPT = `mutation ($input: AcceptGuidanceInput!) {
  acceptGuidance(input: $input) { guidance { accepted } } }`;
const PUBLISH = `mutation ($input: PublishGuidanceInput!) {
  publishGuidance(input: $input) { document { version } } }`;
const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) {
  createCommunity(input: $input) { community { id slug name } } }`;
const JOIN = `mutation ($input: CommunityIdInput!) { joinCommunity(input: $input) { community { id } } }`;
const SET_ROLE = `mutation ($input: SetCommunityMemberRoleInput!) {
  setCommunityMemberRole(input: $input) { membership { role } } }`;
const FOLLOW = `mutation ($input: StaffIdInput!) { follow(input: $input) { follower { id } } }`;
const CREATE_CAMPAIGN = `mutation ($input: CreateCampaignInput!) {
  createCampaign(input: $input) { campaign { id name hashtag } } }`;
const JOIN_CAMPAIGN = `mutation ($input: CampaignIdInput!) {
  joinCampaign(input: $input) { campaign { id } } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) { staffMember { id showOnLeaderboard } } }`;
const SET_LEADER = `mutation ($input: SetLeaderInput!) { setLeader(input: $input) { leader { title } } }`;

/**
 * The people, organisations, accounts, communities and follows a browser journey needs, made
 * through the app's own services and GraphQL API, so no test depends on seeded demo data or on
 * what another test left behind. Names carry a unique word, so searches find only this test's.
 */
export class BrowserWorld {
  private readonly world: World;
  private readonly admins = new Map<number | null, StaffMember>();
  private national: StaffMember | undefined;

  constructor(private readonly t: TestApp) {
    this.world = new World(t);
  }

  /** A word no other test in this run uses (letters only, so it searches as one word). */
  unique(): string {
    const letters = 'bcdfghjklmnpqrstvwxz';
    let word = '';
    for (let i = 0; i < 7; i++) word += letters[randomInt(letters.length)];
    return word[0].toUpperCase() + word.slice(1);
  }

  async organisation(
    spec: { name?: string; sites?: string[]; departments?: string[]; guidance?: boolean } = {},
  ): Promise<WorldOrganisation> {
    const organisation = await this.world.newOrganisation({
      name: spec.name ?? `${this.unique()} NHS Foundation Trust`,
    });
    const { sites, departments } = await this.t.app.get(TransactionRunner).run(async (tx) => ({
      sites: await tx.save(
        Site,
        (spec.sites ?? []).map((name) =>
          tx.create(Site, { name, organisationId: organisation.id }),
        ),
      ),
      departments: await tx.save(
        Department,
        (spec.departments ?? []).map((name) =>
          tx.create(Department, { name, organisationId: organisation.id }),
        ),
      ),
    }));
    const world: WorldOrganisation = {
      id: organisation.id,
      name: organisation.name,
      sites: sites.map(({ id, name }) => ({ id, name })),
      departments: departments.map(({ id, name }) => ({ id, name })),
    };
    if (spec.guidance) await this.publishGuidance(world);
    return world;
  }

  /** A member of staff, listed in the directory unless `listed: false`. */
  async person(spec: PersonSpec = {}): Promise<StaffMember> {
    const place = (names: { id: number; name: string }[] | undefined, name?: string) => {
      if (!name) return null;
      const found = names?.find((n) => n.name === name);
      if (!found) throw new Error(`The organisation has no "${name}"`);
      return found.id;
    };
    const person = await this.world.newPerson({
      displayName: spec.name ?? `${this.unique()} ${this.unique()}`,
      jobTitle: spec.jobTitle === undefined ? 'Staff Nurse' : spec.jobTitle,
      organisationId: spec.organisation?.id ?? null,
      siteId: place(spec.organisation?.sites, spec.site),
      departmentId: place(spec.organisation?.departments, spec.department),
      staffGroup: spec.staffGroup ?? null,
      pronouns: spec.pronouns ?? null,
      bio: spec.bio ?? null,
      isCommsAdmin: spec.admin ?? false,
      isNationalAdmin: spec.national ?? false,
    });
    for (const account of spec.accounts ?? []) await this.account(person, account);
    const guidance = await this.gql(GUIDANCE, {}, person);
    const { current, accepted } = guidance.guidance;
    if (spec.listed === false && !current) {
      throw new Error('listed: false needs an organisation that has published guidance');
    }
    if (spec.listed !== false && current && !accepted) {
      await this.gql(ACCEPT, { input: { version: current.version } }, person);
    }
    return person;
  }

  async account(person: StaffMember, spec: AccountSpec): Promise<{ id: string; handle: string }> {
    const data = await this.gql(
      ADD_ACCOUNT,
      {
        input: {
          platform: spec.platform,
          handle: spec.handle,
          visibility: spec.visibility ?? 'NHS_DIRECTORY',
          purpose: spec.purpose ?? 'PROFESSIONAL',
        },
      },
      person,
    );
    return data.addSocialAccount.account;
  }

  /** A communications team member of the organisation (or of none, for NHS-wide things). */
  async admin(organisation?: WorldOrganisation): Promise<StaffMember> {
    const key = organisation?.id ?? null;
    if (!this.admins.has(key)) {
      this.admins.set(
        key,
        await this.person({
          name: `${this.unique()} Comms`,
          jobTitle: 'Communications Officer',
          organisation,
          admin: true,
        }),
      );
    }
    return this.admins.get(key)!;
  }

  async publishGuidance(organisation: WorldOrganisation, whatChanged?: string): Promise<void> {
    const admin = await this.admin(organisation);
    await this.gql(
      PUBLISH,
      {
        input: {
          title: 'Social media: a guide for our staff',
          summary: 'Be yourself, be kind, and never share anything about patients.',
          url: 'https://example.org/social-media-guide',
          whatChanged,
        },
      },
      admin,
    );
  }

  async community(spec: CommunitySpec = {}): Promise<{ id: string; slug: string; name: string }> {
    // NHS-wide communities are curated by the national team (Comms.NationalAdmin)
    const admin = spec.organisation
      ? await this.admin(spec.organisation)
      : await this.nationalAdmin();
    const data = await this.gql(
      CREATE_COMMUNITY,
      {
        input: {
          name: spec.name ?? `${this.unique()} Network`,
          kind: spec.kind ?? 'NETWORK',
          hashtag: spec.hashtag ?? null,
          description: spec.description ?? null,
          scope: spec.organisation ? 'ORGANISATION' : 'NHS_WIDE',
          organisationId: spec.organisation ? String(spec.organisation.id) : null,
        },
      },
      admin,
    );
    const community = data.createCommunity.community;
    for (const member of spec.members ?? []) {
      await this.gql(JOIN, { input: { communityId: community.id } }, member);
    }
    for (const champion of spec.champions ?? []) {
      await this.gql(
        SET_ROLE,
        { input: { communityId: community.id, staffId: String(champion.id), role: 'CHAMPION' } },
        admin,
      );
    }
    return community;
  }

  /**
   * A campaign of the organisation (created by its communications team), or NHS-wide (by the
   * national team), with these people taking part. Dates are Europe/London days, YYYY-MM-DD.
   */
  async campaign(spec: {
    organisation?: WorldOrganisation;
    name?: string;
    hashtag?: string;
    startsOn: string;
    endsOn: string;
    participants?: StaffMember[];
  }): Promise<{ id: string; name: string; hashtag: string }> {
    const admin = spec.organisation
      ? await this.admin(spec.organisation)
      : await this.nationalAdmin();
    const data = await this.gql(
      CREATE_CAMPAIGN,
      {
        input: {
          name: spec.name ?? `${this.unique()} Week`,
          hashtag: spec.hashtag ?? `${this.unique()}Week`,
          startsOn: spec.startsOn,
          endsOn: spec.endsOn,
          nhsWide: !spec.organisation,
        },
      },
      admin,
    );
    const campaign = data.createCampaign.campaign;
    for (const person of spec.participants ?? []) {
      await this.gql(JOIN_CAMPAIGN, { input: { campaignId: campaign.id } }, person);
    }
    return campaign;
  }

  async follow(follower: StaffMember, ...followees: StaffMember[]): Promise<void> {
    for (const followee of followees) {
      await this.gql(FOLLOW, { input: { staffId: String(followee.id) } }, follower);
    }
  }

  /** A national communications admin (Comms.NationalAdmin): the national leaders list. */
  async nationalAdmin(): Promise<StaffMember> {
    this.national ??= await this.person({
      name: `${this.unique()} National`,
      jobTitle: 'National Communications Lead',
      admin: true,
      national: true,
    });
    return this.national;
  }

  /** Features a person on the national leaders page, after those already there. */
  /** Features a person on the national leaders page, or on an organisation's own list. */
  async leader(
    person: StaffMember,
    title: string,
    statement?: string,
    organisation?: WorldOrganisation,
  ): Promise<void> {
    const admin = organisation ? await this.admin(organisation) : await this.nationalAdmin();
    await this.gql(
      SET_LEADER,
      {
        input: {
          staffId: String(person.id),
          title,
          statement: statement ?? null,
          ...(organisation ? { organisationId: String(organisation.id) } : {}),
        },
      },
      admin,
    );
  }

  /** The person opts in to being named on leaderboards, as they would on their profile. */
  async showOnLeaderboard(person: StaffMember): Promise<void> {
    await this.gql(UPDATE_PROFILE, { input: { showOnLeaderboard: true } }, person);
  }

  /**
   * An account's figures for some days, recorded as an import records them (or as the owner
   * reports them, with `selfReported`), in one transaction: scores follow before it commits.
   */
  async figures(
    person: StaffMember,
    account: { id: string },
    days: {
      day: string;
      followers: number;
      posts?: number;
      engagements?: number;
      selfReported?: boolean;
    }[],
  ): Promise<void> {
    const metrics = this.t.app.get(MetricsService);
    await this.t.app.get(TransactionRunner).run(async (tx) => {
      for (const selfReported of [false, true]) {
        const rows = days.filter((d) => (d.selfReported ?? false) === selfReported);
        if (rows.length === 0) continue;
        await metrics.recordSnapshots(
          tx,
          selfReported ? MetricSource.SELF_REPORTED : MetricSource.IMPORT,
          rows.map((d) => ({
            accountId: Number(account.id),
            staffId: person.id,
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

  private async gql(query: string, variables: Record<string, unknown>, as: StaffMember) {
    const res = await this.t.gql(query, variables, as);
    if (res.errors) {
      throw new Error(`The test world could not set up: ${JSON.stringify(res.errors)}`);
    }
    return res.data!;
  }
}
