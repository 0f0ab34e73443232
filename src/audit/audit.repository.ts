import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export interface AuditQuery {
  organisationId?: number | null;
  action?: string;
  actorId?: number;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/**
 * The audit log: inserts, and keyset pages newest first. Nothing here updates or deletes an
 * entry; an erasure only adds a row to audit_erasures (see docs/privacy.md).
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, rows: Partial<AuditEntry>[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.insert(AuditEntry, rows);
  }

  page(query: AuditQuery, limit: number, beforeId: number | null): Promise<AuditEntry[]> {
    const qb = this.filtered(query);
    if (beforeId !== null) qb.andWhere('e.id < :beforeId', { beforeId });
    return qb.orderBy('e.id', 'DESC').take(limit).getMany();
  }

  /** Entries the person made or that are about their staff record, oldest first. */
  ofPerson(tx: EntityManager, staffId: number): Promise<AuditEntry[]> {
    return tx
      .createQueryBuilder(AuditEntry, 'e')
      .where('e.actor_id = :staffId', { staffId })
      .orWhere("(e.target_type = 'staff' AND e.target_id = :targetId)", {
        targetId: String(staffId),
      })
      .orderBy('e.id', 'ASC')
      .getMany();
  }

  /** Records that the erased person's id now stands for `anonymousReference` (not the log). */
  async rememberErasure(
    tx: EntityManager,
    staffId: number,
    anonymousReference: string,
    at: Date,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into('audit_erasures')
      .values({ staff_id: staffId, anonymous_reference: anonymousReference, erased_at: at })
      .orIgnore()
      .execute();
  }

  /** The anonymous reference of each erased id among `staffIds`. */
  async anonymousReferences(staffIds: readonly number[]): Promise<Map<number, string>> {
    if (staffIds.length === 0) return new Map();
    const rows: { staff_id: number; anonymous_reference: string }[] = await this.dataSource.manager
      .createQueryBuilder()
      .select(['a.staff_id AS staff_id', 'a.anonymous_reference AS anonymous_reference'])
      .from('audit_erasures', 'a')
      .where('a.staff_id IN (:...staffIds)', { staffIds: [...staffIds] })
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.staff_id), r.anonymous_reference]));
  }

  count(query: AuditQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  private filtered(query: AuditQuery): SelectQueryBuilder<AuditEntry> {
    const qb = this.dataSource.manager.createQueryBuilder(AuditEntry, 'e').where('1 = 1');
    if (query.organisationId !== undefined) {
      if (query.organisationId === null) qb.andWhere('e.organisation_id IS NULL');
      else qb.andWhere('e.organisation_id = :organisationId', query);
    }
    if (query.action !== undefined) qb.andWhere('e.action = :action', query);
    if (query.actorId !== undefined) qb.andWhere('e.actor_id = :actorId', query);
    if (query.targetType !== undefined) qb.andWhere('e.target_type = :targetType', query);
    if (query.targetId !== undefined) qb.andWhere('e.target_id = :targetId', query);
    if (query.from !== undefined) qb.andWhere('e.at >= :from', query);
    if (query.to !== undefined) qb.andWhere('e.at < :to', query);
    return qb;
  }
}
