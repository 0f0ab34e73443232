import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { parseDbDate, runSql, timestampKey } from '../database/portable-sql';
import { visibleStaffSql } from '../staff/visible-staff.sql';
import { CommunityMembership, CommunityRole } from './community-membership.entity';
import { Community, CommunityKind, CommunityScope } from './community.entity';

export interface CommunityViewer {
  id: number;
  organisationId: number | null;
  /** Comms.Admin sees every community, archived and organisation-only, to curate them. */
}

export interface CommunityQuery {
  kind?: CommunityKind;
  search?: string;
  joined?: boolean;
  includeArchived?: boolean;
}

/** The only place with SQL for communities and their memberships. */
@Injectable()
export class CommunitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(Community, { id });
  }

  findBySlug(slug: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(Community, { slug });
  }

  findByIds(ids: readonly number[]) {
    return this.dataSource.manager.findBy(Community, { id: In([...ids]) });
  }

  /** A page of the communities the viewer may see, in name order (keyset on name, id). */
  async page(
    viewer: CommunityViewer,
    query: CommunityQuery,
    first: number,
    after: { name: string; id: number } | null,
  ): Promise<{ rows: Community[]; total: number }> {
    const base = this.visibleTo(viewer, query);
    const total = await base.clone().getCount();
    if (after) {
      base.andWhere(
        new Brackets((w) =>
          w
            .where('c.name > :afterName', { afterName: after.name })
            .orWhere('(c.name = :afterName AND c.id > :afterId)', { afterId: after.id }),
        ),
      );
    }
    const rows = await base
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(first + 1)
      .getMany();
    return { rows, total };
  }

  private visibleTo(viewer: CommunityViewer, query: CommunityQuery): SelectQueryBuilder<Community> {
    const qb = this.dataSource.manager.createQueryBuilder(Community, 'c');
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('c.scope = :nhsWide', { nhsWide: CommunityScope.NHS_WIDE })
          .orWhere('c.organisation_id = :viewerOrganisation', {
            viewerOrganisation: viewer.organisationId ?? -1,
          }),
      ),
    );
    if (!query.includeArchived) qb.andWhere('c.archived_at IS NULL');
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.search?.trim()) {
      const pattern = `%${query.search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, '\\$&')}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("LOWER(c.name) LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(COALESCE(c.hashtag, '')) LIKE :pattern ESCAPE '\\'", { pattern }),
        ),
      );
    }
    if (query.joined) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM community_memberships jm WHERE jm.community_id = c.id AND jm.staff_id = :viewerId)',
        { viewerId: viewer.id },
      );
    }
    return qb;
  }

  /** Members the viewer may see, in join order (keyset on joined_at, staff_id). */
  async members(
    communityId: number,
    role: CommunityRole | undefined,
    first: number,
    after: { joinedAt: string | Date; staffId: number } | null,
  ): Promise<{ membership: CommunityMembership; key: [string | number, number] }[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(CommunityMembership, 'm')
      .innerJoin('staff_members', 's', 's.id = m.staff_id')
      .where('m.community_id = :communityId', { communityId })
      .andWhere(visibleStaffSql('s'));
    if (role) qb.andWhere('m.role = :role', { role });
    if (after) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('m.joined_at > :afterJoined', { afterJoined: after.joinedAt })
            .orWhere('(m.joined_at = :afterJoined AND m.staff_id > :afterStaff)', {
              afterStaff: after.staffId,
            }),
        ),
      );
    }
    const { entities, raw } = await qb
      .addSelect('m.joined_at', 'cursor_joined_at')
      .orderBy('m.joined_at', 'ASC')
      .addOrderBy('m.staff_id', 'ASC')
      .limit(first + 1)
      .getRawAndEntities<{ m_staff_id: number; cursor_joined_at: string | Date }>();
    const joinedAt = new Map(raw.map((r) => [Number(r.m_staff_id), r.cursor_joined_at]));
    return entities.map((membership) => ({
      membership,
      key: [timestampKey(joinedAt.get(membership.staffId)!), membership.staffId],
    }));
  }

  /** How many visible members hold a role (a few organisers or champions: cheap). */
  countMembersWithRole(communityId: number, role: CommunityRole): Promise<number> {
    return this.dataSource.manager
      .createQueryBuilder(CommunityMembership, 'm')
      .innerJoin('staff_members', 's', 's.id = m.staff_id')
      .where('m.community_id = :communityId AND m.role = :role', { communityId, role })
      .andWhere(visibleStaffSql('s'))
      .getCount();
  }

  /** Every membership of these people, grouped in the order of `staffIds` (for a DataLoader). */
  async membershipsOf(staffIds: readonly number[]): Promise<CommunityMembership[][]> {
    const rows = await this.membershipRows(
      'SELECT * FROM community_memberships WHERE staff_id IN (:...staffIds) ORDER BY joined_at',
      { staffIds: [...staffIds] },
    );
    const byStaff = new Map<number, CommunityMembership[]>(staffIds.map((id) => [id, []]));
    for (const row of rows) byStaff.get(row.staffId)?.push(row);
    return staffIds.map((id) => byStaff.get(id)!);
  }

  /** The viewer's membership of each community, in the order of `communityIds`. */
  async membershipsOfViewer(
    viewerId: number,
    communityIds: readonly number[],
  ): Promise<(CommunityMembership | null)[]> {
    const rows = await this.membershipRows(
      `SELECT * FROM community_memberships
       WHERE staff_id = :viewerId AND community_id IN (:...communityIds)`,
      { viewerId, communityIds: [...communityIds] },
    );
    const byCommunity = new Map(rows.map((row) => [row.communityId, row]));
    return communityIds.map((id) => byCommunity.get(id) ?? null);
  }

  // Loader reads run on every profile: plain SQL, without the ORM's per-query overhead.
  private async membershipRows(
    sql: string,
    parameters: Record<string, unknown>,
  ): Promise<CommunityMembership[]> {
    const { rows } = await runSql<{
      community_id: number;
      staff_id: number;
      role: CommunityRole;
      joined_at: string | Date;
    }>(this.dataSource.manager, sql, parameters);
    return rows.map((r) =>
      Object.assign(new CommunityMembership(), {
        communityId: Number(r.community_id),
        staffId: Number(r.staff_id),
        role: r.role,
        joinedAt: parseDbDate(r.joined_at),
      }),
    );
  }

  findMembership(communityId: number, staffId: number, manager: EntityManager) {
    return manager.findOneBy(CommunityMembership, { communityId, staffId });
  }

  /** Adds a membership unless it exists; true when it was added (so the counter moves once). */
  async insertMembership(
    tx: EntityManager,
    communityId: number,
    staffId: number,
    role: CommunityRole,
  ): Promise<boolean> {
    const { affected } = await runSql(
      tx,
      `INSERT INTO community_memberships (community_id, staff_id, role, joined_at)
       VALUES (:communityId, :staffId, :role, :joinedAt) ON CONFLICT DO NOTHING`,
      { communityId, staffId, role, joinedAt: new Date() },
    );
    return affected === 1;
  }

  async deleteMembership(tx: EntityManager, communityId: number, staffId: number) {
    const { affected } = await runSql(
      tx,
      'DELETE FROM community_memberships WHERE community_id = :communityId AND staff_id = :staffId',
      { communityId, staffId },
    );
    return affected === 1;
  }

  async setRole(tx: EntityManager, communityId: number, staffId: number, role: CommunityRole) {
    await tx.update(CommunityMembership, { communityId, staffId }, { role });
  }

  async adjustMemberCount(tx: EntityManager, communityId: number, delta: 1 | -1) {
    await runSql(
      tx,
      'UPDATE communities SET member_count = member_count + :delta WHERE id = :communityId',
      { delta, communityId },
    );
  }

  /** A person's memberships with their communities' names, for their export. */
  async exportOf(tx: EntityManager, staffId: number) {
    const { rows } = await runSql<{
      community_id: number;
      name: string;
      slug: string;
      role: CommunityRole;
      joined_at: string | Date;
    }>(
      tx,
      `SELECT m.community_id, c.name, c.slug, m.role, m.joined_at FROM community_memberships m
       JOIN communities c ON c.id = m.community_id WHERE m.staff_id = :staffId
       ORDER BY m.joined_at, m.community_id`,
      { staffId },
    );
    return rows.map((r) => ({
      communityId: Number(r.community_id),
      name: r.name,
      slug: r.slug,
      role: r.role,
      joinedAt: parseDbDate(r.joined_at),
    }));
  }

  /** Erasure: deletes every membership of the person; returns the communities they were in. */
  async deleteMembershipsOf(tx: EntityManager, staffId: number): Promise<number[]> {
    const { rows } = await runSql<{ community_id: number }>(
      tx,
      'SELECT community_id FROM community_memberships WHERE staff_id = :staffId',
      { staffId },
    );
    await runSql(tx, 'DELETE FROM community_memberships WHERE staff_id = :staffId', { staffId });
    return rows.map((r) => Number(r.community_id));
  }

  /** Sets these communities' member counters from their memberships. */
  async recountMembers(tx: EntityManager, communityIds: readonly number[]) {
    if (communityIds.length === 0) return;
    await runSql(
      tx,
      `UPDATE communities SET member_count =
         (SELECT COUNT(*) FROM community_memberships m WHERE m.community_id = communities.id)
       WHERE id IN (:...ids)`,
      { ids: [...communityIds] },
    );
  }

  /** The communities someone joined most recently (index on staff_id). */
  async recentCommunityIdsOf(staffId: number, limit: number): Promise<number[]> {
    const { rows } = await runSql<{ community_id: number }>(
      this.dataSource.manager,
      `SELECT community_id FROM community_memberships WHERE staff_id = :staffId
       ORDER BY joined_at DESC LIMIT :limit`,
      { staffId, limit },
    );
    return rows.map((r) => Number(r.community_id));
  }

  /**
   * The most recent members of each community (at most `perCommunity` each), for follow
   * suggestions: one UNION ALL of index range scans on (community_id, joined_at), never a
   * scan of a large community.
   */
  async recentMemberIds(
    communityIds: readonly number[],
    perCommunity: number,
  ): Promise<{ communityId: number; staffId: number }[]> {
    if (communityIds.length === 0) return [];
    const parameters: Record<string, unknown> = { perCommunity };
    const parts = communityIds.map((id, i) => {
      parameters[`c${i}`] = id;
      return `SELECT * FROM (SELECT community_id, staff_id FROM community_memberships
        WHERE community_id = :c${i} ORDER BY joined_at DESC LIMIT :perCommunity) r${i}`;
    });
    const { rows } = await runSql<{ community_id: number; staff_id: number }>(
      this.dataSource.manager,
      parts.join(' UNION ALL '),
      parameters,
    );
    return rows.map((r) => ({ communityId: Number(r.community_id), staffId: Number(r.staff_id) }));
  }

  /** The staff ids of members of a community, visible ones only, capped (follow packs). */
  /**
   * The next `limit` members others may see after staff id `afterId`, in id order: one range of
   * the membership primary key (community_id, staff_id) and a probe of each person, so an
   * export of any size is a run of short statements.
   */
  async visibleMemberIdsAfter(
    communityId: number,
    afterId: number,
    limit: number,
  ): Promise<number[]> {
    const { rows } = await runSql<{ id: number }>(
      this.dataSource.manager,
      `SELECT m.staff_id AS id FROM community_memberships m
       JOIN staff_members s ON s.id = m.staff_id
       WHERE m.community_id = :communityId AND m.staff_id > :afterId AND ${visibleStaffSql('s')}
       ORDER BY m.staff_id LIMIT :limit`,
      { communityId, afterId, limit },
    );
    return rows.map((r) => Number(r.id));
  }
}
