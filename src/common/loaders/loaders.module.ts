import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { SocialAccountsModule } from '../../social-accounts/social-accounts.module';
import { StaffModule } from '../../staff/staff.module';
import { LoadersFactory } from './loaders';

@Module({
  imports: [StaffModule, OrganisationsModule, SocialAccountsModule],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class LoadersModule {}
