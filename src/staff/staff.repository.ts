import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentGuidanceIdSql } from '../guidance/current-guidance.sql';

/**
 * The SQL condition for "a person others may see": active and listed (accepted the current
 * guidance). Use it wherever another feature lists people (followers, members, suggestions),
 * with the staff_members alias of the query: `${visibleStaffSql('s')}`.
 * StaffService.getVisible applies the same rule to one person.
 */
export function visibleStaffSql(alias = 'staff_members'): string {
  return `(${alias}.active = true AND ${alias}.listed = true)`;
}

/** `visibleStaffSql()` for a query whose staff_members table is not aliased. */
export const VISIBLE_STAFF_SQL = visibleStaffSql();

/** Which people to re-evaluate: some ids, everyone in an organisation, or everyone on NHS-wide guidance. */
export type ListingScope =
  { staffIds: readonly number[] } | { organisationId: number } | { nhsWideGuidance: true };

const CURRENT_GUIDANCE_SQL = currentGuidanceIdSql('staff_members.organisation_id');

@Injectable()
export class StaffRepository {
  /**
   * Recomputes `listed` = active and (no guidance applies, or the current one is accepted),
   * inside the caller's transaction. Triggers do this for each row written; a publication
   * calls this for everyone it applies to.
   */
  async refreshListing(tx: EntityManager, scope: ListingScope): Promise<void> {
    let where: string;
    let parameters: unknown[] = [];
    if ('staffIds' in scope) {
      if (scope.staffIds.length === 0) return;
      where = `id IN (${scope.staffIds.map((_, i) => this.param(tx, i + 1)).join(', ')})`;
      parameters = [...scope.staffIds];
    } else if ('organisationId' in scope) {
      where = `organisation_id = ${this.param(tx, 1)}`;
      parameters = [scope.organisationId];
    } else {
      // everyone whose organisation has no guidance of its own
      where = `(organisation_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM guidance_documents own WHERE own.scope_key = staff_members.organisation_id))`;
    }
    await tx.query(
      `UPDATE staff_members SET listed = CASE
         WHEN active = true AND COALESCE(accepted_guidance_id = ${CURRENT_GUIDANCE_SQL},
                                         ${CURRENT_GUIDANCE_SQL} IS NULL)
         THEN true ELSE false END
       WHERE ${where}`,
      parameters,
    );
  }

  private param(tx: EntityManager, index: number): string {
    return tx.connection.options.type === 'postgres' ? `$${index}` : '?';
  }
}
