import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MetricsModule } from '../metrics/metrics.module';
import { CampaignActivity } from './campaign-activity.entity';
import { CampaignActivityController } from './campaign-activity.controller';
import { CampaignParticipant } from './campaign-participant.entity';
import { Campaign } from './campaign.entity';
import { CampaignsLoaders } from './campaigns.loader';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Campaign, CampaignParticipant, CampaignActivity]),
    MetricsModule,
    AuditModule,
  ],
  controllers: [CampaignActivityController],
  providers: [CampaignsRepository, CampaignsService, CampaignsLoaders, CampaignsResolver],
  exports: [CampaignsService],
})
export class CampaignsModule {}
