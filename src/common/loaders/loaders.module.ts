import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { SocialAccountsModule } from '../../social-accounts/social-accounts.module';
import { StaffModule } from '../../staff/staff.module';
import { LoadersFactory } from './loaders';
import { CommunitiesModule } from '../../communities/communities.module';
import { FollowsModule } from '../../follows/follows.module';
import { LeadersModule } from '../../leaders/leaders.module';

@Module({
  imports: [
    StaffModule,
    OrganisationsModule,
    SocialAccountsModule,
    CommunitiesModule,
    LeadersModule,
    FollowsModule,
  ],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class LoadersModule {}
