import { Injectable } from '@nestjs/common';
import { DerivedState } from '../database/derived-state';
import { staffIdsChanging } from '../staff/staff.changes';
import type { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { currentGuidanceIdSql } from './current-guidance.sql';
import './guidance.changes';

/**
 * The one rule for `listed`, whether colleagues can find a person: active, and has accepted the
 * guidance that applies to them, or none applies. Change it here (a grace period after a new
 * version, say) and every listing follows: a person's change and a publication both re-apply it.
 */
export function listedSql(row: string): string {
  const current = currentGuidanceIdSql(`${row}.organisation_id`);
  return `(${row}.active = true AND COALESCE(${row}.accepted_guidance_id = ${current}, ${current} IS NULL))`;
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
  constructor(derived: DerivedState, staff: StaffService) {
    derived.on('staff', 'listing', (tx, changes) =>
      staff.refreshListing(tx, { staffIds: staffIdsChanging(changes, LISTING_FIELDS) }, listedSql),
    );
    derived.on('guidance', 'listing', async (tx, publications) => {
      for (const { organisationId } of publications) {
        const scope =
          organisationId === null ? { nhsWideGuidance: true as const } : { organisationId };
        await staff.refreshListing(tx, scope, listedSql);
      }
    });
  }
}
