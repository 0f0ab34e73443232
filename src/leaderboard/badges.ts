import type { PersonFacts } from './score-inputs';

/** Badges shown on profiles (surgery attended comes with the social media week kit). */
export enum BadgeKind {
  VERIFIED = 'VERIFIED',
  GUIDANCE_ACCEPTED = 'GUIDANCE_ACCEPTED',
  CAMPAIGN_PARTICIPANT = 'CAMPAIGN_PARTICIPANT',
  COMMUNITY_CHAMPION = 'COMMUNITY_CHAMPION',
}

export enum BadgeSource {
  /** Earned by rule, and lost when the rule no longer holds. */
  RULE = 'RULE',
  /** Awarded by the communications team; kept until they take it back. */
  ADMIN = 'ADMIN',
}

/** The badges a person has earned by rule. */
export function badgesByRule(facts: PersonFacts, campaignsTaken: number): BadgeKind[] {
  const kinds: BadgeKind[] = [];
  if (facts.verifiedAccounts > 0) kinds.push(BadgeKind.VERIFIED);
  if (facts.guidanceAccepted) kinds.push(BadgeKind.GUIDANCE_ACCEPTED);
  if (campaignsTaken > 0) kinds.push(BadgeKind.CAMPAIGN_PARTICIPANT);
  if (facts.championRoles > 0) kinds.push(BadgeKind.COMMUNITY_CHAMPION);
  return kinds;
}
