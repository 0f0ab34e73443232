import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricImport } from './metric-import.entity';
import { MetricSnapshot } from './metric-snapshot.entity';

@Module({
  imports: [TypeOrmModule.forFeature([MetricSnapshot, MetricImport])],
})
export class MetricsModule {}
