import { CommunitiesService } from '../communities/communities.service';
import { CommunityMembership, CommunityRole } from '../communities/community-membership.entity';
import { Community, CommunityKind, CommunityScope } from '../communities/community.entity';
import { FollowsService } from '../follows/follows.service';
import { LeadersService } from '../leaders/leaders.service';
import { StaffGroup } from '../staff/staff-group';
import { StaffMember } from '../staff/staff-member.entity';
import type { SeedContext } from './seed-demo-data';

type Follow = { followerId: number; followeeId: number; createdAt: Date };

const DAY = 24 * 60 * 60 * 1000;

const COMMUNITIES = [
  {
    slug: 'hellomynameis',
    name: '#hellomynameis',
    kind: CommunityKind.HASHTAG,
    hashtag: '#hellomynameis',
    description:
      'The campaign Dr Kate Granger started from her hospital bed: introduce yourself to every ' +
      'patient. Pledge to say “Hello, my name is…” and share why it matters.',
    links: [{ label: 'hellomynameis.org.uk', url: 'https://www.hellomynameis.org.uk/' }],
  },
  {
    slug: 'wenurses',
    name: 'WeNurses',
    kind: CommunityKind.NETWORK,
    hashtag: '#WeNurses',
    description:
      'Nurses, midwives and students connecting and learning together, with regular evening ' +
      'chats on practice, wellbeing and careers.',
    links: [
      { label: 'WeCommunities', url: 'https://www.wecommunities.org/' },
      { label: '@WeNurses on X', url: 'https://x.com/WeNurses' },
    ],
  },
  {
    slug: 'wedocs',
    name: 'WeDocs',
    kind: CommunityKind.NETWORK,
    hashtag: '#WeDocs',
    description:
      'Doctors at every grade sharing practice, research and support: the medical community of ' +
      'WeCommunities.',
    links: [{ label: 'WeCommunities', url: 'https://www.wecommunities.org/' }],
  },
  {
    slug: 'nhsmillion',
    name: 'NHSMillion',
    kind: CommunityKind.ACCOUNT,
    hashtag: '#NHSMillion',
    description:
      'The account celebrating NHS staff: share the stories of the people behind the service.',
    links: [{ label: '@NHSMillion on X', url: 'https://x.com/NHSMillion' }],
  },
];

/** Communities and memberships, the featured leaders, and a few thousand follows. */
export async function seedCommunitiesAndFollows(context: SeedContext) {
  const { app, tx, trust, named } = context;
  const specs: Partial<Community>[] = [
    ...COMMUNITIES.map(({ links, ...community }) => ({
      ...community,
      scope: CommunityScope.NHS_WIDE,
      linksJson: JSON.stringify(links),
    })),
    {
      slug: 'riverside-social-champions',
      name: 'Riverside social media champions',
      kind: CommunityKind.NETWORK,
      scope: CommunityScope.ORGANISATION,
      organisationId: trust.id,
      hashtag: '#RiversideVoices',
      description:
        'Staff who help colleagues get started: surgeries, the social media week and the #NHSTweetup.',
      linksJson: JSON.stringify([
        { label: 'Our social media guidance', url: 'https://www.england.nhs.uk/' },
      ]),
    },
  ];
  await app
    .get(CommunitiesService)
    .importMany(tx, specs, (communities) => demoMemberships(context, communities));
  const ceo = named['Chief Executive'];
  const commsDirector = named['Director of Communications'];

  await app.get(LeadersService).importMany(tx, [
    {
      staffId: ceo.id,
      title: 'Chief Executive',
      statement:
        'I work out loud because our patients and staff deserve to see how decisions are made. ' +
        'We trust our staff with patients’ lives, so we trust them with social media: ' +
        'tell the world what you are proud of.',
    },
    {
      staffId: commsDirector.id,
      title: 'Director of Communications',
      statement:
        'Social media week is for everyone: come to a surgery, join the #NHSTweetup, and find ' +
        'the colleagues who share your work. Ask us anything.',
    },
  ]);
  await app.get(FollowsService).importMany(tx, ...demoFollows(context));
}

