import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { EntityColumns } from '../database/entity-columns';
import { inListMarks } from '../database/portable-sql';
import { readBounded } from '../database/sqlite-read-connection';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/unique-violation';
import { touch } from '../database/derived-state';
import { lockOwnerRow } from '../database/locks';
import { StaffMember } from '../staff/staff-member.entity';
import {
  AddSocialAccountInput,
  RemoveSocialAccountInput,
  UpdateSocialAccountInput,
} from './dto/social-account.inputs';
import { HandleReservations } from './handle-reservations';
import { HandlePreview, normaliseHandle, previewHandle } from './platforms/normalise-handle';
import { Platform } from './platforms/platform';
import {
  HandleAlreadyMineError,
  HandleTakenError,
  SocialAccountErrorReason,
} from './social-account.errors';
import './social-account.changes';
import { AccountVisibility, SocialAccount, VerificationStatus } from './social-account.entity';

export const MAX_ACCOUNTS_PER_PERSON = 30;

/** An account found by its handle, with whose it is: what an import needs to match a row. */
export interface AccountOwner {
  accountId: number;
  staffId: number;
  handleKey: string;
  /** The owner's organisation (null when none). */
  organisationId: number | null;
}

@Injectable()
export class SocialAccountsService {
  private readonly columns: EntityColumns<SocialAccount>;
  private readonly byStaffHead: string;

  constructor(
    @InjectRepository(SocialAccount) private readonly accounts: Repository<SocialAccount>,
    private readonly transactions: TransactionRunner,
    private readonly reservations: HandleReservations,
  ) {
    this.columns = new EntityColumns(this.dataSource, SocialAccount, '');
    this.byStaffHead = `SELECT ${this.columns.select('a')} FROM "${this.columns.table}" a WHERE a."staff_id" IN`;
  }

  private get dataSource(): DataSource {
    return this.accounts.manager.connection;
  }

  /**
   * Every account of these people, grouped in the order of `staffIds` (for a DataLoader).
   * Outside a transaction, SQL written once and a bounded read (the staff_id index, at most
   * MAX_ACCOUNTS_PER_PERSON rows a person): on SQLite it runs on the main thread.
   */
  async findByStaffIds(
    staffIds: readonly number[],
    tx?: EntityManager,
  ): Promise<SocialAccount[][]> {
    const rows = tx
      ? await tx.find(SocialAccount, {
          where: { staffId: In([...staffIds]) },
          order: { platform: 'ASC', id: 'ASC' },
        })
      : await this.byStaff(staffIds);
    const byStaff = new Map<number, SocialAccount[]>(staffIds.map((id) => [id, []]));
    for (const row of rows) byStaff.get(row.staffId)?.push(row);
    return staffIds.map((id) => byStaff.get(id)!);
  }

  private async byStaff(staffIds: readonly number[]): Promise<SocialAccount[]> {
    if (staffIds.length === 0) return [];
    const marks = inListMarks(this.dataSource, staffIds.length);
    const rows = (await readBounded(
      this.dataSource,
      `${this.byStaffHead} (${marks}) ORDER BY a."platform", a."id"`,
      [...staffIds],
    )) as Record<string, unknown>[];
    return rows.map((row) => this.columns.hydrate(row)!);
  }

  /**
   * The accounts with these case-folded handles on one platform, with their owner's
   * organisation (for an import's admin scope): one statement per call, keyed by the unique
   * (platform, handle_key) index. Callers send at most a few thousand keys at a time.
   */
  async findByHandleKeys(
    platform: Platform,
    handleKeys: readonly string[],
    tx?: EntityManager,
  ): Promise<AccountOwner[]> {
    if (handleKeys.length === 0) return [];
    const rows: {
      id: number;
      staffId: number;
      handleKey: string;
      organisationId: number | null;
    }[] = await (tx ?? this.accounts.manager)
      .createQueryBuilder(SocialAccount, 'a')
      .innerJoin('staff_members', 's', 's.id = a.staff_id')
      .select('a.id', 'id')
      .addSelect('a.staff_id', 'staffId')
      .addSelect('a.handle_key', 'handleKey')
      .addSelect('s.organisation_id', 'organisationId')
      .where('a.platform = :platform', { platform })
      .andWhere('a.handle_key IN (:...handleKeys)', { handleKeys: [...handleKeys] })
      .getRawMany();
    return rows.map((row) => ({
      accountId: Number(row.id),
      staffId: Number(row.staffId),
      handleKey: row.handleKey,
      organisationId: row.organisationId === null ? null : Number(row.organisationId),
    }));
  }

  countForStaff(staffId: number): Promise<number> {
    return this.accounts.countBy({ staffId });
  }

