import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryIndexModule } from '../directory/directory-index.module';
import { SocialAccount } from './social-account.entity';
import { SocialAccountsResolver } from './social-accounts.resolver';
import { SocialAccountsService } from './social-accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([SocialAccount]), DirectoryIndexModule],
  providers: [SocialAccountsService, SocialAccountsResolver],
  exports: [SocialAccountsService],
})
export class SocialAccountsModule {}
