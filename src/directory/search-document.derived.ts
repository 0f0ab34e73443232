import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DerivedState } from '../database/derived-state';
import '../social-accounts/social-account.changes';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { staffIdsChanging } from '../staff/staff.changes';
import type { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { DirectoryRepository } from './directory.repository';
import { searchDocument, searchText } from './search-text';

const BATCH = 500;

/** What of a person their search document holds (besides their accounts). */
const SEARCHED_FIELDS = new Set<keyof StaffMember>([
  'displayName',
  'jobTitle',
  'bio',
  'organisationId',
  'siteId',
  'departmentId',
  'staffGroup',
]);

/**
 * The owner of each person's search document (the index and its plain text): rebuilt in the
 * transaction that changed the person or their accounts, whoever wrote them.
 */
@Injectable()
export class SearchDocuments {
  constructor(
    derived: DerivedState,
    private readonly directory: DirectoryRepository,
    private readonly staff: StaffService,
    private readonly accounts: SocialAccountsService,
  ) {
    derived.on('staff', 'directory search document', (tx, changes) =>
      this.reindex(tx, staffIdsChanging(changes, SEARCHED_FIELDS)),
    );
    derived.on('social-accounts', 'directory search document', (tx, changes) =>
      this.reindex(
        tx,
        changes.map((change) => change.staffId),
      ),
    );
  }

  private async reindex(tx: EntityManager, staffIds: readonly number[]): Promise<void> {
    const unique = [...new Set(staffIds)];
    for (let start = 0; start < unique.length; start += BATCH) {
      const ids = unique.slice(start, start + BATCH);
      const people = await this.staff.findByIds(ids, tx);
      const accounts = await this.accounts.findByStaffIds(ids, tx);
      const accountsOf = new Map(ids.map((id, i) => [id, accounts[i]]));
      const documents = people.map((person) => searchDocument(person, accountsOf.get(person.id)!));
      await this.directory.replaceDocuments(tx, ids, documents);
      await this.staff.writeSearchTexts(
        tx,
        ids,
        documents.map((d) => ({ staffId: d.staffId, text: searchText(d) })),
      );
    }
  }
}
