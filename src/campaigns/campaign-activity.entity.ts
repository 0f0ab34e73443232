import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An account's activity for a campaign on one Europe/London day (posts with the campaign's
 * hashtag and their engagements), from a campaign activity import. Upserted on
 * (campaign_id, social_account_id, day).
 */
@Entity('campaign_activity')
@Index('IDX_campaign_activity_staff', ['campaignId', 'staffId', 'day'])
@Index('IDX_campaign_activity_account', ['socialAccountId'])
export class CampaignActivity {
  @PrimaryColumn({ name: 'campaign_id', type: 'integer' })
  campaignId: number;

  @PrimaryColumn({ name: 'social_account_id', type: 'integer' })
  socialAccountId: number;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ type: 'integer' })
  posts: number;

  @Column({ type: 'integer' })
  engagements: number;

  @Column({ name: 'import_id', type: 'integer', nullable: true })
  importId: number | null;
}
