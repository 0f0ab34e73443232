import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { Leader } from './leader.entity';
import { LeadersLoaders } from './leaders.loader';
import { LeadersPersonalData } from './leaders.personal-data';
import { LeadersRepository } from './leaders.repository';
import { LeadersResolver, StaffLeaderResolver } from './leaders.resolver';
import { LeadersService } from './leaders.service';

@Module({
  imports: [TypeOrmModule.forFeature([Leader]), StaffModule, AuditModule],
  providers: [
    LeadersRepository,
    LeadersService,
    LeadersLoaders,
    LeadersPersonalData,
    LeadersResolver,
    StaffLeaderResolver,
  ],
  exports: [LeadersService],
})
export class LeadersModule {}
