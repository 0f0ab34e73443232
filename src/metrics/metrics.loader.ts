import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { MetricSnapshot } from './metric-snapshot.entity';
import { MetricsService } from './metrics.service';

declare module '../common/loaders/loaders' {
  interface Loaders {
    latestFiguresByAccountId: DataLoader<number, MetricSnapshot | null>;
  }
}

@Injectable()
export class MetricsLoaders {
  constructor(registry: LoaderRegistry, metrics: MetricsService) {
    registry.add(
      'latestFiguresByAccountId',
      () => new DataLoader((ids: readonly number[]) => metrics.latestByAccountIds(ids)),
    );
  }
}
