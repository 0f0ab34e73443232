import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignActivity } from './campaign-activity.entity';
import { CampaignParticipant } from './campaign-participant.entity';
import { Campaign } from './campaign.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Campaign, CampaignParticipant, CampaignActivity])],
})
export class CampaignsModule {}
