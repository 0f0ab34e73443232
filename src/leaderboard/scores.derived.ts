import { Injectable } from '@nestjs/common';
import '../campaigns/campaign.changes';
import '../communities/community.changes';
import { DerivedState } from '../database/derived-state';
import '../follows/follow.changes';
import '../guidance/guidance.changes';
import '../metrics/metric.changes';
import '../social-accounts/social-account.changes';
import { staffIdsChanging } from '../staff/staff.changes';
import type { StaffMember } from '../staff/staff-member.entity';
import { LeaderboardService } from './leaderboard.service';

/** What of a person a score or a board reads. */
const SCORED_FIELDS = new Set<keyof StaffMember>([
  'active',
  'listed',
  'displayName',
  'organisationId',
  'staffGroup',
  'jobTitle',
  'pronouns',
  'bio',
  'siteId',
  'departmentId',
  'acceptedGuidanceId',
]);

/**
 * Keeps scores and ranks current: set-based over the people a change names (see
 * LeaderboardService.refresh). Follows, communities and accounts re-score after commit, in
 * coalesced batches (DerivedState.later; a board lags them by well under a second): they are
 * the busy writes, and re-scoring in the writing transaction made each one wait on it. Whatever
 * decides who may be on a board at all (active, listed), figures and campaigns re-score in the
 * writing transaction: a person who leaves or opts out is off the boards when the write returns.
 */
@Injectable()
export class Scores {
  constructor(derived: DerivedState, leaderboard: LeaderboardService) {
    derived.on('metrics', 'leaderboard scores', (tx, changes) =>
      leaderboard.refresh(
        tx,
        changes.flatMap((c) => c.staffIds),
      ),
    );
    derived.on('campaigns', 'leaderboard scores', (tx, changes) =>
      leaderboard.refresh(
        tx,
        changes.flatMap((c) => c.staffIds),
      ),
    );
    derived.on('staff', 'leaderboard scores', (tx, changes) =>
      leaderboard.refresh(tx, staffIdsChanging(changes, SCORED_FIELDS)),
    );
    const rescore = derived.deferred('leaderboard scores', (tx, staffIds) =>
      leaderboard.refresh(tx, staffIds),
    );
    derived.later('social-accounts', rescore, (changes) => changes.map((c) => c.staffId));
    derived.later('follows', rescore, (changes) =>
      changes.flatMap((c) => [c.followerId, c.followeeId]),
    );
    derived.later('communities', rescore, (changes) => changes.map((c) => c.staffId));
    // `listed` follows a publication without touching 'staff': re-score the organisation
    derived.on('guidance', 'leaderboard scores', async (tx, publications) => {
      for (const { organisationId } of publications) {
        await leaderboard.refreshOrganisation(tx, organisationId);
      }
    });
  }
}
