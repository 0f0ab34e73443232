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
 * Keeps scores and ranks current, in the transaction that changed what they read: set-based
 * over the people a change names (see LeaderboardService.refresh).
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
    derived.on('social-accounts', 'leaderboard scores', (tx, changes) =>
      leaderboard.refresh(
        tx,
        changes.map((c) => c.staffId),
      ),
    );
    derived.on('follows', 'leaderboard scores', (tx, changes) =>
      leaderboard.refresh(
        tx,
        changes.flatMap((c) => [c.followerId, c.followeeId]),
      ),
    );
    derived.on('communities', 'leaderboard scores', (tx, changes) =>
      leaderboard.refresh(
        tx,
        changes.map((c) => c.staffId),
      ),
    );
    // `listed` follows a publication without touching 'staff': re-score the organisation
    derived.on('guidance', 'leaderboard scores', async (tx, publications) => {
      for (const { organisationId } of publications) {
        await leaderboard.refreshOrganisation(tx, organisationId);
      }
    });
  }
}
