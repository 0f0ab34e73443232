import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CommonErrorReason, InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { TransactionRunner } from '../database/transaction-runner';
import { mayAdminister } from '../identity/admin-scope';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { canSeeAccount } from '../social-accounts/account-visibility';
import { SocialAccountErrorReason } from '../social-accounts/social-account.errors';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import type { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import {
  ListingReport,
  ListingReportKind,
  ListingReportResolution,
  ListingReportStatus,
} from './listing-report.entity';
import { VerificationAudit } from './verification-audit';
import { VerificationErrorReason } from './verification.errors';
import { VerificationRepository } from './verification.repository';
import { outsideYourOrganisation, queueScope } from './verification.service';

const OUTCOME: Record<ListingReportResolution, ListingReportStatus> = {
  [ListingReportResolution.DISMISS]: ListingReportStatus.DISMISSED,
  [ListingReportResolution.HIDE]: ListingReportStatus.HIDDEN,
  [ListingReportResolution.REMOVE]: ListingReportStatus.REMOVED,
};

/**
 * Reports of a wrong or abusive listing: anyone signed in who can see an account reports it;
 * the communications team of the listed person's organisation resolves it with a note, which
 * the reporter reads.
 */
@Injectable()
export class ListingReportsService {
  constructor(
    @InjectRepository(ListingReport) private readonly reports: Repository<ListingReport>,
    private readonly repository: VerificationRepository,
    private readonly accounts: SocialAccountsService,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly audit: VerificationAudit,
  ) {}

  async report(
    me: StaffMember,
    input: { accountId: number; kind: ListingReportKind; reason: string },
  ): Promise<ListingReport> {
    const reason = input.reason.trim();
    if (!reason) {
      throw new InvalidInputError(
        CommonErrorReason.INVALID_INPUT,
        'Say what is wrong with this listing',
        'reason',
      );
    }
    const [account] = await this.accounts.findByIds([input.accountId]);
    // an account the reporter cannot see answers exactly as one that does not exist
    const owner = account ? (await this.staff.findByIds([account.staffId]))[0] : undefined;
    const visible =
      account &&
      owner &&
      owner.active &&
      (owner.listed || owner.id === me.id) &&
      canSeeAccount(me, account, owner.organisationId);
    if (!visible) {
      throw new NotFoundError(
        SocialAccountErrorReason.ACCOUNT_NOT_FOUND,
        'No account with that id',
        'accountId',
      );
    }
    if (account.staffId === me.id) {
      throw new InvalidInputError(
        VerificationErrorReason.REPORT_OWN_ACCOUNT,
        'You cannot report your own account: change or remove it instead',
        'accountId',
      );
    }
    return this.transactions.run(async (tx) => {
      const saved = await tx.save(
        ListingReport,
        tx.create(ListingReport, {
          accountId: account.id,
          subjectStaffId: account.staffId,
          platform: account.platform,
          handle: account.handle,
          reporterId: me.id,
          kind: input.kind,
          reason,
          status: ListingReportStatus.OPEN,
        }),
      );
      return tx.findOneByOrFail(ListingReport, { id: saved.id });
    });
  }

  async resolve(
    user: AuthenticatedUser,
    input: { reportId: number; resolution: ListingReportResolution; note: string },
  ): Promise<ListingReport> {
    const note = input.note.trim();
    if (!note) {
      throw new InvalidInputError(
        CommonErrorReason.INVALID_INPUT,
        'Write a note for the person who reported it',
        'note',
      );
    }
    const report = await this.reports.findOneBy({ id: input.reportId });
    if (!report) throw reportNotFound();
    const [subject] = await this.staff.findByIds([report.subjectStaffId]);
    if (!subject || !mayAdminister(user, subject.organisationId)) throw outsideYourOrganisation();
    return this.transactions.run(async (tx) => {
      const fresh = await tx.findOneByOrFail(ListingReport, { id: report.id });
      if (fresh.status !== ListingReportStatus.OPEN) {
        throw new InvalidInputError(
          VerificationErrorReason.REPORT_RESOLVED,
          'That report was resolved already',
          'reportId',
        );
      }
      const status = OUTCOME[input.resolution];
      const [account] = fresh.accountId ? await this.accounts.findByIds([fresh.accountId], tx) : [];
      if (account && status === ListingReportStatus.HIDDEN) {
        await this.accounts.hideForModeration(tx, account);
      }
      if (account && status === ListingReportStatus.REMOVED) {
        // the reports keep the handle they were about, without the account
        await tx.update(ListingReport, { accountId: account.id }, { accountId: null });
        await this.accounts.removeForModeration(tx, account);
      }
      await tx.update(
        ListingReport,
        { id: fresh.id },
        { status, note, resolvedById: user.staff.id, resolvedAt: new Date() },
      );
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'listingReport.resolve',
        subjectType: 'listing_report',
        subjectId: fresh.id,
        organisationId: subject.organisationId,
        before: { status: fresh.status, accountId: fresh.accountId },
        after: { status, note },
      });
      return tx.findOneByOrFail(ListingReport, { id: fresh.id });
    });
  }

  async queue(
    user: AuthenticatedUser,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<ListingReport>> {
    const scope = queueScope(user);
    const afterId = after ? decodeCursor(after, ['id'])[0] : null;
    const { rows, total } = await this.repository.openReports(scope, first, afterId);
    return toConnection(rows, first, total, (row) => [row.id]);
  }

  async mine(
    me: StaffMember,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<ListingReport>> {
    const beforeId = after ? decodeCursor(after, ['id'])[0] : null;
    const { rows, total } = await this.repository.reportsBy(me.id, first, beforeId);
    return toConnection(rows, first, total, (row) => [row.id]);
  }
}

function reportNotFound(): NotFoundError {
  return new NotFoundError(
    VerificationErrorReason.REPORT_NOT_FOUND,
    'No report with that id',
    'reportId',
  );
}
