import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SocialAccount } from './social-account.entity';
import { SocialAccountsLoaders } from './social-accounts.loader';
import { SocialAccountsPersonalData } from './social-accounts.personal-data';
import { SocialAccountsResolver } from './social-accounts.resolver';
import { SocialAccountsService } from './social-accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([SocialAccount])],
  providers: [
    SocialAccountsService,
    SocialAccountsLoaders,
    SocialAccountsResolver,
    SocialAccountsPersonalData,
  ],
  exports: [SocialAccountsService],
})
export class SocialAccountsModule {}
