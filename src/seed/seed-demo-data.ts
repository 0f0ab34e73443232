import { INestApplicationContext, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { DEV_TENANT_ID } from '../identity/dev/dev-token.service';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { normaliseHandle } from '../social-accounts/platforms/normalise-handle';
import { Platform } from '../social-accounts/platforms/platform';
import { AccountPurpose, AccountVisibility } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { StaffMember } from '../staff/staff-member.entity';
import { NewStaffMember, StaffService } from '../staff/staff.service';
import { OfficialAccountsService } from '../verification/official-accounts.service';
import { SeededRandom } from '../common/seeded-random';
import { seedGuidance } from './seed-guidance';
import { seedCommunitiesAndFollows } from './seed-communities-and-follows';
import { seedMetricsAndCampaigns } from './seed-metrics-and-campaigns';
import { seedDashboard } from './seed-dashboard';
import {
  BIO_FRAGMENTS,
  DEMO_TRUST,
  DemoPerson,
  FIRST_NAMES,
  LAST_NAMES,
  NAMED_PEOPLE,
  OTHER_ORGANISATIONS,
  ROLES,
} from './demo-people';

const GENERATED_STAFF = { trust: 260, other: 40 };

export interface SeedContext {
  /** The app's own services: the demo is written as the app writes, derived values and all. */
  app: INestApplicationContext;
  tx: EntityManager;
  random: SeededRandom;
  trust: Organisation;
  organisations: Organisation[];
  staff: StaffMember[];
  named: Record<string, StaffMember>;
}

/** A later capability adds its demo data by appending a step here. */
const steps: ((context: SeedContext) => Promise<void>)[] = [
  seedOfficialAccounts,
  seedAccounts,
  seedCommunitiesAndFollows,
  seedGuidance,
  seedMetricsAndCampaigns,
  seedDashboard,
];

/** Seeds the demo story into an empty database; leaves any other database untouched. */
export async function seedDemoDataIfEmpty(app: INestApplicationContext): Promise<boolean> {
  const logger = new Logger('Seed');
  const transactions = app.get(TransactionRunner);
  const seeded = await transactions.run(async (tx) => {
    const existing = (await tx.count(Organisation)) + (await tx.count(StaffMember));
    if (existing > 0) return false;
    const context = await seedPeople(app, tx, new SeededRandom(20260301));
    for (const step of steps) await step(context);
    return true;
  });
  logger.log(
    seeded
      ? 'Demo data seeded into the empty database'
      : 'Database not empty: demo data not seeded',
  );
  return seeded;
}

async function seedPeople(
  app: INestApplicationContext,
  tx: EntityManager,
  random: SeededRandom,
): Promise<SeedContext> {
  const organisations = app.get(OrganisationsService);
  const trust = await organisations.create(tx, DEMO_TRUST);
  const others = [];
  for (const spec of OTHER_ORGANISATIONS) others.push(await organisations.create(tx, spec));

  const toStaff = (person: DemoPerson, org: typeof trust): NewStaffMember => ({
    ...person,
    tenantId: DEV_TENANT_ID,
    objectId: randomUUID(),
    isCommsAdmin: person.isCommsAdmin ?? false,
    isNationalAdmin: person.isNationalAdmin ?? false,
    organisationId: org.organisation.id,
    siteId: (org.sites.find((s) => s.name === person.site) ?? org.sites[0]).id,
    departmentId: (org.departments.find((d) => d.name === person.department) ?? org.departments[0])
      .id,
    pronouns: person.pronouns ?? null,
    active: true,
  });

  const people = NAMED_PEOPLE.map((person) => toStaff(person, trust));
  const usedUserNames = new Set(people.map((p) => p.userName));
  const generate = (org: typeof trust, count: number) => {
    for (let i = 0; i < count; i++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const role = random.pick(ROLES);
      const department = random.pick(role.departments);
      let userName =
        `${first}.${last}`.toLowerCase() + `@${org.organisation.odsCode.toLowerCase()}.nhs.uk`;
      for (let n = 2; usedUserNames.has(userName); n++)
        userName = userName.replace(/(\d*)@/, `${n}@`);
      usedUserNames.add(userName);
      people.push(
        toStaff(
          {
            displayName: `${first} ${last}`,
            userName,
            jobTitle: random.pick(role.titles),
            staffGroup: role.staffGroup,
            department,
            site: random.pick(org.sites).name,
            pronouns: random.chance(0.3)
              ? random.pick(['she/her', 'he/him', 'they/them'])
              : undefined,
            bio: [random.pick(BIO_FRAGMENTS), random.pick(BIO_FRAGMENTS)].join(' '),
          },
          org,
        ),
      );
    }
  };
  generate(trust, GENERATED_STAFF.trust);
  for (const org of others) generate(org, GENERATED_STAFF.other / others.length);

  const staff = await app.get(StaffService).createMany(tx, people);
  const named = Object.fromEntries(NAMED_PEOPLE.map((p, i) => [p.jobTitle, staff[i]]));
  return {
    app,
    tx,
    random,
    trust: trust.organisation,
    organisations: [trust.organisation, ...others.map((o) => o.organisation)],
    staff,
    named,
  };
}

function handleBase(person: StaffMember): string {
  return person.displayName.replace(/^Dr /, '').replace(/[^A-Za-z]/g, '');
}

/** The trust's own accounts, registered by its communications team: official and reserved. */
async function seedOfficialAccounts({ app, tx, trust }: SeedContext) {
  await app.get(OfficialAccountsService).importMany(tx, [
    { organisationId: trust.id, platform: Platform.X, handle: '@RiversideNHS', label: 'News' },
    {
      organisationId: trust.id,
      platform: Platform.FACEBOOK,
      handle: 'https://www.facebook.com/RiversideNHS',
      label: 'Patients and visitors',
    },
    {
      organisationId: trust.id,
      // LinkedIn company pages are not yet accepted by the LinkedIn handle rules (profiles only)
      platform: Platform.INSTAGRAM,
      handle: 'riversidenhs',
      label: 'Behind the scenes',
    },
  ]);
}

async function seedAccounts({ app, tx, random, staff }: SeedContext) {
  const accounts: Parameters<SocialAccountsService['importMany']>[1] = [];
  const taken = new Set<string>();
  const add = (
    person: StaffMember,
    platform: Platform,
    input: string,
    visibility = AccountVisibility.NHS_DIRECTORY,
  ) => {
    const { handleKey } = normaliseHandle(platform, input);
    if (taken.has(`${platform}:${handleKey}`)) return;
    taken.add(`${platform}:${handleKey}`);
    accounts.push({
      staffId: person.id,
      platform,
      handle: input,
      visibility,
      purpose: random.chance(0.85) ? AccountPurpose.PROFESSIONAL : AccountPurpose.PERSONAL,
    });
  };
  staff.forEach((person, index) => {
    const base = handleBase(person);
    const suffix = String(index);
    if (index < NAMED_PEOPLE.length || random.chance(0.7))
      add(person, Platform.X, `@${base.slice(0, 15 - suffix.length) + suffix}`);
    if (random.chance(0.35))
      add(person, Platform.LINKEDIN, `https://www.linkedin.com/in/${base.toLowerCase()}-${suffix}`);
    if (random.chance(0.15))
      add(
        person,
        Platform.MASTODON,
        `@${base.toLowerCase().slice(0, 20)}${suffix}@mastodon.social`,
      );
    if (random.chance(0.2))
      add(person, Platform.BLUESKY, `${base.toLowerCase()}${suffix}.bsky.social`);
    if (random.chance(0.1)) {
      add(
        person,
        Platform.INSTAGRAM,
        `${base.toLowerCase()}.${suffix}`,
        random.chance(0.5) ? AccountVisibility.ORGANISATION : AccountVisibility.ONLY_ME,
      );
    }
  });
  await app.get(SocialAccountsService).importMany(tx, accounts);
}
