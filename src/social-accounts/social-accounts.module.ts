import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HandleReservations } from './handle-reservations';
import { SocialAccount } from './social-account.entity';
import { SocialAccountsLoaders } from './social-accounts.loader';
import { SocialAccountsPersonalData } from './social-accounts.personal-data';
import { SocialAccountsResolver } from './social-accounts.resolver';
import { SocialAccountsService } from './social-accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([SocialAccount])],
  providers: [
    HandleReservations,
    SocialAccountsService,
    SocialAccountsLoaders,
    SocialAccountsResolver,
    SocialAccountsPersonalData,
  ],
  exports: [SocialAccountsService, HandleReservations],
})
export class SocialAccountsModule {}
