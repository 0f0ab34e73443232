import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A suggestion someone waved away: never suggested to them again. */
@Entity('follow_suggestion_dismissals')
export class FollowSuggestionDismissal {
  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @PrimaryColumn({ name: 'dismissed_id', type: 'integer' })
  dismissedId: number;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
