import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One person following another inside the directory. */
@Entity('follows')
export class Follow {
  @PrimaryColumn({ name: 'follower_id', type: 'integer' })
  followerId: number;

  @PrimaryColumn({ name: 'followee_id', type: 'integer' })
  followeeId: number;

  // written by the repository with millisecond precision, so keyset cursors round-trip exactly
  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
