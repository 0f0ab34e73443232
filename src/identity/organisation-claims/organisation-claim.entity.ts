import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OrganisationClaimStatus {
  /** Waiting for the organisation's communications team: grants nothing yet. */
  PENDING = 'PENDING',
  /** Confirmed: the person's organisation is now this one, and trusted. */
  CONFIRMED = 'CONFIRMED',
  /** Refused, with a reason the person reads. */
  REFUSED = 'REFUSED',
  /** The person claimed another organisation (or provisioning set one) before a decision. */
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(OrganisationClaimStatus, { name: 'OrganisationClaimStatus' });

/**
 * A person says they work for an organisation that neither provisioning nor the tenant map
 * decides (NHSmail is one tenant for the whole NHS). Until its communications team confirms it,
 * the person's organisation stays unset: no organisation-only visibility, no admin power.
 */
@ObjectType({ description: 'A self-chosen organisation, waiting for (or given) its confirmation.' })
@Entity('organisation_claims')
export class OrganisationClaim {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'organisation_id', type: 'integer' })
  organisationId: number;

  @Column({ name: 'site_id', type: 'integer', nullable: true })
  siteId: number | null;

  @Column({ name: 'department_id', type: 'integer', nullable: true })
  departmentId: number | null;

  @Field(() => OrganisationClaimStatus)
  @Column({ type: 'varchar', length: 16, default: OrganisationClaimStatus.PENDING })
  status: OrganisationClaimStatus;

  @Field(() => String, { nullable: true, description: 'Why it was refused.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by_id', type: 'integer', nullable: true })
  decidedById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
