import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { FollowStats } from './follows.repository';
import { FollowsService } from './follows.service';

export interface FollowLoaders {
  statsByStaffId: DataLoader<number, FollowStats | null>;
  /** Whether the viewer follows each person, keyed by the person's id. */
  viewerFollows(viewerId: number): DataLoader<number, boolean>;
  /** Whether each person follows the viewer. */
  followsViewer(viewerId: number): DataLoader<number, boolean>;
}

declare module '../common/loaders/loaders' {
  interface Loaders {
    follows: FollowLoaders;
  }
}

@Injectable()
export class FollowsLoaders {
  constructor(
    registry: LoaderRegistry,
    private readonly follows: FollowsService,
  ) {
    registry.add('follows', () => this.create());
  }

  private create(): FollowLoaders {
    const memo = <T>(build: (viewerId: number) => DataLoader<number, T>) => {
      const loaders = new Map<number, DataLoader<number, T>>();
      return (viewerId: number) => {
        if (!loaders.has(viewerId)) loaders.set(viewerId, build(viewerId));
        return loaders.get(viewerId)!;
      };
    };
    return {
      statsByStaffId: new DataLoader((ids) => this.follows.statsByIds(ids)),
      viewerFollows: memo(
        (viewerId) => new DataLoader((ids) => this.follows.followedBy(viewerId, ids)),
      ),
      followsViewer: memo(
        (viewerId) => new DataLoader((ids) => this.follows.followersOf(viewerId, ids)),
      ),
    };
  }
}