  /** What `add` would save, or why it would refuse: the handle rules, then whether it is free. */
  async preview(me: StaffMember, platform: Platform, input: string): Promise<HandlePreview> {
    const preview = previewHandle(platform, input);
    if (!preview.valid) return preview;
    const { handleKey } = normaliseHandle(platform, input);
    const refusal = await this.refuseTaken(this.accounts.manager, me, platform, handleKey).then(
      () => null,
      (error: unknown) => {
        if (error instanceof InvalidInputError) return error;
        throw error;
      },
    );
    return refusal ? { valid: false, handle: null, url: null, error: refusal.message } : preview;
  }

  async add(me: StaffMember, input: AddSocialAccountInput): Promise<SocialAccount> {
    const { handle, handleKey, url } = normaliseHandle(input.platform, input.handle);
    return this.write(input.platform, async (tx) => {
      // the limit counts the person's accounts: their row is locked until commit (READ COMMITTED)
      await lockOwnerRow(tx, StaffMember, me.id);
      await this.refuseTaken(tx, me, input.platform, handleKey);
      if ((await tx.countBy(SocialAccount, { staffId: me.id })) >= MAX_ACCOUNTS_PER_PERSON) {
        throw new InvalidInputError(
          SocialAccountErrorReason.TOO_MANY_ACCOUNTS,
          `You can register at most ${MAX_ACCOUNTS_PER_PERSON} accounts: remove one first`,
          'platform',
        );
      }
      const account = await tx.save(
        SocialAccount,
        tx.create(SocialAccount, {
          staffId: me.id,
          platform: input.platform,
          handle,
          handleKey,
          url,
          purpose: input.purpose,
          visibility: input.visibility,
        }),
      );
      touch(tx, 'social-accounts', [{ accountId: account.id, staffId: me.id }]);
      return tx.findOneByOrFail(SocialAccount, { id: account.id });
    });
  }

  /**
   * Accounts for many people at once (the demo), in the caller's transaction: handles are
   * normalised as `add` does; limits and the friendly taken check are the caller's to keep.
   */
  async importMany(
    tx: EntityManager,
    accounts: (Omit<AddSocialAccountInput, 'handle'> & { staffId: number; handle: string })[],
  ): Promise<SocialAccount[]> {
    const saved = await tx.save(
      SocialAccount,
      accounts.map(({ handle: input, ...account }) =>
        tx.create(SocialAccount, { ...account, ...normaliseHandle(account.platform, input) }),
      ),
      { chunk: 200 },
    );
    touch(
      tx,
      'social-accounts',
      saved.map((a) => ({ accountId: a.id, staffId: a.staffId })),
    );
    return saved;
  }

  async update(me: StaffMember, input: UpdateSocialAccountInput): Promise<SocialAccount> {
    const existing = await this.findMine(me, input.id);
    const changes: Partial<SocialAccount> = {};
    if (input.handle !== undefined && input.handle !== null) {
      const next = normaliseHandle(existing.platform, input.handle);
      Object.assign(changes, { handle: next.handle, url: next.url });
      if (next.handleKey !== existing.handleKey) {
        // a different account: a verification of the old one says nothing about it
        Object.assign(changes, {
          handleKey: next.handleKey,
          verificationStatus: VerificationStatus.UNVERIFIED,
        });
      }
    }
    if (input.purpose) changes.purpose = input.purpose;
    if (input.visibility) changes.visibility = input.visibility;
    return this.write(existing.platform, async (tx) => {
      if (changes.handleKey) await this.refuseTaken(tx, me, existing.platform, changes.handleKey);
      if (Object.keys(changes).length > 0) {
        const result = await tx.update(SocialAccount, { id: existing.id, staffId: me.id }, changes);
        if (!result.affected) throw notMine();
        touch(tx, 'social-accounts', [{ accountId: existing.id, staffId: me.id }]);
      }
      return tx.findOneByOrFail(SocialAccount, { id: existing.id });
    });
  }

  async remove(me: StaffMember, input: RemoveSocialAccountInput): Promise<number> {
    const existing = await this.findMine(me, input.id);
    await this.transactions.run(async (tx) => {
      const result = await tx.delete(SocialAccount, { id: existing.id, staffId: me.id });
      if (!result.affected) throw notMine();
      touch(tx, 'social-accounts', [{ accountId: existing.id, staffId: me.id }]);
    });
    return existing.id;
  }

  /** Accounts by id, in any order (verification, moderation, the public check). */
  findByIds(ids: readonly number[], tx?: EntityManager): Promise<SocialAccount[]> {
    return (tx ?? this.accounts.manager).findBy(SocialAccount, { id: In([...ids]) });
  }

