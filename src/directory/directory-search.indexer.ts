import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { DirectoryRepository } from './directory.repository';
import { searchDocument } from './search-text';

const BATCH = 500;

/** Keeps each person's search document in step, inside the transaction that changed them. */
@Injectable()
export class DirectorySearchIndexer {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async reindex(tx: EntityManager, staffIds: readonly number[]): Promise<void> {
    const unique = [...new Set(staffIds)];
    for (let start = 0; start < unique.length; start += BATCH) {
      const ids = unique.slice(start, start + BATCH);
      const people = await tx.findBy(StaffMember, { id: In(ids) });
      const accounts = await tx.find(SocialAccount, {
        where: { staffId: In(ids) },
        select: { staffId: true, handle: true, visibility: true },
      });
      const byStaff = new Map<number, SocialAccount[]>(ids.map((id) => [id, []]));
      for (const account of accounts) byStaff.get(account.staffId)?.push(account);
      await this.directory.replaceDocuments(
        tx,
        ids,
        people.map((person) => searchDocument(person, byStaff.get(person.id)!)),
      );
    }
  }

  /**
   * Indexes people changed by writers that do not reindex (first sign-in, SCIM): rows a trigger
   * marked stale. One indexed lookup when there are none; called before each directory search.
   */
  async catchUp(): Promise<void> {
    const stale = await this.directory.staleStaffIds(BATCH);
    if (stale.length > 0) await this.transactions.run((tx) => this.reindex(tx, stale));
  }
}
