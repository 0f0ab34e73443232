import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { SocialAccountsService } from './social-accounts.service';

/** A person's registered accounts; erasing them frees the handles for anyone. */
@Injectable()
export class SocialAccountsPersonalData {
  constructor(registry: PersonalData, accounts: SocialAccountsService) {
    registry.register({
      owner: 'social-accounts',
      tables: ['social_accounts'],
      section: 'socialAccounts',
      export: (tx, staffId) => accounts.exportOf(tx, staffId),
      erase: (tx, { staffId }) => accounts.eraseAllOf(tx, staffId),
    });
  }
}