  /** The accounts registered under any of these (platform, handle key) pairs. */
  async findByAnyHandleKey(
    keys: readonly { platform: Platform; handleKey: string }[],
    tx?: EntityManager,
  ): Promise<SocialAccount[]> {
    if (keys.length === 0) return [];
    return (tx ?? this.accounts.manager).find(SocialAccount, {
      where: keys.map(({ platform, handleKey }) => ({ platform, handleKey })),
    });
  }

  /**
   * Owner's method for verification: sets the account's status in the caller's transaction, only
   * while its handle is still `handleKey` (a changed handle is another account). Returns whether
   * it was written.
   */
  async setVerificationStatus(
    tx: EntityManager,
    accountId: number,
    handleKey: string,
    status: VerificationStatus,
  ): Promise<boolean> {
    const result = await tx.update(
      SocialAccount,
      { id: accountId, handleKey },
      { verificationStatus: status },
    );
    if (!result.affected) return false;
    const { staffId } = await tx.findOneOrFail(SocialAccount, {
      where: { id: accountId },
      select: { id: true, staffId: true },
    });
    touch(tx, 'social-accounts', [{ accountId, staffId }]);
    return true;
  }

  /** Owner's method for moderation: only the owner sees the account from now on. */
  async hideForModeration(tx: EntityManager, account: SocialAccount): Promise<void> {
    await tx.update(
      SocialAccount,
      { id: account.id },
      { visibility: AccountVisibility.ONLY_ME, verificationStatus: VerificationStatus.UNVERIFIED },
    );
    touch(tx, 'social-accounts', [{ accountId: account.id, staffId: account.staffId }]);
  }

  /**
   * Owner's method for moderation and handle reassignment: the account is removed, in the
   * caller's transaction, so its handle is free.
   */
  async removeForModeration(tx: EntityManager, account: SocialAccount): Promise<void> {
    await tx.delete(SocialAccount, { id: account.id });
    touch(tx, 'social-accounts', [{ accountId: account.id, staffId: account.staffId }]);
  }

  /**
   * Owner's method for handle reassignment: a handle moves to another person, in the caller's
   * transaction, as an account of theirs (unverified, visible as the directory shows by default).
   */
  async giveTo(
    tx: EntityManager,
    staffId: number,
    platform: Platform,
    input: string,
  ): Promise<SocialAccount> {
    const { handle, handleKey, url } = normaliseHandle(platform, input);
    const saved = await tx.save(
      SocialAccount,
      tx.create(SocialAccount, { staffId, platform, handle, handleKey, url }),
    );
    touch(tx, 'social-accounts', [{ accountId: saved.id, staffId }]);
    return tx.findOneByOrFail(SocialAccount, { id: saved.id });
  }

  /** Every account of a person, for their own export. */
  exportOf(tx: EntityManager, staffId: number): Promise<SocialAccount[]> {
    return tx.find(SocialAccount, { where: { staffId }, order: { id: 'ASC' } });
  }

  /** Erasure: deletes every account of the person, so their handles are free again. */
  async eraseAllOf(tx: EntityManager, staffId: number): Promise<void> {
    const accounts = await tx.find(SocialAccount, { where: { staffId }, select: { id: true } });
    if (accounts.length === 0) return;
    await tx.delete(SocialAccount, { staffId });
    touch(
      tx,
      'social-accounts',
      accounts.map((a) => ({ accountId: a.id, staffId })),
    );
  }

  /** One of my accounts, or null (another person's answers exactly like one that does not exist). */
  findOfStaff(staffId: number, id: number): Promise<SocialAccount | null> {
    return this.accounts.findOneBy({ id, staffId });
  }

  /** Another person's account is "not found", exactly like one that does not exist. */
  private async findMine(me: StaffMember, id: number): Promise<SocialAccount> {
    const account = await this.accounts.findOneBy({ id, staffId: me.id });
    if (!account) throw notMine();
    return account;
  }

  private async refuseTaken(
    tx: EntityManager,
    me: StaffMember,
    platform: Platform,
    handleKey: string,
  ): Promise<void> {
    const reserved = await this.reservations.refusal(tx, platform, handleKey);
    if (reserved) throw reserved;
    const holder = await tx.findOne(SocialAccount, {
      where: { platform, handleKey },
      select: { id: true, staffId: true },
    });
    if (holder) {
      throw holder.staffId === me.id
        ? new HandleAlreadyMineError(platform)
        : new HandleTakenError(platform);
    }
  }

  /** Runs a write; the unique index (platform, handle_key) is the real guard against a race. */
  private async write<T>(platform: Platform, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new HandleTakenError(platform);
      throw error;
    }
  }
}

function notMine(): NotFoundError {
  return new NotFoundError(
    SocialAccountErrorReason.ACCOUNT_NOT_FOUND,
    'You have no account with that id',
    'id',
  );
}
