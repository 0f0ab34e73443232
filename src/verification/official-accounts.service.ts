import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  CommonErrorReason,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/unique-violation';
import {
  administeredOrganisationId,
  isNationalAdmin,
  mayAdminister,
} from '../identity/admin-scope';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { IdentityErrorReason } from '../identity/identity.errors';
import { OrganisationsService } from '../organisations/organisations.service';
import { HandleReservations } from '../social-accounts/handle-reservations';
import {
  normaliseHandle,
  normaliseOfficialHandle,
} from '../social-accounts/platforms/normalise-handle';
import { PLATFORM_LABELS, Platform } from '../social-accounts/platforms/platform';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { StaffErrorReason } from '../staff/staff.errors';
import { StaffService } from '../staff/staff.service';
import { OfficialAccount } from './official-account.entity';
import { VerificationAudit } from './verification-audit';
import {
  HandleOfficialError,
  OfficialAlreadyError,
  VerificationErrorReason,
} from './verification.errors';
import { VerificationRepository } from './verification.repository';
import { outsideYourOrganisation } from './verification.service';

export interface RegisterOfficial {
  platform: Platform;
  handle: string;
  label?: string | null;
  note?: string | null;
  organisationId?: number | null;
}

export interface Reassign {
  platform: Platform;
  handle: string;
  note: string;
  /** The person who gets the handle; left out, it becomes an official account. */
  toStaffId?: number | null;
  /** For a national administrator making it official: whose. */
  organisationId?: number | null;
}

/**
 * An organisation's own accounts, registered by its communications team. Their handles are
 * reserved (HandleReservations): nobody adds one as their own, and the preview says whose it is.
 */
@Injectable()
export class OfficialAccountsService {
  constructor(
    @InjectRepository(OfficialAccount) private readonly official: Repository<OfficialAccount>,
    private readonly repository: VerificationRepository,
    private readonly organisations: OrganisationsService,
    private readonly accounts: SocialAccountsService,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly audit: VerificationAudit,
    reservations: HandleReservations,
  ) {
    reservations.register(async (tx, platform, handleKey) => {
      const held = await tx.findOne(OfficialAccount, { where: { platform, handleKey } });
      if (!held) return null;
      const [organisation] = await this.organisations.findOrganisationsByIds([held.organisationId]);
      return new HandleOfficialError(platform, organisation?.name ?? 'an NHS organisation');
    });
  }

