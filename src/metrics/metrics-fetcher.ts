import { Injectable } from '@nestjs/common';
import { Platform } from '../social-accounts/platforms/platform';

/** What a platform's API says about an account today. */
export interface FetchedFigures {
  followers: number;
  following?: number | null;
  posts?: number | null;
  engagements?: number | null;
}

/**
 * A platform's API client, added later without touching the rest: implement this, and register
 * an instance with MetricsFetchers (a provider calling `fetchers.register(new MyFetcher())` in
 * its constructor). MetricsService.fetch records what it answers as FETCHED snapshots. None is
 * bundled: every platform's API needs its own agreement and credentials.
 */
export interface MetricsFetcher {
  readonly platform: Platform;
  /** Today's figures for a canonical handle, or null when the platform does not know it. */
  fetch(handle: string, url: string): Promise<FetchedFigures | null>;
}

/** The registered fetchers, one per platform at most. */
@Injectable()
export class MetricsFetchers {
  private readonly byPlatform = new Map<Platform, MetricsFetcher>();

  register(fetcher: MetricsFetcher): void {
    if (this.byPlatform.has(fetcher.platform)) {
      throw new Error(`A metrics fetcher for ${fetcher.platform} is already registered`);
    }
    this.byPlatform.set(fetcher.platform, fetcher);
  }

  for(platform: Platform): MetricsFetcher | undefined {
    return this.byPlatform.get(platform);
  }

  get platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }
}
