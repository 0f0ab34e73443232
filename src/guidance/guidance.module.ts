import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff/staff.module';
import { GuidanceAcceptance, GuidanceDocument } from './guidance-document.entity';
import { GuidanceGraceSweep } from './guidance-grace.sweep';
import { GuidanceResolver } from './guidance.resolver';
import { GuidanceService } from './guidance.service';
import { ListingMaintainer } from './listing.derived';

@Module({
  imports: [TypeOrmModule.forFeature([GuidanceDocument, GuidanceAcceptance]), StaffModule],
  providers: [GuidanceService, GuidanceResolver, ListingMaintainer, GuidanceGraceSweep],
  exports: [GuidanceService, GuidanceGraceSweep],
})
export class GuidanceModule {}
