import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person's follow counters and suggestions opt-out. Counters are derived from `follows` by
 * the follows feature's handler (follow-counters.ts), in the transaction that follows or
 * unfollows; a person with no row has no followers, follows nobody and may be suggested.
 */
@Entity('follow_stats')
export class FollowStatsRow {
  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'follower_count', type: 'integer', default: 0 })
  followerCount: number;

  @Column({ name: 'following_count', type: 'integer', default: 0 })
  followingCount: number;

  @Column({ type: 'boolean', default: true })
  suggestible: boolean;
}
