/**
 * The advocacy score: pure arithmetic, no I/O. A person's score for a window is the sum of
 * whole-number points, one per component, so the breakdown always adds up to the score.
 * docs/leaderboard.md explains the formula and the fairness rules; FORMULA below is the same
 * text in plain English, shown on the leaderboard page.
 */

export enum ScoreComponent {
  REACH = 'REACH',
  GROWTH = 'GROWTH',
  ACTIVITY = 'ACTIVITY',
  CAMPAIGNS = 'CAMPAIGNS',
  COMMUNITY_ROLES = 'COMMUNITY_ROLES',
  CONNECTIONS = 'CONNECTIONS',
  PROFILE = 'PROFILE',
  VERIFIED = 'VERIFIED',
}

/** Points per unit of each component; an organisation's communications team may change them. */
export interface ScoreWeights {
  /** per tenfold of followers (log10(1 + followers)) */
  reach: number;
  /** per tenfold of followers gained in the window (log10(1 + gained)) */
  growth: number;
  /** per tenfold of posts, and again per tenfold of engagements, in the window */
  activity: number;
  /** per campaign joined that overlaps the window (at most 3), plus per tenfold of campaign posts */
  campaign: number;
  /** per community where the person is a champion (at most 3) */
  champion: number;
  /** per community the person organises (at most 3) */
  organiser: number;
  /** per tenfold of followers and followings inside the directory */
  connections: number;
  /** for a complete profile (in proportion to the six fields filled) */
  profile: number;
  /** for having accepted the social media guidance that applies */
  guidance: number;
  /** per verified account (at most 3) */
  verified: number;
}

export const WEIGHT_NAMES = [
  'reach',
  'growth',
  'activity',
  'campaign',
  'champion',
  'organiser',
  'connections',
  'profile',
  'guidance',
  'verified',
] as const satisfies readonly (keyof ScoreWeights)[];

/** The defaults (docs/leaderboard.md): reach is worth no more than growth or activity. */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  reach: 10,
  growth: 15,
  activity: 10,
  campaign: 10,
  champion: 10,
  organiser: 15,
  connections: 10,
  profile: 10,
  guidance: 10,
  verified: 10,
});

export const MAX_WEIGHT = 100;

/** Counted at most this many times: a score rewards taking part, not collecting roles. */
export const ROLE_CAP = 3;

/** Everything the score reads about one person for one window. */
export interface ScoreInputs {
  /** followers across the person's accounts at the window's end (latest figure on or before it) */
  followers: number;
  /** followers gained in the window (negative when lost; losses score nothing) */
  followersGained: number;
  posts: number;
  engagements: number;
  /** whether any figure used was self-reported (marked in the breakdown) */
  selfReported: boolean;
  campaignsJoined: number;
  campaignPosts: number;
  championRoles: number;
  organiserRoles: number;
  /** followers plus followings inside the directory */
  directoryConnections: number;
  /** of the six profile fields (job title, staff group, pronouns, bio, site, department) */
  profileFieldsFilled: number;
  guidanceAccepted: boolean;
  verifiedAccounts: number;
}

export const PROFILE_FIELDS = 6;

export interface ScorePart {
  component: ScoreComponent;
  points: number;
  detail: string;
}

export interface Score {
  score: number;
  breakdown: ScorePart[];
}

const log10 = (n: number) => Math.log10(1 + Math.max(0, n));
/** n.toLocaleString('en-GB'), without building a formatter each time. */
const inEnglish = new Intl.NumberFormat('en-GB').format;
const count = (n: number, one: string, many = `${one}s`) =>
  `${inEnglish(n)} ${n === 1 ? one : many}`;

