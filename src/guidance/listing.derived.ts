import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { DerivedState } from '../database/derived-state';
import { staffIdsChanging } from '../staff/staff.changes';
import type { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { currentGuidanceIdSql } from './current-guidance.sql';
import './guidance.changes';

/**
 * The one rule for `listed`, whether colleagues can find a person: active, and
 * - no guidance applies to them, or
 * - they accepted the guidance that applies, or
 * - its grace period has not ended at `now` (an SQL timestamp, `nowSql`) and they had accepted
 *   an earlier version (or it is the scope's first version, when everyone was listed before).
 * Change it here and every listing follows: a person's change, a publication and the sweep at
 * the end of a grace period all re-apply it.
 */
export function listedSql(row: string, now: string): string {
  const current = currentGuidanceIdSql(`${row}.organisation_id`);
  return `(${row}.active = true AND (${current} IS NULL
    OR COALESCE(${row}.accepted_guidance_id = ${current}, false)
    OR EXISTS (SELECT 1 FROM guidance_documents grace WHERE grace.id = ${current}
      AND grace.grace_ends_at > ${now}
      AND (${row}.accepted_guidance_id IS NOT NULL OR grace.version = 1))))`;
}

/** A moment as an SQL timestamp literal either database compares with its stored times. */
export function nowSql(now: Date, postgres: boolean): string {
  const text = now.toISOString().replace('T', ' ').replace('Z', '');
  if (!/^[0-9: .-]+$/.test(text)) throw new Error('Not a timestamp');
  return postgres ? `CAST('${text}' AS timestamp)` : `'${text}'`;
}

/** What of a person the rule reads. */
const LISTING_FIELDS = new Set<keyof StaffMember>([
  'active',
  'organisationId',
  'acceptedGuidanceId',
]);

/** Keeps `listed` in step, in the transaction that changed a person or published guidance. */
@Injectable()
export class ListingMaintainer {
  constructor(derived: DerivedState, staff: StaffService, clock: Clock) {
    const rule = (tx: { connection: { options: { type: string } } }) => {
      const now = nowSql(clock.now(), tx.connection.options.type === 'postgres');
      return (row: string) => listedSql(row, now);
    };
    derived.on('staff', 'listing', (tx, changes) =>
      staff.refreshListing(tx, { staffIds: staffIdsChanging(changes, LISTING_FIELDS) }, rule(tx)),
    );
    // a publication, or the end of a grace period (GuidanceGraceSweep)
    derived.on('guidance', 'listing', async (tx, publications) => {
      for (const { organisationId } of publications) {
        const scope =
          organisationId === null ? { nhsWideGuidance: true as const } : { organisationId };
        await staff.refreshListing(tx, scope, rule(tx));
      }
    });
  }
}
