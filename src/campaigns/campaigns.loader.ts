import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { CampaignsService } from './campaigns.service';

export interface CampaignLoaders {
  /** Whether the viewer takes part in each campaign. */
  joinedBy(viewerId: number): DataLoader<number, boolean>;
  participantCount: DataLoader<number, number>;
}

declare module '../common/loaders/loaders' {
  interface Loaders {
    campaigns: CampaignLoaders;
  }
}

@Injectable()
export class CampaignsLoaders {
  constructor(
    registry: LoaderRegistry,
    private readonly campaigns: CampaignsService,
  ) {
    registry.add('campaigns', () => this.create());
  }

  private create(): CampaignLoaders {
    const byViewer = new Map<number, DataLoader<number, boolean>>();
    return {
      joinedBy: (viewerId) => {
        let loader = byViewer.get(viewerId);
        if (!loader) {
          loader = new DataLoader(async (ids: readonly number[]) => {
            const joined = await this.campaigns.joinedBy(viewerId, ids);
            return ids.map((id) => joined.has(id));
          });
          byViewer.set(viewerId, loader);
        }
        return loader;
      },
      participantCount: new DataLoader(async (ids: readonly number[]) => {
        const counts = await this.campaigns.participantCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
    };
  }
}