/** The score and its breakdown; every part is whole points, and the parts add up to the score. */
export function computeScore(inputs: ScoreInputs, weights: ScoreWeights): Score {
  const marked = inputs.selfReported ? ' (self-reported)' : '';
  const capped = (n: number) => Math.min(ROLE_CAP, Math.max(0, n));
  const breakdown: ScorePart[] = [
    {
      component: ScoreComponent.REACH,
      points: Math.round(weights.reach * log10(inputs.followers)),
      detail: `${count(inputs.followers, 'follower')}${marked}`,
    },
    {
      component: ScoreComponent.GROWTH,
      points: Math.round(weights.growth * log10(inputs.followersGained)),
      detail: `${inputs.followersGained >= 0 ? '+' : ''}${inEnglish(inputs.followersGained)} followers${marked}`,
    },
    {
      component: ScoreComponent.ACTIVITY,
      points: Math.round(weights.activity * (log10(inputs.posts) + log10(inputs.engagements))),
      detail: `${count(inputs.posts, 'post')}, ${count(inputs.engagements, 'engagement')}${marked}`,
    },
    {
      component: ScoreComponent.CAMPAIGNS,
      points: Math.round(
        weights.campaign * (capped(inputs.campaignsJoined) + log10(inputs.campaignPosts)),
      ),
      detail: `${count(inputs.campaignsJoined, 'campaign')}, ${count(inputs.campaignPosts, 'campaign post')}`,
    },
    {
      component: ScoreComponent.COMMUNITY_ROLES,
      points: Math.round(
        weights.champion * capped(inputs.championRoles) +
          weights.organiser * capped(inputs.organiserRoles),
      ),
      detail: `${count(inputs.championRoles, 'community champion role')}, ${count(inputs.organiserRoles, 'community organiser role')}`,
    },
    {
      component: ScoreComponent.CONNECTIONS,
      points: Math.round(weights.connections * log10(inputs.directoryConnections)),
      detail: `${count(inputs.directoryConnections, 'connection')} in the directory`,
    },
    {
      component: ScoreComponent.PROFILE,
      points: Math.round(
        (weights.profile * Math.min(PROFILE_FIELDS, Math.max(0, inputs.profileFieldsFilled))) /
          PROFILE_FIELDS +
          (inputs.guidanceAccepted ? weights.guidance : 0),
      ),
      detail: `${inputs.profileFieldsFilled} of ${PROFILE_FIELDS} profile fields; guidance ${inputs.guidanceAccepted ? 'accepted' : 'not accepted'}`,
    },
    {
      component: ScoreComponent.VERIFIED,
      points: Math.round(weights.verified * capped(inputs.verifiedAccounts)),
      detail: count(inputs.verifiedAccounts, 'verified account'),
    },
  ];
  return { score: breakdown.reduce((sum, part) => sum + part.points, 0), breakdown };
}

/** The formula in plain English, with this organisation's weights. */
export function describeFormula(weights: ScoreWeights): string[] {
  return [
    `Reach: ${weights.reach} points for each tenfold of followers across your accounts (10 followers ≈ ${weights.reach}, 100 ≈ ${2 * weights.reach}, 1,000 ≈ ${3 * weights.reach}), so a very large account cannot drown a growing one.`,
    `Growth: ${weights.growth} points for each tenfold of followers gained in the window; losing followers costs nothing.`,
    `Activity: ${weights.activity} points for each tenfold of posts and ${weights.activity} for each tenfold of engagements in the window.`,
    `Campaigns: ${weights.campaign} points for each campaign you take part in during the window (up to ${ROLE_CAP}), plus ${weights.campaign} for each tenfold of campaign posts.`,
    `Community roles: ${weights.champion} points for each community you champion and ${weights.organiser} for each you organise (up to ${ROLE_CAP} of each).`,
    `Connections: ${weights.connections} points for each tenfold of colleagues you follow or who follow you in the directory.`,
    `Profile: up to ${weights.profile} points for a complete profile (job title, staff group, pronouns, bio, site, department) and ${weights.guidance} for accepting the social media guidance.`,
    `Verified accounts: ${weights.verified} points for each verified account (up to ${ROLE_CAP}).`,
    'Each part is rounded to whole points and the score is their sum. Figures you reported yourself are marked as self-reported.',
  ];
}
