import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunitiesModule } from '../communities/communities.module';
import { LeadersModule } from '../leaders/leaders.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { StaffModule } from '../staff/staff.module';
import { FollowCounters } from './follow-counters.derived';
import { FollowStatsRow } from './follow-stats.entity';
import { FollowSuggestionDismissal } from './follow-suggestion-dismissal.entity';
import { FollowSuggestionsResolver } from './follow-suggestions.resolver';
import { FollowSuggestionsService } from './follow-suggestions.service';
import { Follow } from './follow.entity';
import { FollowPacksController } from './follow-packs.controller';
import { FollowPacksResolver } from './follow-packs.resolver';
import { FollowPacksService } from './follow-packs.service';
import { FollowsLoaders } from './follows.loader';
import { FollowsPersonalData } from './follows.personal-data';
import { FollowsRepository } from './follows.repository';
import { FollowsResolver } from './follows.resolver';
import { FollowsService } from './follows.service';
import { SocialAccountFollowUrlResolver } from './social-account-follow-url.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([Follow, FollowSuggestionDismissal, FollowStatsRow]),
    StaffModule,
    OrganisationsModule,
    SocialAccountsModule,
    CommunitiesModule,
    LeadersModule,
  ],
  controllers: [FollowPacksController],
  providers: [
    FollowsRepository,
    FollowCounters,
    FollowsService,
    FollowSuggestionsService,
    FollowPacksService,
    FollowsLoaders,
    FollowsPersonalData,
    FollowsResolver,
    FollowSuggestionsResolver,
    FollowPacksResolver,
    SocialAccountFollowUrlResolver,
  ],
  exports: [FollowsService],
})
export class FollowsModule {}
