import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { runSql } from '../database/portable-sql';

/** Which people to re-evaluate: some ids, everyone in an organisation, or everyone on NHS-wide guidance. */
export type ListingScope =
  { staffIds: readonly number[] } | { organisationId: number } | { nhsWideGuidance: true };

/** The listing rule as an SQL condition over a staff_members row (guidance owns it). */
export type ListingRule = (row: string) => string;

/** The SQL that writes derived columns of staff_members (only StaffService calls it). */
@Injectable()
export class StaffRepository {
  /** Sets `listed` by `rule` for everyone in `scope`, inside the caller's transaction. */
  async refreshListing(tx: EntityManager, scope: ListingScope, rule: ListingRule): Promise<void> {
    let where: string;
    let parameters: Record<string, unknown> = {};
    if ('staffIds' in scope) {
      if (scope.staffIds.length === 0) return;
      where = 'id IN (:...ids)';
      parameters = { ids: [...scope.staffIds] };
    } else if ('organisationId' in scope) {
      where = 'organisation_id = :organisationId';
      parameters = { organisationId: scope.organisationId };
    } else {
      // everyone whose organisation has no guidance of its own
      where = `(organisation_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM guidance_documents own WHERE own.scope_key = staff_members.organisation_id))`;
    }
    await runSql(
      tx,
      `UPDATE staff_members SET listed = CASE WHEN ${rule('staff_members')} THEN true ELSE false END
       WHERE ${where}`,
      parameters,
    );
  }

  /** The plain-text search documents as last written, for those of these people who have one. */
  async searchTextsOf(tx: EntityManager, staffIds: readonly number[]): Promise<string[]> {
    if (staffIds.length === 0) return [];
    const { rows } = await runSql<{ text: string }>(
      tx,
      'SELECT search_text AS text FROM staff_members WHERE id IN (:...ids) AND search_text IS NOT NULL',
      { ids: [...staffIds] },
    );
    return rows.map((row) => row.text);
  }

  /** Writes the directory's plain-text search documents; people left out of `texts` get none. */
  async writeSearchTexts(
    tx: EntityManager,
    staffIds: readonly number[],
    texts: readonly { staffId: number; text: string }[],
  ): Promise<void> {
    if (staffIds.length === 0) return;
    const parameters: Record<string, unknown> = { ids: [...staffIds] };
    const cases = texts.map(({ staffId, text }, i) => {
      parameters[`id${i}`] = staffId;
      parameters[`text${i}`] = text;
      return `WHEN :id${i} THEN :text${i}`;
    });
    await runSql(
      tx,
      `UPDATE staff_members SET search_text = ${cases.length > 0 ? `CASE id ${cases.join(' ')} END` : 'NULL'}
       WHERE id IN (:...ids)`,
      parameters,
    );
  }
}
