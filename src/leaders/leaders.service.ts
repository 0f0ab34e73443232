import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InvalidInputError } from '../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { TransactionRunner } from '../database/transaction-runner';
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
  ) {}

  /** Leaders in featured order; leavers and unlisted people are left out. */
  async page(first: number, after?: string | null): Promise<Connection<Leader>> {
    let key: { order: number; staffId: number } | null = null;
    if (after) {
      const [order, staffId] = decodeCursor(after, ['int', 'id']);
      key = { order, staffId };
    }
    const [rows, total] = await Promise.all([
      this.leaders.visible(first + 1, key),
      this.leaders.countVisible(),
    ]);
    return toConnection(rows, first, total, (l) => [l.featuredOrder, l.staffId]);
  }

  visible(): Promise<Leader[]> {
    return this.leaders.visible(MAX_LEADERS);
  }

  /** Visible leaders' ids and titles, in featured order. */
  featured(): Promise<{ staffId: number; title: string }[]> {
    return this.leaders.featured(MAX_LEADERS);
  }

  /** Leader profiles in the order of `staffIds`, null for people who are not leaders (a DataLoader). */
  async byStaffIds(staffIds: readonly number[]): Promise<(Leader | null)[]> {
    const rows = await this.leaders.findByStaffIds(staffIds);
    const byId = new Map(rows.map((row) => [row.staffId, row]));
    return staffIds.map((id) => byId.get(id) ?? null);
  }

  /** Features a person (or edits their profile); `featuredOrder` moves them, others shuffle down. */
  async set(input: SetLeaderInput): Promise<Leader> {
    const { staffId } = input;
    await this.staff.getVisible(staffId, null, 'staffId');
    return this.transactions.run(async (tx) => {
      const leaders = await this.leaders.all(tx);
      const index = leaders.findIndex((l) => l.staffId === staffId);
      const leader =
        index >= 0 ? leaders.splice(index, 1)[0] : tx.create(Leader, { staffId, featuredOrder: 0 });
      leader.title = input.title.trim();
      if (input.statement !== undefined) leader.statement = input.statement?.trim() || null;
      const position = input.featuredOrder
        ? Math.min(input.featuredOrder - 1, leaders.length)
        : index >= 0
          ? index
          : leaders.length;
      leaders.splice(position, 0, leader);
      await this.renumber(tx, leaders, leader);
      return leader;
    });
  }

  /** Leaders at once (the demo), in the caller's transaction, in the order given. */
  async importMany(
    tx: EntityManager,
    leaders: { staffId: number; title: string; statement?: string | null }[],
  ): Promise<void> {
    await tx.save(
      Leader,
      leaders.map((leader, i) => tx.create(Leader, { ...leader, featuredOrder: i + 1 })),
    );
  }

  /** No longer featured; removing someone who is not a leader changes nothing. */
  async remove(staffId: number): Promise<Leader[]> {
    return this.transactions.run(async (tx) => {
      const leaders = await this.leaders.all(tx);
      const leader = leaders.find((l) => l.staffId === staffId);
      if (leader) {
        await tx.delete(Leader, { staffId });
        await this.renumber(
          tx,
          leaders.filter((l) => l !== leader),
        );
      }
      return this.leaders.visible(MAX_LEADERS, null, tx);
    });
  }

  /** The listed leaders come first, in that order; any not listed keep their order after them. */
  async reorder(staffIds: number[]): Promise<Leader[]> {
    return this.transactions.run(async (tx) => {
      const leaders = await this.leaders.all(tx);
      const byId = new Map(leaders.map((l) => [l.staffId, l]));
      const stranger = staffIds.find((id) => !byId.has(id));
      if (stranger !== undefined) {
        throw new InvalidInputError(
          LeaderErrorReason.NOT_A_LEADER,
          `${stranger} is not a leader`,
          'staffIds',
        );
      }
      const listed = new Set(staffIds);
      await this.renumber(tx, [
        ...staffIds.map((id) => byId.get(id)!),
        ...leaders.filter((l) => !listed.has(l.staffId)),
      ]);
      return this.leaders.visible(MAX_LEADERS, null, tx);
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
