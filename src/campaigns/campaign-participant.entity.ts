import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person taking part in a campaign. */
@Entity('campaign_participants')
@Index('IDX_campaign_participants_staff', ['staffId', 'campaignId'])
export class CampaignParticipant {
  @PrimaryColumn({ name: 'campaign_id', type: 'integer' })
  campaignId: number;

  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'joined_at', type: Date })
  joinedAt: Date;
}
