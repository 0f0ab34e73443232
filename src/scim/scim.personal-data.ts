import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { ScimProfilesService } from './scim-profiles.service';

/** What Entra provisioning sent beyond the staff record (names, e-mails, department). */
@Injectable()
export class ScimPersonalData {
  constructor(registry: PersonalData, profiles: ScimProfilesService) {
    registry.register({
      owner: 'scim',
      tables: ['scim_profiles'],
      section: 'provisioning',
      export: (tx, staffId) => profiles.exportOf(tx, staffId),
      erase: (tx, { staffId }) => profiles.eraseOf(tx, staffId),
    });
  }
}
