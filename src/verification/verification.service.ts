import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  CommonErrorReason,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';
import {
  administeredOrganisationId,
  isNationalAdmin,
  mayAdminister,
} from '../identity/admin-scope';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { IdentityErrorReason } from '../identity/identity.errors';
import { SocialAccountErrorReason } from '../social-accounts/social-account.errors';
import { SocialAccount, VerificationStatus } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import type { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { findProof, proofCodeFrom } from './proof';
import { ProfileFetcher, ProfileFetchError } from './profile-fetcher';
import { VerificationAudit } from './verification-audit';
import { VerificationErrorReason } from './verification.errors';
import { QueueScope, VerificationRepository } from './verification.repository';
import { VerificationRequest, VerificationRequestStatus } from './verification-request.entity';

export const MAX_REASON_LENGTH = 1000;

/**
 * Verification of a person's account: they ask, the communications team of their organisation
 * decides (admin-scope's mayAdminister), optionally after a proof of ownership read from the
 * public profile page. The account's own status lives in social_accounts and is written only
 * through its owner's method.
 */
@Injectable()
export class VerificationService {
  private readonly fetcher: ProfileFetcher;

  constructor(
    @InjectRepository(VerificationRequest)
    private readonly requests: Repository<VerificationRequest>,
    private readonly repository: VerificationRepository,
    private readonly accounts: SocialAccountsService,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly audit: VerificationAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.fetcher = new ProfileFetcher(config.proofFetch);
  }

  /** The person's Staff Voices profile, as a Mastodon rel="me" link names it. */
  profileUrlOf(staffId: number): string {
    return `${this.config.publicUrl}/people/${staffId}`;
  }

  async request(
    me: StaffMember,
    accountId: number,
  ): Promise<{ account: SocialAccount; request: VerificationRequest }> {
    const account = await this.mine(me, accountId);
    if (account.verificationStatus === VerificationStatus.VERIFIED) {
      throw new InvalidInputError(
        VerificationErrorReason.ALREADY_VERIFIED,
        'That account is verified already',
        'accountId',
      );
    }
    if (me.organisationId === null) {
      throw new InvalidInputError(
        VerificationErrorReason.NO_ORGANISATION_TO_VERIFY,
        'Choose your organisation first: its communications team verifies your accounts',
        'accountId',
      );
    }
    return this.transactions.run(async (tx) => {
      const pending = await this.pendingFor(tx, account);
      // asking again while one waits is the same request, with the same code
      const request =
        pending ??
        (await tx.save(
          VerificationRequest,
          tx.create(VerificationRequest, {
            accountId: account.id,
            staffId: me.id,
            handleKey: account.handleKey,
            status: VerificationRequestStatus.PENDING,
            proofCode: proofCodeFrom(randomBytes(8)),
          }),
        ));
      await this.accounts.setVerificationStatus(
        tx,
        account.id,
        account.handleKey,
        VerificationStatus.PENDING,
      );
      return {
        account: await tx.findOneByOrFail(SocialAccount, { id: account.id }),
        request: await tx.findOneByOrFail(VerificationRequest, { id: request.id }),
      };
    });
  }

  /**
   * Reads the account's public profile page (outside any transaction: a slow platform must not
   * hold the database) and records what proves ownership, or refuses with why not.
   */
  async checkProof(
    me: StaffMember,
    accountId: number,
  ): Promise<{ account: SocialAccount; request: VerificationRequest }> {
    const account = await this.mine(me, accountId);
    const pending = await this.pendingFor(this.requests.manager, account);
    if (!pending) throw noPendingRequest();
    let html: string;
    try {
      html = await this.fetcher.fetch(account.url);
    } catch (error) {
      const why = error instanceof ProfileFetchError ? error.message : 'it did not answer in time';
      throw new InvalidInputError(
        VerificationErrorReason.PROFILE_UNREADABLE,
        `We could not read your public profile page (${why}). Check it is public and try again.`,
        'accountId',
      );
    }
    const method = findProof(html, pending.proofCode, this.profileUrlOf(me.id));
    if (!method) {
      throw new InvalidInputError(
        VerificationErrorReason.PROOF_NOT_FOUND,
        account.platform === 'MASTODON'
          ? `Your profile shows neither the code ${pending.proofCode} nor a verified link to your Staff Voices profile`
          : `Your profile page does not show the code ${pending.proofCode} yet: add it to your bio, save, and check again`,
        'accountId',
      );
    }
    return this.transactions.run(async (tx) => {
      const result = await tx.update(
        VerificationRequest,
        { id: pending.id, status: VerificationRequestStatus.PENDING, handleKey: account.handleKey },
        { proofMethod: method, proofCheckedAt: new Date() },
      );
      if (!result.affected) throw noPendingRequest();
      return {
        account: await tx.findOneByOrFail(SocialAccount, { id: account.id }),
        request: await tx.findOneByOrFail(VerificationRequest, { id: pending.id }),
      };
    });
  }

  verify(user: AuthenticatedUser, accountId: number) {
    return this.decide(user, accountId, VerificationRequestStatus.VERIFIED, null);
  }

  reject(user: AuthenticatedUser, accountId: number, reason: string) {
    const trimmed = reason.trim();
    if (!trimmed) {
      throw new InvalidInputError(
        CommonErrorReason.INVALID_INPUT,
        'Give a reason the person can act on',
        'reason',
      );
    }
    return this.decide(user, accountId, VerificationRequestStatus.REJECTED, trimmed);
  }

  /** Pending requests the viewer's communications team decides, oldest first. */
  async queue(
    user: AuthenticatedUser,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<VerificationRequest>> {
    const scope = queueScope(user);
    const afterId = after ? decodeCursor(after, ['id'])[0] : null;
    const { rows, total } = await this.repository.pendingRequests(scope, first, afterId);
    return toConnection(rows, first, total, (row) => [row.id]);
  }

  latestByAccountIds(accountIds: readonly number[]) {
    return this.repository.latestRequests(accountIds);
  }

  /** The decision that verified this account, when it is verified under its current handle. */
  async verifiedDecision(account: SocialAccount): Promise<VerificationRequest | null> {
    if (account.verificationStatus !== VerificationStatus.VERIFIED) return null;
    return this.requests.findOne({
      where: {
        accountId: account.id,
        handleKey: account.handleKey,
        status: VerificationRequestStatus.VERIFIED,
      },
      order: { id: 'DESC' },
    });
  }

  /** Whether the viewer may see this request: its owner, or the owner's communications team. */
  async maySee(user: AuthenticatedUser, request: VerificationRequest): Promise<boolean> {
    if (request.staffId === user.staff.id) return true;
    const [owner] = await this.staff.findByIds([request.staffId]);
    return owner !== undefined && mayAdminister(user, owner.organisationId);
  }

  private async decide(
    user: AuthenticatedUser,
    accountId: number,
    status: VerificationRequestStatus.VERIFIED | VerificationRequestStatus.REJECTED,
    reason: string | null,
  ): Promise<{ account: SocialAccount; request: VerificationRequest }> {
    const [account] = await this.accounts.findByIds([accountId]);
    if (!account) throw accountNotFound();
    const [owner] = await this.staff.findByIds([account.staffId]);
    if (!mayAdminister(user, owner.organisationId)) throw outsideYourOrganisation();
    return this.transactions.run(async (tx) => {
      const pending = await this.pendingFor(tx, account);
      if (!pending) throw noPendingRequest();
      const decidedAt = new Date();
      const result = await tx.update(
        VerificationRequest,
        { id: pending.id, status: VerificationRequestStatus.PENDING },
        { status, reason, decidedById: user.staff.id, decidedAt },
      );
      if (!result.affected) throw noPendingRequest();
      const written = await this.accounts.setVerificationStatus(
        tx,
        account.id,
        pending.handleKey,
        status === VerificationRequestStatus.VERIFIED
          ? VerificationStatus.VERIFIED
          : VerificationStatus.REJECTED,
      );
      if (!written) throw noPendingRequest(); // the handle changed meanwhile
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action:
          status === VerificationRequestStatus.VERIFIED
            ? 'verification.verify'
            : 'verification.reject',
        subjectType: 'social_account',
        subjectId: account.id,
        organisationId: owner.organisationId,
        before: { verificationStatus: account.verificationStatus },
        after: {
          verificationStatus: status,
          ...(reason ? { reason } : {}),
          proofMethod: pending.proofMethod,
        },
      });
      return {
        account: await tx.findOneByOrFail(SocialAccount, { id: account.id }),
        request: await tx.findOneByOrFail(VerificationRequest, { id: pending.id }),
      };
    });
  }

  private async mine(me: StaffMember, accountId: number): Promise<SocialAccount> {
    const [account] = await this.accounts.findByIds([accountId]);
    if (!account || account.staffId !== me.id) throw accountNotFound();
    return account;
  }

  private pendingFor(tx: EntityManager, account: SocialAccount) {
    return tx.findOne(VerificationRequest, {
      where: {
        accountId: account.id,
        handleKey: account.handleKey,
        status: VerificationRequestStatus.PENDING,
      },
      order: { id: 'DESC' },
    });
  }
}

/** One organisation's queue, or all of them for a national administrator. */
export function queueScope(user: AuthenticatedUser): QueueScope {
  if (isNationalAdmin(user)) return 'all';
  const organisationId = administeredOrganisationId(user);
  if (organisationId === null) {
    throw new ForbiddenError(
      IdentityErrorReason.COMMS_ADMIN_REQUIRED,
      'This needs the communications team role (Comms.Admin) in a confirmed organisation',
    );
  }
  return { organisationId };
}

export function outsideYourOrganisation(): ForbiddenError {
  return new ForbiddenError(
    VerificationErrorReason.OUTSIDE_YOUR_ORGANISATION,
    "Only the communications team of the person's own organisation can do this",
  );
}

function accountNotFound(): NotFoundError {
  return new NotFoundError(
    SocialAccountErrorReason.ACCOUNT_NOT_FOUND,
    'No account with that id',
    'accountId',
  );
}

function noPendingRequest(): InvalidInputError {
  return new InvalidInputError(
    VerificationErrorReason.NO_PENDING_REQUEST,
    'That account has no verification request waiting',
    'accountId',
  );
}
