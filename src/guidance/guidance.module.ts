import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { GuidanceAcceptance, GuidanceDocument } from './guidance-document.entity';
import { GuidancePersonalData } from './guidance.personal-data';
import { GuidanceGraceSweep } from './guidance-grace.sweep';
import { GuidanceResolver } from './guidance.resolver';
import { GuidanceService } from './guidance.service';
import { ListingMaintainer } from './listing.derived';

@Module({
  imports: [
    TypeOrmModule.forFeature([GuidanceDocument, GuidanceAcceptance]),
    StaffModule,
    AuditModule,
  ],
  providers: [
    GuidanceService,
    GuidanceResolver,
    ListingMaintainer,
    GuidancePersonalData,
    GuidanceGraceSweep,
  ],
  exports: [GuidanceService, GuidanceGraceSweep],
})
export class GuidanceModule {}
