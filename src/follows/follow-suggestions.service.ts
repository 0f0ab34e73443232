import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/errors/domain-error';
import { CommunitiesService } from '../communities/communities.service';
import { Community } from '../communities/community.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { LeadersService } from '../leaders/leaders.service';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import {
  FollowSuggestion,
  FollowSuggestionReason,
  FollowSuggestionReasonKind as Kind,
} from './follow-suggestion.model';
import { FollowsRepository } from './follows.repository';
import { FollowErrorReason } from './follow.errors';

export const MAX_SUGGESTIONS = 50;

/**
 * Bounds on candidate generation. Every source is an indexed range read with a LIMIT, so a
 * request reads at most ~1,200 candidate ids whatever the size of the NHS (1.5 million staff,
 * 10 million follows) or of a person's network; ranking then happens in memory.
 */
export const SUGGESTION_LIMITS = {
  myRecentFollows: 50, // follows (follower_id, created_at) index, newest first
  theirRecentFollows: 15, // per followee above: one UNION ALL of LIMITed range scans
  sameDepartment: 80, // staff_members (department_id) index
  sameSite: 50, // staff_members (site_id) index
  myCommunities: 10, // community_memberships (staff_id, community_id) index
  perCommunity: 20, // community_memberships (community_id, joined_at) index
};

// How much each reason counts when ranking. A shared team or a network of follows says most.
const WEIGHT: Record<Kind, number> = {
  [Kind.FOLLOWED_BY_PEOPLE_YOU_FOLLOW]: 3,
  [Kind.SAME_DEPARTMENT]: 4,
  [Kind.SHARED_COMMUNITY]: 2,
  [Kind.LEADER]: 2,
  [Kind.SAME_SITE]: 1,
};

interface Candidate {
  followedBy: number;
  sameDepartment: boolean;
  sameSite: boolean;
  communities: number[];
  leaderTitle: string | null;
}

/**
 * Follow suggestions. Design (it must answer in ≤ 50 ms at national scale):
 * 1. gather candidate ids from bounded, indexed sources — the newest followees of the people I
 *    followed most recently; the newest people in my department and at my site; the newest
 *    members of my communities; the leaders — never a scan or an unbounded join;
 * 2. score each candidate by its reasons, in memory;
 * 3. best first, in chunks of a few times `first`, drop with one statement of primary-key and
 *    index probes: people I follow, people I dismissed, people hidden from me (leavers,
 *    unlisted) and people who opted out — usually one chunk does; then load only the winners.
 * About ten statements, each reading a bounded number of index entries whatever the data size.
 * The counts are from that bounded sample ("followed by 3 people you follow" is a lower bound).
 */
@Injectable()
export class FollowSuggestionsService {
  constructor(
    private readonly follows: FollowsRepository,
    private readonly communities: CommunitiesService,
    private readonly leaders: LeadersService,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
  ) {}

  async suggest(me: StaffMember, first: number): Promise<FollowSuggestion[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
      throw new InvalidInputError(
        FollowErrorReason.TOO_MANY_SUGGESTIONS,
        `first must be between 1 and ${MAX_SUGGESTIONS}`,
        'first',
      );
    }
    const limits = SUGGESTION_LIMITS;
    const candidates = new Map<number, Candidate>();
    const candidate = (id: number) => {
      let c = candidates.get(id);
      if (!c) {
        c = {
          followedBy: 0,
          sameDepartment: false,
          sameSite: false,
          communities: [],
          leaderTitle: null,
        };
        candidates.set(id, c);
      }
      return c;
    };

    const [myFollows, myCommunityIds, department, site, leaders] = await Promise.all([
      this.follows.recentFolloweeIds(me.id, limits.myRecentFollows),
      this.communities.recentCommunityIdsOf(me.id, limits.myCommunities),
      me.departmentId
        ? this.follows.peopleIn('department_id', me.departmentId, {
            exceptId: me.id,
            limit: limits.sameDepartment,
            suggestibleOnly: true,
          })
        : [],
      me.siteId
        ? this.follows.peopleIn('site_id', me.siteId, {
            exceptId: me.id,
            limit: limits.sameSite,
            suggestibleOnly: true,
          })
        : [],
      this.leaders.featuredFor(me),
    ]);
    const [theirFollows, communityMembers, communities] = await Promise.all([
      this.follows.recentFolloweesOf(myFollows, limits.theirRecentFollows),
      this.communities.recentMemberIds(myCommunityIds, limits.perCommunity),
      myCommunityIds.length ? this.communities.findByIds(myCommunityIds) : [],
    ]);
    const viewer = { id: me.id, organisationId: me.organisationId };
    const communityById = new Map<number, Community>(
      communities
        .filter((c) => !c.archivedAt && this.communities.canSee(viewer, c))
        .map((c) => [c.id, c]),
    );

