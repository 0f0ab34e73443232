import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { LeadersService } from './leaders.service';

/** A leader profile (title, statement) is the person's own. */
@Injectable()
export class LeadersPersonalData {
  constructor(registry: PersonalData, leaders: LeadersService) {
    registry.register({
      owner: 'leaders',
      tables: ['leaders'],
      section: 'leader',
      export: (tx, staffId) => leaders.exportOf(tx, staffId),
      erase: (tx, { staffId }) => leaders.eraseOf(tx, staffId),
    });
  }
}
