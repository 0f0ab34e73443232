import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { SocialAccount } from './social-account.entity';
import { SocialAccountsService } from './social-accounts.service';

declare module '../common/loaders/loaders' {
  interface Loaders {
    /** Every account of a person; resolvers filter by who may see each. */
    accountsByStaffId: DataLoader<number, SocialAccount[]>;
  }
}

@Injectable()
export class SocialAccountsLoaders {
  constructor(registry: LoaderRegistry, accounts: SocialAccountsService) {
    registry.add('accountsByStaffId', () => new DataLoader((ids) => accounts.findByStaffIds(ids)));
  }
}