    for (const { followeeId } of theirFollows) candidate(followeeId).followedBy += 1;
    for (const id of department) candidate(id).sameDepartment = true;
    for (const id of site) candidate(id).sameSite = true;
    for (const { communityId, staffId } of communityMembers) {
      if (communityById.has(communityId)) candidate(staffId).communities.push(communityId);
    }
    for (const leader of leaders) candidate(leader.staffId).leaderTitle = leader.title;
    candidates.delete(me.id);
    if (candidates.size === 0) return [];

    // Rank first, then keep the best who may be suggested: one statement per chunk drops the
    // hidden, the opted out, the followed and the dismissed (usually one chunk), and only the
    // winners are loaded whole.
    const ranked = [...candidates]
      .map(([id, c]) => ({ id, c, score: score(c) }))
      .sort((a, b) => b.score - a.score || b.id - a.id);
    const chunk = Math.max(first * 3, 60);
    const winners: typeof ranked = [];
    for (let i = 0; i < ranked.length && winners.length < first; i += chunk) {
      const slice = ranked.slice(i, i + chunk);
      const allowed = new Set(
        await this.follows.suggestibleFor(
          me.id,
          slice.map((r) => r.id),
        ),
      );
      winners.push(...slice.filter((r) => allowed.has(r.id)).slice(0, first - winners.length));
    }
    const [people, places] = await Promise.all([
      this.staff.findByIds(winners.map((r) => r.id)),
      this.follows.placeNames(me.departmentId, me.siteId),
    ]);
    const personById = new Map(people.map((p) => [p.id, p]));

    return winners
      .filter(({ id }) => personById.has(id))
      .map(({ id, c }) => ({
        person: personById.get(id)!,
        reasons: reasonsFor(c, communityById, places.department, places.site),
      }));
  }

  /** Keeps a person out of my suggestions for good. Someone hidden from me is NOT_FOUND. */
  async dismiss(me: StaffMember, staffId: number): Promise<void> {
    if (staffId === me.id) {
      throw new InvalidInputError(
        FollowErrorReason.SELF_NOT_ALLOWED,
        'You are never suggested to yourself',
        'staffId',
      );
    }
    await this.staff.getVisible(staffId, null, 'staffId');
    await this.transactions.run((tx) => this.follows.dismiss(tx, me.id, staffId));
  }
}

function score(c: Candidate): number {
  return (
    (c.followedBy > 0 ? WEIGHT[Kind.FOLLOWED_BY_PEOPLE_YOU_FOLLOW] + (c.followedBy - 1) : 0) +
    (c.sameDepartment ? WEIGHT[Kind.SAME_DEPARTMENT] : 0) +
    Math.min(c.communities.length, 3) * WEIGHT[Kind.SHARED_COMMUNITY] +
    (c.leaderTitle ? WEIGHT[Kind.LEADER] : 0) +
    (c.sameSite ? WEIGHT[Kind.SAME_SITE] : 0)
  );
}

function reasonsFor(
  c: Candidate,
  communityById: Map<number, Community>,
  departmentName: string | null,
  siteName: string | null,
): FollowSuggestionReason[] {
  const reasons: (FollowSuggestionReason & { weight: number })[] = [];
  if (c.sameDepartment) {
    reasons.push({
      kind: Kind.SAME_DEPARTMENT,
      text: departmentName ? `Also in ${departmentName}` : 'In your department',
      weight: WEIGHT[Kind.SAME_DEPARTMENT],
    });
  }
  if (c.followedBy > 0) {
    reasons.push({
      kind: Kind.FOLLOWED_BY_PEOPLE_YOU_FOLLOW,
      text: `Followed by ${c.followedBy} ${c.followedBy === 1 ? 'person' : 'people'} you follow`,
      count: c.followedBy,
      weight: WEIGHT[Kind.FOLLOWED_BY_PEOPLE_YOU_FOLLOW] + c.followedBy - 1,
    });
  }
  for (const id of c.communities) {
    const community = communityById.get(id)!;
    reasons.push({
      kind: Kind.SHARED_COMMUNITY,
      text: `Also in ${community.name}`,
      community,
      weight: WEIGHT[Kind.SHARED_COMMUNITY],
    });
  }
  if (c.leaderTitle) {
    reasons.push({
      kind: Kind.LEADER,
      text: `Leader: ${c.leaderTitle}`,
      weight: WEIGHT[Kind.LEADER],
    });
  }
  if (c.sameSite) {
    reasons.push({
      kind: Kind.SAME_SITE,
      text: siteName ? `Also at ${siteName}` : 'At your site',
      weight: WEIGHT[Kind.SAME_SITE],
    });
  }
  return reasons
    .sort((a, b) => b.weight - a.weight)
    .map(({ weight: _weight, ...reason }) => reason);
}
