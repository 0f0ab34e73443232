import { Injectable } from '@nestjs/common';
import { DerivedState } from '../database/derived-state';
import '../social-accounts/social-account.changes';
import { VerificationRepository } from './verification.repository';

/**
 * A request is about one handle: when an account's handle changes (or it goes), its pending or
 * granted requests are withdrawn in the same transaction. The account's own status is reset by
 * its owner (SocialAccountsService.update) in that write.
 */
@Injectable()
export class VerificationRequestsDerived {
  constructor(derived: DerivedState, repository: VerificationRepository) {
    derived.on('social-accounts', 'verification requests', (tx, changes) =>
      repository.withdrawStale(tx, [...new Set(changes.map((c) => c.accountId))]),
    );
  }
}
