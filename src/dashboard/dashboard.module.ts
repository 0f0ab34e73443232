import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { StaffModule } from '../staff/staff.module';
import { AdvocatesExportController } from './advocates-export.controller';
import { AdvocatesExportService } from './advocates-export.service';
import { DashboardSnapshot } from './dashboard-snapshot.entity';
import { DashboardPersonalData } from './dashboard.personal-data';
import { DashboardRepository } from './dashboard.repository';
import { AdvocateResolver, DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** The comms dashboard (daily adoption snapshots, campaign results, top advocates) and the advocates export. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DashboardSnapshot]),
    AuditModule,
    LeaderboardModule,
    StaffModule,
    OrganisationsModule,
  ],
  providers: [
    DashboardPersonalData,
    DashboardRepository,
    DashboardService,
    DashboardResolver,
    AdvocateResolver,
    AdvocatesExportService,
  ],
  controllers: [AdvocatesExportController],
  exports: [DashboardService],
})
export class DashboardModule {}
