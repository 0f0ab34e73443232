import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { LeaverSweep } from './leaver-sweep';
import { PrivacyController } from './privacy.controller';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

/** Export and erasure over every feature that registered with PersonalData (docs/privacy.md). */
@Module({
  imports: [StaffModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, PrivacyResolver, LeaverSweep],
  exports: [PrivacyService],
})
export class PrivacyModule {}
