import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { lockName } from '../database/locks';
import { runSql } from '../database/portable-sql';
import { visibleStaffSql } from '../staff/visible-staff.sql';
import { Leader } from './leader.entity';

/** Leaders are a short list (tens): pages and reorders read it whole, in featured order. */
@Injectable()
export class LeadersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Leaders whose person is visible, in featured order, after an optional keyset position: of
   * one list (an organisation's, or null: the national one), or of every list when `list` is
   * left out. Plain SQL: the leaders page reads it on every visit.
   */
  async visible(
    limit: number,
    after: { order: number; staffId: number } | null = null,
    manager: EntityManager = this.dataSource.manager,
    list?: number | null,
  ): Promise<Leader[]> {
    const { rows } = await runSql<LeaderRow>(
      manager,
      `SELECT ${LEADER_COLUMNS} FROM leaders l JOIN staff_members s ON s.id = l.staff_id
       WHERE ${visibleStaffSql('s')}${onList(list)}
         ${after ? 'AND (l.featured_order > :order OR (l.featured_order = :order AND l.staff_id > :staffId))' : ''}
       ORDER BY l.featured_order, l.staff_id
       LIMIT :limit`,
      { limit, list, ...after },
    );
    return rows.map(toLeader);
  }

  /**
   * Visible leaders' ids and titles on the national list and, given one, an organisation's, the
   * national list first, each in featured order: the light read for suggestions and packs.
   */
  async featured(
    limit: number,
    organisationId: number | null,
  ): Promise<{ staffId: number; title: string }[]> {
    const { rows } = await runSql<{ staff_id: number; title: string }>(
      this.dataSource.manager,
      `SELECT l.staff_id, l.title FROM leaders l JOIN staff_members s ON s.id = l.staff_id
       WHERE ${visibleStaffSql('s')}
         AND (l.organisation_id IS NULL OR l.organisation_id = :organisationId)
       ORDER BY CASE WHEN l.organisation_id IS NULL THEN 0 ELSE 1 END, l.featured_order, l.staff_id
       LIMIT :limit`,
      { limit, organisationId: organisationId ?? -1 },
    );
    return rows.map((r) => ({ staffId: Number(r.staff_id), title: r.title }));
  }

  async countVisible(list: number | null): Promise<number> {
    const { rows } = await runSql<{ n: number | string }>(
      this.dataSource.manager,
      `SELECT COUNT(*) AS n FROM leaders l JOIN staff_members s ON s.id = l.staff_id
       WHERE ${visibleStaffSql('s')}${onList(list)}`,
      { list },
    );
    return Number(rows[0].n);
  }

  /** The leader row of a person, whichever list it is on. */
  findOne(tx: EntityManager, staffId: number) {
    return tx.findOneBy(Leader, { staffId });
  }

  /**
   * Every leader of one list (an organisation's, or null: the national one), hidden ones too,
   * for renumbering inside a transaction. Whoever renumbers holds that list until commit
   * (PostgreSQL, READ COMMITTED; the lock is `leaders:<organisationId|national>`): a second
   * writer waits, then reads the first one's order, so positions stay 1..n and concurrent
   * removes cannot deadlock. Different lists do not wait for each other.
   */
  async all(tx: EntityManager, list: number | null) {
    await lockName(tx, `leaders:${list ?? 'national'}`);
    return tx.find(Leader, {
      where: { organisationId: list === null ? IsNull() : list },
      order: { featuredOrder: 'ASC', staffId: 'ASC' },
    });
  }

  /** For the profile's leader loader: plain SQL, read on every profile. */
  async findByStaffIds(staffIds: readonly number[]): Promise<Leader[]> {
    const { rows } = await runSql<LeaderRow>(
      this.dataSource.manager,
      `SELECT ${LEADER_COLUMNS} FROM leaders l WHERE l.staff_id IN (:...staffIds)`,
      { staffIds: [...staffIds] },
    );
    return rows.map(toLeader);
  }
}

/** What the leader reads select: a leader's own columns (not its timestamps). */
const LEADER_COLUMNS = 'l.staff_id, l.title, l.statement, l.featured_order, l.organisation_id';

interface LeaderRow {
  staff_id: number;
  title: string;
  statement: string | null;
  featured_order: number;
  organisation_id: number | null;
}

function toLeader(row: LeaderRow): Leader {
  return Object.assign(new Leader(), {
    staffId: Number(row.staff_id),
    title: row.title,
    statement: row.statement,
    featuredOrder: Number(row.featured_order),
    organisationId: row.organisation_id === null ? null : Number(row.organisation_id),
  });
}

/** The condition on `leaders l` for one list (null: the national one); none for every list. */
function onList(list: number | null | undefined): string {
  if (list === undefined) return '';
  return list === null ? ' AND l.organisation_id IS NULL' : ' AND l.organisation_id = :list';
}
