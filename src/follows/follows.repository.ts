import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Platform } from '../social-accounts/platforms/platform';
import { AccountVisibility } from '../social-accounts/social-account.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { visibleStaffSql } from '../staff/visible-staff.sql';
import { Follow } from './follow.entity';
import { parseDbDate, runSql, timestampKey } from '../database/portable-sql';

export interface FollowStats {
  id: number;
  followerCount: number;
  followingCount: number;
  suggestible: boolean;
}

export type FollowDirection = 'followers' | 'following';

// A person of `s` who has not opted out of suggestions (binds `:no` to false).
const OPTED_IN = `NOT EXISTS (SELECT 1 FROM follow_stats fs WHERE fs.staff_id = s.id AND fs.suggestible = :no)`;

/** The only place with SQL for follows, their counters and suggestion dismissals. */
@Injectable()
export class FollowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager() {
    return this.dataSource.manager;
  }

  /** Adds the follow unless it exists; true when added, so the counters move exactly once. */
  async insert(tx: EntityManager, followerId: number, followeeId: number): Promise<boolean> {
    const { affected } = await runSql(
      tx,
      `INSERT INTO follows (follower_id, followee_id, created_at)
       VALUES (:followerId, :followeeId, :now) ON CONFLICT DO NOTHING`,
      { followerId, followeeId, now: new Date() },
    );
    return affected === 1;
  }

  async delete(tx: EntityManager, followerId: number, followeeId: number): Promise<boolean> {
    const { affected } = await runSql(
      tx,
      'DELETE FROM follows WHERE follower_id = :followerId AND followee_id = :followeeId',
      { followerId, followeeId },
    );
    return affected === 1;
  }

  /**
   * Moves counters by these deltas, every person in one statement and in id order, so two
   * people following each other at once lock their rows in the same order and cannot deadlock.
   */
  async adjustCounts(
    tx: EntityManager,
    deltas: ReadonlyMap<number, { followers: number; following: number }>,
  ): Promise<void> {
    const ids = [...deltas.keys()].sort((a, b) => a - b);
    if (ids.length === 0) return;
    const parameters: Record<string, unknown> = {};
    const rows = ids.map((id, i) => {
      Object.assign(parameters, {
        [`id${i}`]: id,
        [`followers${i}`]: deltas.get(id)!.followers,
        [`following${i}`]: deltas.get(id)!.following,
      });
      return `(:id${i}, :followers${i}, :following${i})`;
    });
    await runSql(
      tx,
      `INSERT INTO follow_stats (staff_id, follower_count, following_count) VALUES ${rows.join(', ')}
       ON CONFLICT (staff_id) DO UPDATE SET
         follower_count = follow_stats.follower_count + excluded.follower_count,
         following_count = follow_stats.following_count + excluded.following_count`,
      parameters,
    );
  }

  /** Counters and opt-out of those of `ids` who have any (the rest: none, and suggestible). */
  async stats(ids: readonly number[]): Promise<FollowStats[]> {
    const { rows } = await runSql<{
      staff_id: number;
      follower_count: number;
      following_count: number;
      suggestible: boolean | number;
    }>(
      this.manager,
      `SELECT staff_id, follower_count, following_count, suggestible FROM follow_stats
       WHERE staff_id IN (:...ids)`,
      { ids: [...ids] },
    );
    return rows.map((r) => ({
      id: Number(r.staff_id),
      followerCount: Number(r.follower_count),
      followingCount: Number(r.following_count),
      suggestible: Boolean(r.suggestible),
    }));
  }

  async setSuggestible(tx: EntityManager, staffId: number, suggestible: boolean) {
    await runSql(
      tx,
      `INSERT INTO follow_stats (staff_id, suggestible) VALUES (:staffId, :suggestible)
       ON CONFLICT (staff_id) DO UPDATE SET suggestible = excluded.suggestible`,
      { suggestible, staffId },
    );
  }

  /**
   * A page of someone's followers or followees whom others may see, newest first
   * (keyset on created_at, id over the (person, created_at, other) index).
   */
  async page(
    direction: FollowDirection,
    staffId: number,
    limit: number,
    after: { createdAt: string | Date; otherId: number } | null,
  ): Promise<{ person: StaffMember; followedAt: Date; key: [string | number, number] }[]> {
    const [self, other] =
      direction === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
    const qb = this.manager
      .createQueryBuilder(StaffMember, 's')
      .innerJoin(Follow, 'f', `f.${other} = s.id`)
      .addSelect('f.created_at', 'followed_at')
      .where(`f.${self} = :staffId`, { staffId })
      .andWhere(visibleStaffSql('s'));
    if (after) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('f.created_at < :afterAt', { afterAt: after.createdAt })
            .orWhere(`(f.created_at = :afterAt AND f.${other} < :afterId)`, {
              afterId: after.otherId,
            }),
        ),
      );
    }
    const { entities, raw } = await qb
      .orderBy('f.created_at', 'DESC')
      .addOrderBy(`f.${other}`, 'DESC')
      .limit(limit)
      .getRawAndEntities<{ s_id: number; followed_at: string | Date }>();
    const followedAt = new Map(raw.map((r) => [Number(r.s_id), r.followed_at]));
    return entities.map((person) => {
      const at = followedAt.get(person.id)!;
      return { person, followedAt: parseDbDate(at), key: [timestampKey(at), person.id] };
    });
  }

  /** Everything follows holds about a person, for their export: both ways, and dismissals. */
  async exportOf(tx: EntityManager, staffId: number) {
    const person = (column: string) =>
      runSql<{ staff_id: number; display_name: string | null; created_at: string | Date }>(
        tx,
        `SELECT s.id AS staff_id, s.display_name, f.created_at FROM follows f
         JOIN staff_members s ON s.id = f.${column === 'follower_id' ? 'followee_id' : 'follower_id'}
         WHERE f.${column} = :staffId ORDER BY f.created_at, s.id`,
        { staffId },
      ).then(({ rows }) =>
        rows.map((r) => ({
          staffId: Number(r.staff_id),
          displayName: r.display_name,
          since: parseDbDate(r.created_at),
        })),
      );
    const { rows: dismissed } = await runSql<{ dismissed_id: number; created_at: string | Date }>(
      tx,
      `SELECT dismissed_id, created_at FROM follow_suggestion_dismissals WHERE staff_id = :staffId
       ORDER BY created_at, dismissed_id`,
      { staffId },
    );
    const { rows: stats } = await runSql<{
      follower_count: number;
      following_count: number;
      suggestible: boolean | number;
    }>(
      tx,
      'SELECT follower_count, following_count, suggestible FROM follow_stats WHERE staff_id = :staffId',
      { staffId },
    );
    return {
      following: await person('follower_id'),
      followers: await person('followee_id'),
      suggestionsDismissed: dismissed.map((r) => ({
        staffId: Number(r.dismissed_id),
        at: parseDbDate(r.created_at),
      })),
      counts: stats[0]
        ? {
            followers: Number(stats[0].follower_count),
            following: Number(stats[0].following_count),
          }
        : { followers: 0, following: 0 },
      suggestible: stats[0] ? Boolean(stats[0].suggestible) : true,
    };
  }

  /**
   * Erasure: deletes the person's follows both ways (returned, so the counters they fed can
   * move), their counters and the dismissals by or of them.
   */
  async eraseAllOf(
    tx: EntityManager,
    staffId: number,
  ): Promise<{ followerId: number; followeeId: number }[]> {
    const { rows } = await runSql<{ follower_id: number; followee_id: number }>(
      tx,
      'SELECT follower_id, followee_id FROM follows WHERE follower_id = :staffId OR followee_id = :staffId',
      { staffId },
    );
    await runSql(tx, 'DELETE FROM follows WHERE follower_id = :staffId OR followee_id = :staffId', {
      staffId,
    });
    await runSql(
      tx,
      'DELETE FROM follow_suggestion_dismissals WHERE staff_id = :staffId OR dismissed_id = :staffId',
      { staffId },
    );
    await runSql(tx, 'DELETE FROM follow_stats WHERE staff_id = :staffId', { staffId });
    return rows.map((r) => ({
      followerId: Number(r.follower_id),
      followeeId: Number(r.followee_id),
    }));
  }

  /**
   * How many of someone's followers or followees others may see, counting no further than
   * `cap + 1` (a range of the follows index joined to people by id: bounded whatever the count).
   */
  async visibleCount(direction: FollowDirection, staffId: number, cap: number): Promise<number> {
    const [self, other] =
      direction === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
    const { rows } = await runSql<{ n: number | string }>(
      this.manager,
      `SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM follows f
         JOIN staff_members s ON s.id = f.${other}
         WHERE f.${self} = :staffId AND ${visibleStaffSql('s')} LIMIT :limit) capped`,
      { staffId, limit: cap + 1 },
    );
    return Number(rows[0].n);
  }

  /**
   * Which of `ids` the viewer follows and which follow the viewer, in one statement: a page of
   * cards shows both (two probes of the follows key, one round trip).
   */
  async relationsAmong(
    viewerId: number,
    ids: readonly number[],
  ): Promise<{ followed: Set<number>; followers: Set<number> }> {
    if (ids.length === 0) return { followed: new Set(), followers: new Set() };
    const { rows } = await runSql<{ id: number; viewer_follows: number }>(
      this.manager,
      `SELECT followee_id AS id, 1 AS viewer_follows FROM follows
         WHERE follower_id = :viewer AND followee_id IN (:...ids)
       UNION ALL
       SELECT follower_id AS id, 0 AS viewer_follows FROM follows
         WHERE followee_id = :viewerAgain AND follower_id IN (:...idsAgain)`,
      { viewer: viewerId, ids: [...ids], viewerAgain: viewerId, idsAgain: [...ids] },
    );
    const followed = new Set<number>();
    const followers = new Set<number>();
    for (const row of rows)
      (Number(row.viewer_follows) === 1 ? followed : followers).add(Number(row.id));
    return { followed, followers };
  }

  /** The people someone followed most recently (index range on follower_id, created_at). */
  async recentFolloweeIds(followerId: number, limit: number): Promise<number[]> {
    const { rows } = await runSql<{ followee_id: number }>(
      this.manager,
      `SELECT followee_id FROM follows WHERE follower_id = :followerId
       ORDER BY created_at DESC, followee_id DESC LIMIT :limit`,
      { followerId, limit },
    );
    return rows.map((r) => Number(r.followee_id));
  }

  /**
   * The most recent followees of each of `followerIds`, at most `perFollower` each: one
   * UNION ALL of bounded index range scans, however many people they follow.
   */
  async recentFolloweesOf(
    followerIds: readonly number[],
    perFollower: number,
  ): Promise<{ followerId: number; followeeId: number }[]> {
    if (followerIds.length === 0) return [];
    const parameters: Record<string, unknown> = { perFollower };
    const parts = followerIds.map((id, i) => {
      parameters[`f${i}`] = id;
      return `SELECT * FROM (SELECT follower_id, followee_id FROM follows
        WHERE follower_id = :f${i} ORDER BY created_at DESC LIMIT :perFollower) r${i}`;
    });
    const { rows } = await runSql<{ follower_id: number; followee_id: number }>(
      this.manager,
      parts.join(' UNION ALL '),
      parameters,
    );
    return rows.map((r) => ({
      followerId: Number(r.follower_id),
      followeeId: Number(r.followee_id),
    }));
  }

  /**
   * The next `limit` people `followerId` follows whom others may see, after followee id
   * `afterId` in id order: one range of the follows primary key (follower_id, followee_id).
   */
  async visibleFolloweeIdsAfter(followerId: number, afterId: number, limit: number) {
    const { rows } = await runSql<{ id: number }>(
      this.manager,
      `SELECT f.followee_id AS id FROM follows f JOIN staff_members s ON s.id = f.followee_id
       WHERE f.follower_id = :followerId AND f.followee_id > :afterId AND ${visibleStaffSql('s')}
       ORDER BY f.followee_id LIMIT :limit`,
      { followerId, afterId, limit },
    );
    return rows.map((r) => Number(r.id));
  }

  /**
   * The next `limit` visible people of a department after `after` in name order: one range of
   * `IDX_staff_listed_department` (department_id, display_name, id).
   */
  async departmentPeopleAfter(
    departmentId: number,
    after: { name: string; id: number } | null,
    limit: number,
  ): Promise<{ id: number; name: string }[]> {
    const { rows } = await runSql<{ id: number; name: string }>(
      this.manager,
      `SELECT s.id, s.display_name AS name FROM staff_members s
       WHERE s.department_id = :departmentId AND ${visibleStaffSql('s')}
         ${after ? 'AND (s.display_name, s.id) > (:name, :id)' : ''}
       ORDER BY s.display_name, s.id LIMIT :limit`,
      { departmentId, name: after?.name, id: after?.id, limit },
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }

  /** How many visible people a department has: one range of `IDX_staff_listed_department`. */
  async countDepartmentPeople(departmentId: number): Promise<number> {
    const { rows } = await runSql<{ n: number }>(
      this.manager,
      `SELECT COUNT(*) AS n FROM staff_members s
       WHERE s.department_id = :departmentId AND ${visibleStaffSql('s')}`,
      { departmentId },
    );
    return Number(rows[0].n);
  }

  /**
   * These people's Mastodon accounts, with what `canSeeAccount` needs: a probe of
   * `IDX_social_accounts_staff_platform` per person, no entity built.
   */
  async mastodonAccountsOf(staffIds: readonly number[]) {
    if (staffIds.length === 0) return [];
    const { rows } = await runSql<{
      staff_id: number;
      handle: string;
      visibility: AccountVisibility;
      organisation_id: number | null;
    }>(
      this.manager,
      `SELECT a.staff_id, a.handle, a.visibility, s.organisation_id FROM social_accounts a
       JOIN staff_members s ON s.id = a.staff_id
       WHERE a.staff_id IN (:...ids) AND a.platform = :platform
       ORDER BY a.staff_id, a.id`,
      { ids: [...staffIds], platform: Platform.MASTODON },
    );
    return rows.map((r) => ({
      staffId: Number(r.staff_id),
      handle: r.handle,
      visibility: r.visibility,
      ownerOrganisationId: r.organisation_id === null ? null : Number(r.organisation_id),
    }));
  }

  /**
   * Newest visible people in a department or at a site (index on that column), capped;
   * `suggestibleOnly` also leaves out people who opted out of suggestions.
   */
  async peopleIn(
    column: 'department_id' | 'site_id',
    value: number,
    options: { exceptId: number; limit: number; suggestibleOnly: boolean },
  ): Promise<number[]> {
    const { rows } = await runSql<{ id: number }>(
      this.manager,
      `SELECT s.id FROM staff_members s
       WHERE s.${column} = :value AND s.id <> :exceptId AND ${visibleStaffSql('s')}
         ${options.suggestibleOnly ? `AND ${OPTED_IN}` : ''}
       ORDER BY s.id DESC LIMIT :limit`,
      { value, exceptId: options.exceptId, limit: options.limit, no: false },
    );
    return rows.map((r) => Number(r.id));
  }

  /**
   * Of `ids`, those who may be suggested to `viewerId`: visible, not opted out, not already
   * followed, not dismissed. One statement of primary-key and index probes over the candidates
   * only, returning ids (no entities: most candidates are ranked out).
   */
  async suggestibleFor(viewerId: number, ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const { rows } = await runSql<{ id: number }>(
      this.manager,
      `SELECT s.id FROM staff_members s
       WHERE s.id IN (:...ids) AND s.id <> :viewerId AND ${OPTED_IN}
         AND ${visibleStaffSql('s')}
         AND NOT EXISTS (SELECT 1 FROM follows f
                         WHERE f.follower_id = :viewerId AND f.followee_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM follow_suggestion_dismissals d
                         WHERE d.staff_id = :viewerId AND d.dismissed_id = s.id)`,
      { ids: [...ids], viewerId, no: false },
    );
    return rows.map((r) => Number(r.id));
  }

  /** The names of a department and a site, in one statement (either may be null). */
  async placeNames(
    departmentId: number | null,
    siteId: number | null,
  ): Promise<{ department: string | null; site: string | null }> {
    const { rows } = await runSql<{ department: string | null; site: string | null }>(
      this.manager,
      `SELECT (SELECT name FROM departments WHERE id = :departmentId) AS department,
              (SELECT name FROM sites WHERE id = :siteId) AS site`,
      { departmentId: departmentId ?? 0, siteId: siteId ?? 0 },
    );
    return { department: rows[0]?.department ?? null, site: rows[0]?.site ?? null };
  }

  async dismiss(tx: EntityManager, staffId: number, dismissedId: number) {
    await runSql(
      tx,
      `INSERT INTO follow_suggestion_dismissals (staff_id, dismissed_id, created_at)
       VALUES (:staffId, :dismissedId, :now) ON CONFLICT DO NOTHING`,
      { staffId, dismissedId, now: new Date() },
    );
  }
}
