import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { ListingReport, ListingReportStatus } from './listing-report.entity';
import { OfficialAccount } from './official-account.entity';
import { VerificationRequest, VerificationRequestStatus } from './verification-request.entity';

/** Whose queue: one organisation's, or every one (a national administrator). */
export type QueueScope = { organisationId: number } | 'all';

/** The only place with SQL for verification requests, official accounts and reports. */
@Injectable()
export class VerificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pending requests of people in the scope, oldest first, keyset on id. */
  pendingRequests(
    scope: QueueScope,
    first: number,
    afterId: number | null,
  ): Promise<{ rows: VerificationRequest[]; total: number }> {
    return this.queue(
      VerificationRequest,
      'staff_id',
      VerificationRequestStatus.PENDING,
      scope,
      first,
      afterId,
    );
  }

  /** Open reports about people in the scope, oldest first. */
  openReports(
    scope: QueueScope,
    first: number,
    afterId: number | null,
  ): Promise<{ rows: ListingReport[]; total: number }> {
    return this.queue(
      ListingReport,
      'subject_staff_id',
      ListingReportStatus.OPEN,
      scope,
      first,
      afterId,
    );
  }

  /**
   * A work queue: the rows of `entity` in `status` about people of the scope (through the staff
   * column `personColumn`), oldest first, keyset-paged by id, and how many there are in all.
   */
  private async queue<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    personColumn: 'staff_id' | 'subject_staff_id',
    status: string,
    scope: QueueScope,
    first: number,
    afterId: number | null,
  ): Promise<{ rows: T[]; total: number }> {
    const query = () => {
      const q = this.dataSource
        .getRepository(entity)
        .createQueryBuilder('r')
        .innerJoin('staff_members', 's', `s.id = r.${personColumn}`)
        .where('r.status = :status', { status });
      if (scope !== 'all') q.andWhere('s.organisation_id = :org', { org: scope.organisationId });
      return q;
    };
    const page = query()
      .orderBy('r.id', 'ASC')
      .take(first + 1);
    if (afterId !== null) page.andWhere('r.id > :afterId', { afterId });
    const [rows, total] = await Promise.all([page.getMany(), query().getCount()]);
    return { rows, total };
  }

  /** A reporter's own reports, newest first. */
  async reportsBy(
    reporterId: number,
    first: number,
    beforeId: number | null,
  ): Promise<{ rows: ListingReport[]; total: number }> {
    const query = () =>
      this.dataSource
        .getRepository(ListingReport)
        .createQueryBuilder('r')
        .where('r.reporter_id = :reporterId', { reporterId });
    const page = query()
      .orderBy('r.id', 'DESC')
      .take(first + 1);
    if (beforeId !== null) page.andWhere('r.id < :beforeId', { beforeId });
    const [rows, total] = await Promise.all([page.getMany(), query().getCount()]);
    return { rows, total };
  }

  /** Official accounts, of one organisation or all, by organisation then id. */
  async officialAccounts(
    organisationId: number | null,
    first: number,
    after: [number, number] | null,
  ): Promise<{ rows: OfficialAccount[]; total: number }> {
    const query = () => {
      const q = this.dataSource.getRepository(OfficialAccount).createQueryBuilder('o');
      if (organisationId !== null)
        q.where('o.organisation_id = :organisationId', { organisationId });
      return q;
    };
    const page = query()
      .orderBy('o.organisation_id', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(first + 1);
    if (after) {
      page.andWhere('(o.organisation_id > :org OR (o.organisation_id = :org AND o.id > :id))', {
        org: after[0],
        id: after[1],
      });
    }
    const [rows, total] = await Promise.all([page.getMany(), query().getCount()]);
    return { rows, total };
  }

  /** The latest request of each account (for a DataLoader), in key order. */
  async latestRequests(accountIds: readonly number[]): Promise<(VerificationRequest | null)[]> {
    const rows = await this.dataSource.getRepository(VerificationRequest).find({
      where: { accountId: In([...accountIds]) },
      order: { id: 'ASC' },
    });
    const latest = new Map<number, VerificationRequest>();
    for (const row of rows) latest.set(row.accountId, row);
    return accountIds.map((id) => latest.get(id) ?? null);
  }

  /**
   * Requests (pending or decided) of these accounts that no longer match the account's handle,
   * or whose account is gone, are withdrawn: a decision about one handle says nothing about another.
   */
  async withdrawStale(tx: EntityManager, accountIds: readonly number[]): Promise<void> {
    if (accountIds.length === 0) return;
    await tx
      .createQueryBuilder()
      .update(VerificationRequest)
      .set({ status: VerificationRequestStatus.WITHDRAWN })
      .where('account_id IN (:...ids)', { ids: [...accountIds] })
      .andWhere('status IN (:...live)', {
        live: [VerificationRequestStatus.PENDING, VerificationRequestStatus.VERIFIED],
      })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM social_accounts a WHERE a.id = verification_requests.account_id ' +
          'AND a.handle_key = verification_requests.handle_key)',
      )
      .execute();
  }
}
