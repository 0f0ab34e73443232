import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, InvalidInputError } from '../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/unique-violation';
import { mayAdminister } from '../identity/admin-scope';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { StaffService } from '../staff/staff.service';
import { SetLeaderInput } from './dto/leader.input';
import { Leader } from './leader.entity';
import { LeadersRepository } from './leaders.repository';
import { LeaderErrorReason } from './leader.errors';

/** At most this many leaders are read for suggestions and follow packs. */
export const MAX_LEADERS = 100;

@Injectable()
export class LeadersService {
  constructor(
    private readonly leaders: LeadersRepository,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** One list's leaders in featured order (null: the national list); leavers and unlisted people are left out. */
  async page(
    first: number,
    after?: string | null,
    list: number | null = null,
  ): Promise<Connection<Leader>> {
    let key: { order: number; staffId: number } | null = null;
    if (after) {
      const [order, staffId] = decodeCursor(after, ['int', 'id']);
      key = { order, staffId };
    }
    const [rows, total] = await Promise.all([
      this.leaders.visible(first + 1, key, undefined, list),
      this.leaders.countVisible(list),
    ]);
    return toConnection(rows, first, total, (l) => [l.featuredOrder, l.staffId]);
  }

  /**
   * The leaders a person is shown: the national list and their own organisation's (a trusted
   * one), national first, each in featured order; other organisations' lists are theirs.
   */
  featuredFor(viewer: {
    organisationId: number | null;
  }): Promise<{ staffId: number; title: string }[]> {
    return this.leaders.featured(2 * MAX_LEADERS, viewer.organisationId);
  }

  /** Leader profiles in the order of `staffIds`, null for people who are not leaders (a DataLoader). */
  async byStaffIds(staffIds: readonly number[]): Promise<(Leader | null)[]> {
    const rows = await this.leaders.findByStaffIds(staffIds);
    const byId = new Map(rows.map((row) => [row.staffId, row]));
    return staffIds.map((id) => byId.get(id) ?? null);
  }

  /**
   * Features a person on a list (or edits their profile); `featuredOrder` moves them, others
   * shuffle down. The national list needs Comms.NationalAdmin, an organisation's its own team.
   */
  async set(admin: AuthenticatedUser, input: SetLeaderInput): Promise<Leader> {
    const { staffId } = input;
    const list = input.organisationId ?? null;
    mayCurate(admin, list, 'organisationId');
    const person = await this.staff.getVisible(staffId, null, 'staffId');
    const onAnotherList = () =>
      new InvalidInputError(
        LeaderErrorReason.LEADER_ON_ANOTHER_LIST,
        `${staffId} is a leader on another list: remove them from it first`,
        'staffId',
      );
    // each list's lock orders writes to that list; the primary key on staff_id settles two lists
    // featuring the same person at the same moment
    return this.transactions
      .run(async (tx) => {
        const elsewhere = await this.leaders.findOne(tx, staffId);
        if (elsewhere && elsewhere.organisationId !== list) {
          mayCurate(admin, elsewhere.organisationId, 'staffId');
          throw onAnotherList();
        }
        if (list !== null && person.organisationId !== list) {
          throw new InvalidInputError(
            LeaderErrorReason.LEADER_NOT_IN_ORGANISATION,
            `${staffId} is not on the staff of that organisation`,
            'staffId',
          );
        }
        const leaders = await this.leaders.all(tx, list);
        const index = leaders.findIndex((l) => l.staffId === staffId);
        const leader =
          index >= 0
            ? leaders.splice(index, 1)[0]
            : tx.create(Leader, {
                staffId,
                featuredOrder: 0,
                organisationId: list,
                statement: null,
              });
        const before = index >= 0 ? snapshot(leader) : null;
        leader.title = input.title.trim();
        if (input.statement !== undefined) leader.statement = input.statement?.trim() || null;
        const position = input.featuredOrder
          ? Math.min(input.featuredOrder - 1, leaders.length)
          : index >= 0
            ? index
            : leaders.length;
        leaders.splice(position, 0, leader);
        await this.renumber(tx, leaders, leader);
        await this.audit.record(tx, {
          actorId: admin.staff.id,
          action: 'leader.set',
          targetType: 'leader',
          targetId: staffId,
          organisationId: list,
          before,
          after: snapshot(leader),
        });
        return leader;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? onAnotherList() : error;
      });
  }

  /** Leaders at once (the demo), in the caller's transaction, in the order given: the national list. */
  async importMany(
    tx: EntityManager,
    leaders: { staffId: number; title: string; statement?: string | null }[],
  ): Promise<void> {
    await tx.save(
      Leader,
      leaders.map((leader, i) => tx.create(Leader, { ...leader, featuredOrder: i + 1 })),
    );
  }

  /** The person's leader profile, if they have one, for their export. */
  exportOf(tx: EntityManager, staffId: number): Promise<Leader | null> {
    return tx.findOneBy(Leader, { staffId });
  }

  /** Erasure: no longer featured, and the others close ranks, in the erasure's transaction. */
  async eraseOf(tx: EntityManager, staffId: number): Promise<void> {
    // most people are no leader: only a leader's erasure takes the list's lock to renumber
    const found = await this.leaders.findOne(tx, staffId);
    if (!found) return;
    const leaders = await this.leaders.all(tx, found.organisationId);
    if (!leaders.some((l) => l.staffId === staffId)) return; // removed meanwhile
    await tx.delete(Leader, { staffId });
    await this.renumber(
      tx,
      leaders.filter((l) => l.staffId !== staffId),
    );
  }

  /**
   * No longer featured, on whichever list they are (its curator only); removing someone who is
   * not a leader changes nothing. Returns the list they were on (the national one if none).
   */
  async remove(admin: AuthenticatedUser, staffId: number): Promise<Leader[]> {
    return this.transactions.run(async (tx) => {
      const found = await this.leaders.findOne(tx, staffId);
      const list = found?.organisationId ?? null;
      if (found) mayCurate(admin, list, 'staffId');
      const leaders = found ? await this.leaders.all(tx, list) : [];
      const leader = leaders.find((l) => l.staffId === staffId);
      if (leader) {
        await tx.delete(Leader, { staffId });
        await this.renumber(
          tx,
          leaders.filter((l) => l !== leader),
        );
        await this.audit.record(tx, {
          actorId: admin.staff.id,
          action: 'leader.remove',
          targetType: 'leader',
          targetId: staffId,
          organisationId: list,
          before: snapshot(leader),
        });
      }
      return this.leaders.visible(MAX_LEADERS, null, tx, list);
    });
  }

  /**
   * One list's order: the listed leaders come first, in that order; any not listed keep their
   * order after them.
   */
  async reorder(
    admin: AuthenticatedUser,
    staffIds: number[],
    list: number | null = null,
  ): Promise<Leader[]> {
    mayCurate(admin, list, 'organisationId');
    return this.transactions.run(async (tx) => {
      const leaders = await this.leaders.all(tx, list);
      const byId = new Map(leaders.map((l) => [l.staffId, l]));
      const stranger = staffIds.find((id) => !byId.has(id));
      if (stranger !== undefined) {
        throw new InvalidInputError(
          LeaderErrorReason.NOT_A_LEADER,
          `${stranger} is not a leader on this list`,
          'staffIds',
        );
      }
      const before = leaders.map((l) => l.staffId);
      const listed = new Set(staffIds);
      const ordered = [
        ...staffIds.map((id) => byId.get(id)!),
        ...leaders.filter((l) => !listed.has(l.staffId)),
      ];
      await this.renumber(tx, ordered);
      await this.audit.record(tx, {
        actorId: admin.staff.id,
        action: 'leader.reorder',
        targetType: 'leaders',
        targetId: list,
        organisationId: list,
        before: { order: before },
        after: { order: ordered.map((l) => l.staffId) },
      });
      return this.leaders.visible(MAX_LEADERS, null, tx, list);
    });
  }

  /** Positions 1..n with no gaps; saves only the rows that moved (and `edited`). */
  private async renumber(tx: EntityManager, leaders: Leader[], edited?: Leader) {
    const changed = leaders.filter((leader, i) => {
      const moved = leader.featuredOrder !== i + 1;
      leader.featuredOrder = i + 1;
      return moved || leader === edited;
    });
    await tx.save(Leader, changed);
  }
}

/** What the audit log keeps of a leader: ids, title and place (the statement is the person's words). */
function snapshot(leader: Leader) {
  return { staffId: leader.staffId, title: leader.title, featuredOrder: leader.featuredOrder };
}

/** Refuses whoever may not curate this list (null: the national list); admin-scope decides. */
function mayCurate(admin: AuthenticatedUser, list: number | null, field: string): void {
  if (mayAdminister(admin, list)) return;
  if (list === null) {
    throw new ForbiddenError(
      LeaderErrorReason.NATIONAL_LEADERS_NEED_NATIONAL_ADMIN,
      'The national leaders list is curated by the national team (Comms.NationalAdmin)',
      field,
    );
  }
  throw new ForbiddenError(
    LeaderErrorReason.NOT_YOUR_ORGANISATIONS_LEADERS,
    "An organisation's leaders are curated by its own communications team",
    field,
  );
}
