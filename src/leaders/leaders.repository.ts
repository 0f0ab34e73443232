import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lockName } from '../database/locks';
import { runSql } from '../database/portable-sql';
import { visibleStaffSql } from '../staff/visible-staff.sql';
import { Leader } from './leader.entity';

/** Leaders are a short list (tens): pages and reorders read it whole, in featured order. */
@Injectable()
export class LeadersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Leaders whose person is visible, in featured order, after an optional keyset position. */
  visible(
    limit: number,
    after: { order: number; staffId: number } | null = null,
    manager: EntityManager = this.dataSource.manager,
  ) {
    const qb = manager
      .createQueryBuilder(Leader, 'l')
      .innerJoin('staff_members', 's', 's.id = l.staff_id')
      .where(visibleStaffSql('s'));
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

  /** Visible leaders' ids and titles in featured order: the light read for suggestions. */
  async featured(limit: number): Promise<{ staffId: number; title: string }[]> {
    const { rows } = await runSql<{ staff_id: number; title: string }>(
      this.dataSource.manager,
      `SELECT l.staff_id, l.title FROM leaders l JOIN staff_members s ON s.id = l.staff_id
       WHERE ${visibleStaffSql('s')} ORDER BY l.featured_order, l.staff_id LIMIT :limit`,
      { limit },
    );
    return rows.map((r) => ({ staffId: Number(r.staff_id), title: r.title }));
  }

  countVisible() {
    return this.dataSource.manager
      .createQueryBuilder(Leader, 'l')
      .innerJoin('staff_members', 's', 's.id = l.staff_id')
      .where(visibleStaffSql('s'))
      .getCount();
  }

  /**
   * Every leader, hidden ones too, for renumbering inside a transaction. Whoever renumbers holds
   * the list until commit (PostgreSQL, READ COMMITTED): a second writer waits, then reads the
   * first one's order, so positions stay 1..n and concurrent removes cannot deadlock.
   */
  async all(tx: EntityManager) {
    await lockName(tx, 'leaders');
    return tx.find(Leader, { order: { featuredOrder: 'ASC', staffId: 'ASC' } });
  }

  /** For the profile's leader loader: plain SQL, read on every profile. */
  async findByStaffIds(staffIds: readonly number[]): Promise<Leader[]> {
    const { rows } = await runSql<{
      staff_id: number;
      title: string;
      statement: string | null;
      featured_order: number;
    }>(this.dataSource.manager, 'SELECT * FROM leaders WHERE staff_id IN (:...staffIds)', {
      staffIds: [...staffIds],
    });
    return rows.map((r) =>
      Object.assign(new Leader(), {
        staffId: Number(r.staff_id),
        title: r.title,
        statement: r.statement,
        featuredOrder: Number(r.featured_order),
      }),
    );
  }
}
