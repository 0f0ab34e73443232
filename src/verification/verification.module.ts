import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { StaffModule } from '../staff/staff.module';
import { ListingReport } from './listing-report.entity';
import { ListingReportsResolver } from './listing-reports.resolver';
import { ListingReportsService } from './listing-reports.service';
import { OfficialAccount } from './official-account.entity';
import { OfficialAccountsResolver } from './official-accounts.resolver';
import { OfficialAccountsService } from './official-accounts.service';
import { PublicCheckService } from './public-check.service';
import { VerificationAudit } from './verification-audit';
import { VerificationRequest } from './verification-request.entity';
import { VerificationRequestsDerived } from './verification-requests.derived';
import { VerificationLoaders } from './verification.loader';
import { VerificationRepository } from './verification.repository';
import { SocialAccountVerificationResolver, VerificationResolver } from './verification.resolver';
import { VerificationService } from './verification.service';
import { VerificationPersonalData } from './verification.personal-data';
import { VerifyController } from './verify.controller';

/** Verification, official accounts, the public check and moderation (docs/verification.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([VerificationRequest, OfficialAccount, ListingReport]),
    AuditModule,
    OrganisationsModule,
    SocialAccountsModule,
    StaffModule,
  ],
  controllers: [VerifyController],
  providers: [
    VerificationPersonalData,
    VerificationAudit,
    VerificationRepository,
    VerificationService,
    OfficialAccountsService,
    ListingReportsService,
    PublicCheckService,
    VerificationLoaders,
    VerificationRequestsDerived,
    VerificationResolver,
    SocialAccountVerificationResolver,
    OfficialAccountsResolver,
    ListingReportsResolver,
  ],
  exports: [VerificationService, OfficialAccountsService],
})
export class VerificationModule {}
