import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
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
   * left out.
   */
  visible(
    limit: number,
    after: { order: number; staffId: number } | null = null,
    manager: EntityManager = this.dataSource.manager,
    list?: number | null,
  ) {
    const qb = manager
      .createQueryBuilder(Leader, 'l')
      .innerJoin('staff_members', 's', 's.id = l.staff_id')
      .where(visibleStaffSql('s'));
    if (list !== undefined) onList(qb, list);
    if (after) {
      qb.andWhere(
        '(l.featured_order > :order OR (l.featured_order = :order AND l.staff_id > :staffId))',
        after,
      );
    }
    return qb
      .orderBy('l.featured_order', 'ASC')
      .addOrderBy('l.staff_id', 'ASC')
      .take(limit)
      .getMany();
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

  countVisible(list: number | null) {
    const qb = this.dataSource.manager
      .createQueryBuilder(Leader, 'l')
      .innerJoin('staff_members', 's', 's.id = l.staff_id')
      .where(visibleStaffSql('s'));
    return onList(qb, list).getCount();
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
    const { rows } = await runSql<{
      staff_id: number;
      title: string;
      statement: string | null;
      featured_order: number;
      organisation_id: number | null;
    }>(this.dataSource.manager, 'SELECT * FROM leaders WHERE staff_id IN (:...staffIds)', {
      staffIds: [...staffIds],
    });
    return rows.map((r) =>
      Object.assign(new Leader(), {
        staffId: Number(r.staff_id),
        title: r.title,
        statement: r.statement,
        featuredOrder: Number(r.featured_order),
        organisationId: r.organisation_id === null ? null : Number(r.organisation_id),
      }),
    );
  }
}

function onList(qb: SelectQueryBuilder<Leader>, list: number | null) {
  return list === null
    ? qb.andWhere('l.organisation_id IS NULL')
    : qb.andWhere('l.organisation_id = :list', { list });
}
