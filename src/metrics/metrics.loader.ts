import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { addDays, londonDay } from './london-day';
import { MetricSnapshot } from './metric-snapshot.entity';
import { MetricsService } from './metrics.service';

declare module '../common/loaders/loaders' {
  interface Loaders {
    latestFiguresByAccountId: DataLoader<number, MetricSnapshot | null>;
    /** An account's figures over its last `days` days (one per day), oldest first. */
    figureHistoryByAccountId: DataLoader<FigureHistoryKey, MetricSnapshot[], string>;
  }
}

export interface FigureHistoryKey {
  accountId: number;
  days: number;
}

@Injectable()
export class MetricsLoaders {
  constructor(registry: LoaderRegistry, metrics: MetricsService) {
    registry.add(
      'latestFiguresByAccountId',
      () => new DataLoader((ids: readonly number[]) => metrics.latestByAccountIds(ids)),
    );
    // one statement per distinct `days` asked for in the request (a page asks one)
    registry.add(
      'figureHistoryByAccountId',
      () =>
        new DataLoader(
          async (keys: readonly FigureHistoryKey[]) => {
            const today = londonDay();
            const answers = new Map<string, MetricSnapshot[]>();
            for (const days of new Set(keys.map((k) => k.days))) {
              const ids = keys.filter((k) => k.days === days).map((k) => k.accountId);
              const history = await metrics.historyByAccountIds(ids, addDays(today, 1 - days));
              ids.forEach((id, i) => answers.set(`${days}:${id}`, history[i]));
            }
            return keys.map((k) => answers.get(`${k.days}:${k.accountId}`) ?? []);
          },
          { cacheKeyFn: (k) => `${k.days}:${k.accountId}` },
        ),
    );
  }
}
