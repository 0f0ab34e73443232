import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { MetricImport } from './metric-import.entity';
import { MetricImportsController } from './metric-imports.controller';
import { MetricImportsService } from './metric-imports.service';
import { MetricSnapshot } from './metric-snapshot.entity';
import { MetricsFetchers } from './metrics-fetcher';
import { MetricsLoaders } from './metrics.loader';
import { MetricsRepository } from './metrics.repository';
import { MetricsResolver } from './metrics.resolver';
import { MetricsService } from './metrics.service';

@Module({
  imports: [TypeOrmModule.forFeature([MetricSnapshot, MetricImport]), SocialAccountsModule],
  controllers: [MetricImportsController],
  providers: [
    MetricsRepository,
    MetricImportsService,
    MetricsService,
    MetricsFetchers,
    MetricsLoaders,
    MetricsResolver,
  ],
  exports: [MetricsService, MetricImportsService, MetricsFetchers],
})
export class MetricsModule {}
