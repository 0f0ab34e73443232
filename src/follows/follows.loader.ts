import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { FollowStats } from './follows.repository';
import { FollowRelation, FollowsService } from './follows.service';

export interface FollowLoaders {
  statsByStaffId: DataLoader<number, FollowStats | null>;
  /**
   * Whether the viewer follows each person and whether each follows the viewer, keyed by the
   * person's id: both fields of a page's cards in one batch.
   */
  relations(viewerId: number): DataLoader<number, FollowRelation>;
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
      relations: memo(
        (viewerId) => new DataLoader((ids) => this.follows.relationsWith(viewerId, ids)),
      ),
    };
  }
}
