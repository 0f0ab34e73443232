import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { keyedLoader } from '../common/loaders/keyed-loader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { StaffMember } from './staff-member.entity';
import { StaffService } from './staff.service';

declare module '../common/loaders/loaders' {
  interface Loaders {
    staffById: DataLoader<number, StaffMember | null>;
  }
}

@Injectable()
export class StaffLoaders {
  constructor(registry: LoaderRegistry, staff: StaffService) {
    registry.add('staffById', () => keyedLoader((ids) => staff.findByIds(ids)));
  }
}
