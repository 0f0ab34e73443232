import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffMember } from './staff-member.entity';
import { StaffReads } from './staff-reads';
import { StaffLoaders } from './staff.loader';
import { StaffPersonalData } from './staff.personal-data';
import { StaffRepository } from './staff.repository';
import { StaffResolver } from './staff.resolver';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMember])],
  providers: [
    StaffService,
    StaffReads,
    StaffRepository,
    StaffLoaders,
    StaffResolver,
    StaffPersonalData,
  ],
  exports: [StaffService],
})
export class StaffModule {}