  page(
    organisationId: number | null,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<OfficialAccount>> {
    const key = after ? decodeCursor(after, ['id', 'id']) : null;
    return this.repository
      .officialAccounts(organisationId, first, key)
      .then(({ rows, total }) =>
        toConnection(rows, first, total, (row) => [row.organisationId, row.id]),
      );
  }

  findByHandleKeys(keys: readonly { platform: Platform; handleKey: string }[]) {
    if (keys.length === 0) return Promise.resolve([]);
    return this.official.find({ where: keys.map((k) => ({ ...k })) });
  }

  /**
   * Official accounts for the demo, in the caller's transaction: handles normalised as `register`
   * does; the caller keeps them free of staff accounts.
   */
  async importMany(
    tx: EntityManager,
    accounts: { organisationId: number; platform: Platform; handle: string; label: string }[],
  ): Promise<OfficialAccount[]> {
    return tx.save(
      OfficialAccount,
      accounts.map(({ handle, ...account }) => {
        const {
          handle: canonical,
          handleKey,
          url,
        } = normaliseOfficialHandle(account.platform, handle);
        return tx.create(OfficialAccount, { ...account, handle: canonical, handleKey, url });
      }),
    );
  }

  async register(user: AuthenticatedUser, input: RegisterOfficial): Promise<OfficialAccount> {
    const organisationId = this.organisationFor(user, input.organisationId);
    const normalised = normaliseOfficialHandle(input.platform, input.handle);
    return this.write(input.platform, async (tx) => {
      await this.refuseOfficial(tx, input.platform, normalised.handleKey);
      const person = await this.personHolding(tx, input.platform, normalised.handleKey);
      if (person) {
        throw new InvalidInputError(
          VerificationErrorReason.HANDLE_HELD,
          `A member of staff has registered that ${PLATFORM_LABELS[input.platform]} account. ` +
            'If it is yours, reassign it with a note saying why.',
          'handle',
        );
      }
      const saved = await this.insert(tx, user, organisationId, input, normalised);
      return saved;
    });
  }

  async remove(user: AuthenticatedUser, id: number, note: string | null): Promise<number> {
    const existing = await this.official.findOneBy({ id });
    if (!existing || !mayAdminister(user, existing.organisationId)) throw officialNotFound();
    await this.transactions.run(async (tx) => {
      await tx.delete(OfficialAccount, { id });
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'officialAccount.remove',
        subjectType: 'official_account',
        subjectId: id,
        organisationId: existing.organisationId,
        before: snapshot(existing),
        after: note ? { note } : null,
      });
    });
    return id;
  }

  /**
   * The dispute path: a handle moves, with a note, from whoever holds it (a person or an
   * official account) to a person or to the organisation's official accounts. Taking a handle
   * from a person of another organisation to make it official is allowed — that is what an
   * impersonated trust needs — and is audited with its note.
   */
  async reassign(
    user: AuthenticatedUser,
    input: Reassign,
  ): Promise<{ officialAccount: OfficialAccount | null; account: SocialAccount | null }> {
    // a person's account follows the personal rules; an official one may be a company page
    const normalised = (input.toStaffId ? normaliseHandle : normaliseOfficialHandle)(
      input.platform,
      input.handle,
    );
    const note = input.note.trim();
    const target = input.toStaffId ? (await this.staff.findByIds([input.toStaffId]))[0] : null;
    if (input.toStaffId && (!target || !target.active)) {
      throw new NotFoundError(
        StaffErrorReason.STAFF_NOT_FOUND,
        'No such member of staff',
        'toStaffId',
      );
    }
    if (target && !mayAdminister(user, target.organisationId)) throw outsideYourOrganisation();
    const organisationId = target ? null : this.organisationFor(user, input.organisationId);
    return this.write(input.platform, async (tx) => {
      const official = await tx.findOne(OfficialAccount, {
        where: { platform: input.platform, handleKey: normalised.handleKey },
      });
      const person = await this.personHolding(tx, input.platform, normalised.handleKey);
      if (!official && !person && target) {
        throw new InvalidInputError(
          VerificationErrorReason.HANDLE_NOT_HELD,
          'Nobody holds that handle: the person can add it themselves',
          'handle',
        );
      }
      if (official && !mayAdminister(user, official.organisationId)) {
        throw outsideYourOrganisation();
      }
      if (person && target && person.staffId === target.id) {
        throw new InvalidInputError(
          VerificationErrorReason.HANDLE_NOT_HELD,
          'That person holds the handle already',
          'toStaffId',
        );
      }
      if (person && target) {
        // between two people: both must be the team's own
        const [holder] = await this.staff.findByIds([person.staffId], tx);
        if (!mayAdminister(user, holder.organisationId)) throw outsideYourOrganisation();
      }
      const before = official
        ? { officialOf: official.organisationId }
        : person
          ? { staffId: person.staffId, accountId: person.id }
          : null;
      if (official) await tx.delete(OfficialAccount, { id: official.id });
      if (person) await this.accounts.removeForModeration(tx, person);
      let result: { officialAccount: OfficialAccount | null; account: SocialAccount | null };
      if (target) {
        const account = await this.accounts.giveTo(tx, target.id, input.platform, input.handle);
        result = { officialAccount: null, account };
      } else {
        const officialAccount = await this.insert(
          tx,
          user,
          organisationId!,
          { ...input, note, label: official?.label ?? null },
          normalised,
          false,
        );
        result = { officialAccount, account: null };
      }
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'handle.reassign',
        subjectType: target ? 'social_account' : 'official_account',
        subjectId: (result.account ?? result.officialAccount)!.id,
        organisationId: target ? target.organisationId : organisationId,
        before,
        after: {
          platform: input.platform,
          handle: normalised.handle,
          ...(target ? { staffId: target.id } : { officialOf: organisationId }),
          note,
        },
      });
      return result;
    });
  }

  private async insert(
    tx: EntityManager,
    user: AuthenticatedUser,
    organisationId: number,
    input: { platform: Platform; label?: string | null; note?: string | null },
    normalised: { handle: string; handleKey: string; url: string },
    audited = true,
  ): Promise<OfficialAccount> {
    const saved = await tx.save(
      OfficialAccount,
      tx.create(OfficialAccount, {
        organisationId,
        platform: input.platform,
        handle: normalised.handle,
        handleKey: normalised.handleKey,
        url: normalised.url,
        label: input.label?.trim() || null,
        note: input.note?.trim() || null,
        registeredById: user.staff.id,
      }),
    );
    if (audited) {
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'officialAccount.register',
        subjectType: 'official_account',
        subjectId: saved.id,
        organisationId,
        before: null,
        after: snapshot(saved),
      });
    }
    return tx.findOneByOrFail(OfficialAccount, { id: saved.id });
  }

  private organisationFor(user: AuthenticatedUser, requested?: number | null): number {
    if (requested) {
      if (!mayAdminister(user, requested)) throw outsideYourOrganisation();
      return requested;
    }
    const own = administeredOrganisationId(user);
    if (own !== null) return own;
    if (isNationalAdmin(user)) {
      throw new InvalidInputError(
        CommonErrorReason.INVALID_INPUT,
        'Choose the organisation whose official account this is',
        'organisationId',
      );
    }
    throw new ForbiddenError(
      IdentityErrorReason.COMMS_ADMIN_REQUIRED,
      'This needs the communications team role (Comms.Admin) in a confirmed organisation',
    );
  }

  private async refuseOfficial(tx: EntityManager, platform: Platform, handleKey: string) {
    if (await tx.existsBy(OfficialAccount, { platform, handleKey })) {
      throw new OfficialAlreadyError(platform);
    }
  }

  private personHolding(tx: EntityManager, platform: Platform, handleKey: string) {
    return tx.findOne(SocialAccount, { where: { platform, handleKey } });
  }

  private async write<T>(platform: Platform, work: (tx: EntityManager) => Promise<T>) {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new OfficialAlreadyError(platform);
      throw error;
    }
  }
}

function snapshot(account: OfficialAccount) {
  return {
    platform: account.platform,
    handle: account.handle,
    organisationId: account.organisationId,
    label: account.label,
    note: account.note,
  };
}

function officialNotFound(): NotFoundError {
  return new NotFoundError(
    VerificationErrorReason.OFFICIAL_ACCOUNT_NOT_FOUND,
    'No official account with that id that you manage',
    'id',
  );
}
