import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OrganisationClaim, OrganisationClaimStatus } from './organisation-claim.entity';

@Injectable()
export class OrganisationClaimsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pending claims, oldest first, of one organisation (or all, for a national admin). */
  pending(organisationId: number | null, limit: number, afterId: number | null) {
    const qb = this.queue(organisationId);
    if (afterId !== null) qb.andWhere('c.id > :afterId', { afterId });
    return qb.orderBy('c.id', 'ASC').take(limit).getMany();
  }

  countPending(organisationId: number | null) {
    return this.queue(organisationId).getCount();
  }

  private queue(organisationId: number | null) {
    const qb = this.dataSource.manager
      .createQueryBuilder(OrganisationClaim, 'c')
      .where('c.status = :status', { status: OrganisationClaimStatus.PENDING });
    if (organisationId !== null)
      qb.andWhere('c.organisation_id = :organisationId', { organisationId });
    return qb;
  }

  /** Whether the person's claim to this organisation was confirmed (and so it is trusted). */
  confirmed(tx: EntityManager, staffId: number, organisationId: number): Promise<boolean> {
    return tx.existsBy(OrganisationClaim, {
      staffId,
      organisationId,
      status: OrganisationClaimStatus.CONFIRMED,
    });
  }

  /** Each person's latest claim, in the order of `staffIds` (null for none). */
  async latestOf(staffIds: readonly number[]): Promise<(OrganisationClaim | null)[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(OrganisationClaim, 'c')
      .where('c.staff_id IN (:...staffIds)', { staffIds: [...staffIds] })
      .orderBy('c.id', 'DESC')
      .getMany();
    const latest = new Map<number, OrganisationClaim>();
    for (const row of rows) if (!latest.has(row.staffId)) latest.set(row.staffId, row);
    return staffIds.map((id) => latest.get(id) ?? null);
  }

  /**
   * Moves a pending claim to its decision, if it is still pending: the conditional UPDATE takes
   * the row lock, so of two decisions at once (or a decision and a new claim) only one wins.
   */
  async decide(
    tx: EntityManager,
    id: number,
    decision: Pick<OrganisationClaim, 'status' | 'reason' | 'decidedById' | 'decidedAt'>,
  ): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(OrganisationClaim)
      .set(decision)
      .where('id = :id AND status = :pending', { id, pending: OrganisationClaimStatus.PENDING })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Withdraws a person's pending claims (a new claim, or provisioning decided). */
  async withdrawPendingOf(tx: EntityManager, staffId: number): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(OrganisationClaim)
      .set({ status: OrganisationClaimStatus.WITHDRAWN, decidedAt: new Date() })
      .where('staff_id = :staffId AND status = :pending', {
        staffId,
        pending: OrganisationClaimStatus.PENDING,
      })
      .execute();
  }
}
