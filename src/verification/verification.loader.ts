import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { keyedLoader } from '../common/loaders/keyed-loader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { VerificationRequest } from './verification-request.entity';
import { VerificationService } from './verification.service';

declare module '../common/loaders/loaders' {
  interface Loaders {
    /** An account by id, whoever owns it: resolvers decide who may see it. */
    socialAccountById: DataLoader<number, SocialAccount | null>;
    latestVerificationRequestByAccountId: DataLoader<number, VerificationRequest | null>;
  }
}

@Injectable()
export class VerificationLoaders {
  constructor(
    registry: LoaderRegistry,
    accounts: SocialAccountsService,
    verification: VerificationService,
  ) {
    registry.add('socialAccountById', () => keyedLoader((ids) => accounts.findByIds(ids)));
    registry.add(
      'latestVerificationRequestByAccountId',
      () => new DataLoader((ids) => verification.latestByAccountIds(ids)),
    );
  }
}
