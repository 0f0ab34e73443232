import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DerivedState } from '../database/derived-state';
import { OrganisationsService } from '../organisations/organisations.service';
import '../organisations/places.changes';
import '../social-accounts/social-account.changes';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { staffIdsChanging } from '../staff/staff.changes';
import type { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { DirectoryRepository } from './directory.repository';
import { searchDocument, searchText, vocabularyCandidatesOf, vocabularyOf } from './search-text';

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
 * The owner of each person's search document (the index, its plain text, and the typo
 * vocabulary's share of it): rebuilt in the transaction that changed the person or their
 * accounts, whoever wrote them.
 */
@Injectable()
export class SearchDocuments {
  constructor(
    derived: DerivedState,
    private readonly directory: DirectoryRepository,
    private readonly staff: StaffService,
    private readonly accounts: SocialAccountsService,
    private readonly organisations: OrganisationsService,
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
    // a renamed site or department: everyone there is found by its new name, not its old one
    derived.on('places', 'directory search document', async (tx, changes) => {
      const ids: number[] = [];
      for (const place of changes) ids.push(...(await this.staff.idsAt(tx, place)));
      await this.reindex(tx, ids);
    });
  }

  private async reindex(tx: EntityManager, staffIds: readonly number[]): Promise<void> {
    const unique = [...new Set(staffIds)];
    for (let start = 0; start < unique.length; start += BATCH) {
      const ids = unique.slice(start, start + BATCH);
      const people = await this.staff.findByIds(ids, tx);
      const accounts = await this.accounts.findByStaffIds(ids, tx);
      const accountsOf = new Map(ids.map((id, i) => [id, accounts[i]]));
      const sites = await this.organisations.findSitesByIds(
        [...new Set(people.flatMap((p) => (p.siteId ? [p.siteId] : [])))],
        tx,
      );
      const departments = await this.organisations.findDepartmentsByIds(
        [...new Set(people.flatMap((p) => (p.departmentId ? [p.departmentId] : [])))],
        tx,
      );
      const siteName = new Map(sites.map((site) => [site.id, site.name]));
      const departmentName = new Map(departments.map((d) => [d.id, d.name]));
      const documents = people.map((person) =>
        searchDocument(person, accountsOf.get(person.id)!, {
          site: person.siteId ? siteName.get(person.siteId) : null,
          department: person.departmentId ? departmentName.get(person.departmentId) : null,
        }),
      );
      const before = await this.staff.searchTextsOf(tx, ids);
      await this.directory.replaceDocuments(tx, ids, documents);
      const words = documents.flatMap(vocabularyOf);
      await this.directory.addWords(tx, words);
      // a former name (or title, or place) leaves the typo vocabulary once no one has it
      const kept = new Set(words);
      await this.directory.forgetUnusedWords(
        tx,
        before.flatMap(vocabularyCandidatesOf).filter((word) => !kept.has(word)),
      );
      await this.staff.writeSearchTexts(
        tx,
        ids,
        documents.map((d) => ({ staffId: d.staffId, text: searchText(d) })),
      );
    }
  }
}
