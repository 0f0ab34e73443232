import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { IdentityService } from './identity.service';

/** Identity keeps no data of its own about a person, only the erasure's tombstone. */
@Injectable()
export class IdentityPersonalData {
  constructor(registry: PersonalData, identity: IdentityService) {
    registry.register({
      owner: 'identity',
      tables: ['erased_identities'],
      erase: (tx, erasure) => identity.rememberErasure(tx, erasure),
      sweep: (tx, now) => identity.forgetOldErasures(tx, now),
    });
  }
}
