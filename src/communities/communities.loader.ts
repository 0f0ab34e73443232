import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { keyedLoader } from '../common/loaders/keyed-loader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { CommunitiesService } from './communities.service';
import { CommunityMembership } from './community-membership.entity';
import { Community } from './community.entity';

export interface CommunityLoaders {
  communityById: DataLoader<number, Community | null>;
  membershipsByStaffId: DataLoader<number, CommunityMembership[]>;
  /** The signed-in person's membership of a community, keyed by community id. */
  viewerMembership(viewerId: number): DataLoader<number, CommunityMembership | null>;
}

declare module '../common/loaders/loaders' {
  interface Loaders {
    communities: CommunityLoaders;
  }
}

@Injectable()
export class CommunitiesLoaders {
  constructor(
    registry: LoaderRegistry,
    private readonly communities: CommunitiesService,
  ) {
    registry.add('communities', () => this.create());
  }

  private create(): CommunityLoaders {
    const perViewer = new Map<number, DataLoader<number, CommunityMembership | null>>();
    return {
      communityById: keyedLoader((ids) => this.communities.findByIds(ids)),
      membershipsByStaffId: new DataLoader((ids) => this.communities.membershipsOf(ids)),
      viewerMembership: (viewerId) => {
        let loader = perViewer.get(viewerId);
        if (!loader) {
          loader = new DataLoader((ids) => this.communities.membershipsOfViewer(viewerId, ids));
          perViewer.set(viewerId, loader);
        }
        return loader;
      },
    };
  }
}
