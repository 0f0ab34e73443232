import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who made a change: a signed-in person, or provisioning (SCIM), or the system itself. */
export enum AuditActorKind {
  PERSON = 'PERSON',
  SCIM = 'SCIM',
  SYSTEM = 'SYSTEM',
}
registerEnumType(AuditActorKind, { name: 'AuditActorKind' });

/**
 * One administrative action, written in the same transaction as the change (AuditService.record).
 * Append-only: no operation edits or deletes an entry, and a trigger refuses UPDATE and DELETE.
 */
@ObjectType({
  description: 'One recorded administrative action: who, what, when, before and after.',
})
@Entity('audit_log')
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'When the change was made.' })
  @Column({ type: Date })
  at: Date;

  /** The person who acted (an id only: an erased person leaves an anonymous reference). */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  @Field(() => AuditActorKind)
  @Column({ name: 'actor_kind', type: 'varchar', length: 16, default: AuditActorKind.PERSON })
  actorKind: AuditActorKind;

  @Field({ description: 'What was done, e.g. organisationClaim.confirm, community.update.' })
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field({ description: 'The kind of thing changed, e.g. staff, community, guidance, leader.' })
  @Column({ name: 'target_type', type: 'varchar', length: 64 })
  targetType: string;

  @Field(() => String, { nullable: true, description: 'The id of the thing changed.' })
  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** The organisation the change belongs to (null: NHS-wide). */
  @Column({ name: 'organisation_id', type: 'integer', nullable: true })
  organisationId: number | null;

  @Field(() => String, { nullable: true, description: 'What it was before, as JSON.' })
  @Column({ name: 'before_json', type: 'text', nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'What it became, as JSON.' })
  @Column({ name: 'after_json', type: 'text', nullable: true })
  after: string | null;
}
