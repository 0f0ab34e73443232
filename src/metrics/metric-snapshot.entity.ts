import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a day's figures came from. */
export enum MetricSource {
  IMPORT = 'IMPORT',
  SELF_REPORTED = 'SELF_REPORTED',
  FETCHED = 'FETCHED',
}

registerEnumType(MetricSource, {
  name: 'MetricSource',
  description: 'Where a day’s figures came from.',
  valuesMap: {
    IMPORT: { description: 'A CSV import by the communications team.' },
    SELF_REPORTED: { description: 'Reported by the account’s owner: not checked by anyone.' },
    FETCHED: { description: 'Read from the platform by a fetcher.' },
  },
});

/**
 * One account's figures for one Europe/London calendar day (`day`, 'YYYY-MM-DD') from one
 * source. Written only by MetricsService; every write touches the 'metrics' topic. A person's
 * figures are found through their accounts (the primary key starts with the account): `staffId`
 * is the account's owner, kept on the row for the re-scoring's join, and has no index of its own.
 */
@ObjectType({ description: 'An account’s figures on one day, from one source.' })
@Entity('metric_snapshots')
export class MetricSnapshot {
  @PrimaryColumn({ name: 'social_account_id', type: 'integer' })
  socialAccountId: number;

  @Field({ description: 'The Europe/London calendar day, YYYY-MM-DD.' })
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Field(() => MetricSource)
  @PrimaryColumn({ type: 'varchar', length: 16 })
  source: MetricSource;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  followers: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  following: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  posts: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  engagements: number | null;

  @Column({ name: 'import_id', type: 'integer', nullable: true })
  importId: number | null;

  @Field()
  @Column({ name: 'recorded_at', type: Date })
  recordedAt: Date;
}