/** Who joined which community, as the demo tells it. */
function demoMemberships(
  { random, trust, staff, named }: SeedContext,
  communities: Community[],
): Partial<CommunityMembership>[] {
  const now = Date.now();
  const daysAgo = (max: number) => new Date(now - random.next() * max * DAY);
  const [hello, weNurses, weDocs, nhsMillion, champions] = communities;
  const memberships = new Map<string, Partial<CommunityMembership>>();
  const join = (community: Community, person: StaffMember, role = CommunityRole.MEMBER) => {
    const key = `${community.id}:${person.id}`;
    const existing = memberships.get(key);
    if (existing) {
      existing.role = role;
      return;
    }
    memberships.set(key, {
      communityId: community.id,
      staffId: person.id,
      role,
      joinedAt: daysAgo(120),
    });
  };
  for (const person of staff) {
    if (person.staffGroup === StaffGroup.NURSING_AND_MIDWIFERY_REGISTERED && random.chance(0.7)) {
      join(weNurses, person);
    }
    if (person.staffGroup === StaffGroup.MEDICAL_AND_DENTAL && random.chance(0.7)) {
      join(weDocs, person);
    }
    if (random.chance(0.3)) join(hello, person);
    if (random.chance(0.2)) join(nhsMillion, person);
    if (person.organisationId === trust.id && random.chance(0.08)) join(champions, person);
  }
  const ceo = named['Chief Executive'];
  const commsDirector = named['Director of Communications'];
  const commsOfficer = named['Digital Communications Officer'];
  join(champions, commsDirector, CommunityRole.ORGANISER);
  join(champions, commsOfficer, CommunityRole.ORGANISER);
  join(hello, ceo, CommunityRole.CHAMPION);
  join(hello, commsOfficer, CommunityRole.ORGANISER);
  join(nhsMillion, commsDirector);
  for (const community of [weNurses, weDocs]) {
    const members = [...memberships.values()].filter((m) => m.communityId === community.id);
    for (const m of members.slice(0, 2)) m.role = CommunityRole.CHAMPION;
  }
  return [...memberships.values()];
}

/** Who follows whom, and the quieter voices who opt out of being suggested. */
function demoFollows({ random, staff, named }: SeedContext) {
  const now = Date.now();
  const daysAgo = (max: number) => new Date(now - random.next() * max * DAY);
  const ceo = named['Chief Executive'];
  const commsDirector = named['Director of Communications'];
  // Follows: mostly within a department, often the leaders, sometimes anyone.
  const byDepartment = new Map<number | null, StaffMember[]>();
  for (const person of staff) {
    byDepartment.set(person.departmentId, [
      ...(byDepartment.get(person.departmentId) ?? []),
      person,
    ]);
  }
  const follows = new Map<string, Follow>();
  const follow = (follower: StaffMember, followee: StaffMember) => {
    const key = `${follower.id}:${followee.id}`;
    if (follower.id === followee.id || follows.has(key)) return;
    follows.set(key, { followerId: follower.id, followeeId: followee.id, createdAt: daysAgo(90) });
  };
  for (const person of staff) {
    const team = byDepartment.get(person.departmentId) ?? [];
    const count = 4 + random.int(20);
    for (let i = 0; i < count; i++) {
      follow(
        person,
        random.chance(0.55) && team.length > 1 ? random.pick(team) : random.pick(staff),
      );
    }
    if (random.chance(0.6)) follow(person, ceo);
    if (random.chance(0.35)) follow(person, commsDirector);
  }
  // A few quieter voices opt out of being suggested.
  const quiet = staff.filter((p, i) => i >= 3 && random.chance(0.05)).map((p) => p.id);
  return [[...follows.values()], quiet] as [Follow[], number[]];
}
