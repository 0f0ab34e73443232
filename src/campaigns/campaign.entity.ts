import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A campaign (a social media week, a trust hashtag): its own dates and its own leaderboard. */
@ObjectType({ description: 'A campaign with a hashtag and dates, and its own leaderboard.' })
@Entity('campaigns')
@Index('IDX_campaigns_starts_on', ['startsOn', 'id'])
export class Campaign {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Field({ description: 'With its #, e.g. #NHSSocialMediaWeek.' })
  @Column({ type: 'varchar', length: 100 })
  hashtag: string;

  @Field({ description: 'First Europe/London day of the campaign, YYYY-MM-DD.' })
  @Column({ name: 'starts_on', type: 'varchar', length: 10 })
  startsOn: string;

  @Field({ description: 'Last Europe/London day of the campaign (inclusive), YYYY-MM-DD.' })
  @Column({ name: 'ends_on', type: 'varchar', length: 10 })
  endsOn: string;

  /** Null: NHS-wide. */
  @Index('IDX_campaigns_organisation')
  @Column({ name: 'organisation_id', type: 'integer', nullable: true })
  organisationId: number | null;

  @Column({ name: 'created_by_staff_id', type: 'integer' })
  createdByStaffId: number;

  @Field()
  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
