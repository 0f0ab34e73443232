import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { Leader } from './leader.entity';
import { LeadersService } from './leaders.service';

declare module '../common/loaders/loaders' {
  interface Loaders {
    leaderByStaffId: DataLoader<number, Leader | null>;
  }
}

@Injectable()
export class LeadersLoaders {
  constructor(registry: LoaderRegistry, leaders: LeadersService) {
    registry.add('leaderByStaffId', () => new DataLoader((ids) => leaders.byStaffIds(ids)));
  }
}
