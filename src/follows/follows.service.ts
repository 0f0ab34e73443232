import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InvalidInputError } from '../common/errors/domain-error';
import { Connection, toConnection } from '../common/graphql/connection';
import { TransactionRunner } from '../database/transaction-runner';
import { touch } from '../database/derived-state';
import './follow.changes';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { Follow } from './follow.entity';
import { FollowDirection, FollowsRepository, FollowStats } from './follows.repository';
import { decodeTimestampCursor } from '../database/portable-sql';
import { FollowErrorReason } from './follow.errors';

/** A followers or following list is counted up to this many; beyond, totalCountCapped. */
export const FOLLOW_LIST_COUNT_CAP = 1000;

/** How the viewer and one other person stand: who follows whom. */
export interface FollowRelation {
  viewerFollows: boolean;
  followsViewer: boolean;
}

/** Following inside the directory: who may follow whom, and the counters that go with it. */
@Injectable()
export class FollowsService {
  constructor(
    private readonly follows: FollowsRepository,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Idempotent. Someone hidden from the viewer gets the same answer as someone who does not exist. */
  async follow(me: StaffMember, staffId: number): Promise<StaffMember> {
    if (staffId === me.id) {
      throw new InvalidInputError(
        FollowErrorReason.SELF_NOT_ALLOWED,
        'You cannot follow yourself',
        'staffId',
      );
    }
    const person = await this.staff.getVisible(staffId, null, 'staffId');
    await this.transactions.run(async (tx) => {
      if (await this.follows.insert(tx, me.id, staffId)) {
        touch(tx, 'follows', [{ followerId: me.id, followeeId: staffId, delta: 1 }]);
      }
    });
    return person;
  }

  /** Idempotent; a follow of someone since hidden (a leaver) can still be removed. */
  async unfollow(me: StaffMember, staffId: number): Promise<StaffMember | null> {
    if (staffId === me.id) {
      throw new InvalidInputError(
        FollowErrorReason.SELF_NOT_ALLOWED,
        'You cannot unfollow yourself',
        'staffId',
      );
    }
    const removed = await this.transactions.run(async (tx) => {
      const deleted = await this.follows.delete(tx, me.id, staffId);
      if (deleted) touch(tx, 'follows', [{ followerId: me.id, followeeId: staffId, delta: -1 }]);
      return deleted;
    });
    try {
      return await this.staff.getVisible(staffId, null, 'staffId');
    } catch (error) {
      if (removed) return null; // they knew this person: nothing to hide
      throw error;
    }
  }

  /** Follows at once (the demo), in the caller's transaction; the counters follow. */
  async importMany(
    tx: EntityManager,
    follows: { followerId: number; followeeId: number; createdAt: Date }[],
    optedOut: readonly number[] = [],
  ): Promise<void> {
    await tx.save(
      Follow,
      follows.map((f) => tx.create(Follow, f)),
      { chunk: 300 },
    );
    touch(
      tx,
      'follows',
      follows.map((f) => ({
        followerId: f.followerId,
        followeeId: f.followeeId,
        delta: 1 as const,
      })),
    );
    for (const staffId of optedOut) await this.follows.setSuggestible(tx, staffId, false);
  }

  exportOf(tx: EntityManager, staffId: number) {
    return this.follows.exportOf(tx, staffId);
  }

  /**
   * Erasure: the person's follows both ways, counters and dismissals go; the people they
   * followed or were followed by have their counters moved through the 'follows' topic.
   */
  async eraseAllOf(tx: EntityManager, staffId: number): Promise<void> {
    const removed = await this.follows.eraseAllOf(tx, staffId);
    touch(
      tx,
      'follows',
      removed.map((f) => ({ ...f, delta: -1 as const, erasing: staffId })),
    );
  }

  async setSuggestionsOptOut(me: StaffMember, optOut: boolean): Promise<StaffMember> {
    await this.transactions.run((tx) => this.follows.setSuggestible(tx, me.id, !optOut));
    return me;
  }

  /**
   * Followers or followees the viewer may see, newest first. totalCount is the person's counter:
   * everyone who follows (or is followed), so it costs nothing at any size.
   */
  /**
   * A page of the people others may see among someone's followers or followees. totalCount is
   * what the list holds (counted bounded, up to FOLLOW_LIST_COUNT_CAP), and notListedCount how
   * many more the kept counter `kept` holds (people who left or are not listed).
   */
  async connection(
    direction: FollowDirection,
    person: StaffMember,
    kept: number,
    first: number,
    after?: string | null,
  ): Promise<Connection<StaffMember> & { notListedCount: number; totalCountCapped: boolean }> {
    const cursor = decodeTimestampCursor(after);
    const key = cursor && { createdAt: cursor.at, otherId: cursor.id };
    const rows = await this.follows.page(direction, person.id, first + 1, key);
    const visible = await this.follows.visibleCount(direction, person.id, FOLLOW_LIST_COUNT_CAP);
    const capped = visible > FOLLOW_LIST_COUNT_CAP;
    const total = Math.min(visible, FOLLOW_LIST_COUNT_CAP);
    const connection = toConnection(rows, first, total, (r) => r.key);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ ...edge, node: edge.node.person })),
      totalCountCapped: capped,
      notListedCount: capped ? 0 : Math.max(0, kept - visible),
    };
  }

  /** Counters and the opt-out, in the order of `ids` (for a DataLoader). */
  async statsByIds(ids: readonly number[]): Promise<(FollowStats | null)[]> {
    const rows = await this.follows.stats(ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Whether the viewer follows each of `ids` and whether each follows the viewer, in order. */
  async relationsWith(viewerId: number, ids: readonly number[]): Promise<FollowRelation[]> {
    const { followed, followers } = await this.follows.relationsAmong(viewerId, ids);
    return ids.map((id) => ({ viewerFollows: followed.has(id), followsViewer: followers.has(id) }));
  }
}
