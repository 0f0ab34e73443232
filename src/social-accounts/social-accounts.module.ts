import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SocialAccount } from './social-account.entity';
import { SocialAccountsResolver } from './social-accounts.resolver';
import { SocialAccountsService } from './social-accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([SocialAccount])],
  providers: [SocialAccountsService, SocialAccountsResolver],
  exports: [SocialAccountsService],
})
export class SocialAccountsModule {}
