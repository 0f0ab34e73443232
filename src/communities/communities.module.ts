import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { StaffModule } from '../staff/staff.module';
import { CommunitiesLoaders } from './communities.loader';
import { CommunitiesPersonalData } from './communities.personal-data';
import { CommunitiesRepository } from './communities.repository';
import {
  CommunitiesResolver,
  CommunityMembershipResolver,
  StaffCommunitiesResolver,
} from './communities.resolver';
import { CommunitiesService } from './communities.service';
import { CommunityMembership } from './community-membership.entity';
import { Community } from './community.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Community, CommunityMembership]),
    StaffModule,
    OrganisationsModule,
    AuditModule,
  ],
  providers: [
    CommunitiesRepository,
    CommunitiesService,
    CommunitiesLoaders,
    CommunitiesPersonalData,
    CommunitiesResolver,
    CommunityMembershipResolver,
    StaffCommunitiesResolver,
  ],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}
