import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description:
    'A version of an organisation’s social media guidance for staff (or the NHS-wide guidance ' +
    'for people whose organisation has none). A new version asks everyone to accept again.',
})
@Entity('guidance_documents')
export class GuidanceDocument {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Null for NHS-wide guidance. */
  @Column({ name: 'organisation_id', type: 'integer', nullable: true })
  organisationId: number | null;

  /** organisation_id, or 0 for NHS-wide: unique with version. */
  @Column({ name: 'scope_key', type: 'integer' })
  scopeKey: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field({ description: 'Where the full guidance is published.' })
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: 'What changed since the previous version, in the publisher’s words.',
  })
  @Column({ name: 'what_changed', type: 'text', nullable: true })
  whatChanged: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Until when people who had accepted an earlier version (or, for a first version, ' +
      'everyone) stay listed while being asked to accept this one (GUIDANCE_GRACE_DAYS after ' +
      'publication); null: no grace period.',
  })
  @Column({ name: 'grace_ends_at', type: Date, nullable: true })
  graceEndsAt: Date | null;

  /** Whether the sweep has re-applied the listing rule since the grace period ended. */
  @Column({ name: 'grace_swept', type: 'boolean', default: false })
  graceSwept: boolean;

  @Column({ name: 'published_by_id', type: 'integer', nullable: true })
  publishedById: number | null;

  @Field()
  @CreateDateColumn({ name: 'published_at' })
  publishedAt: Date;

  @Field({ description: 'True for the NHS-wide guidance, false for an organisation’s own.' })
  get nhsWide(): boolean {
    return this.organisationId === null;
  }
}

@Entity('guidance_acceptances')
export class GuidanceAcceptance {
  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @PrimaryColumn({ name: 'guidance_id', type: 'integer' })
  guidanceId: number;

  @CreateDateColumn({ name: 'accepted_at' })
  acceptedAt: Date;
}
