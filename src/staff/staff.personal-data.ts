import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { StaffService } from './staff.service';

/** The staff record itself: exported first, erased last (everything else refers to it). */
@Injectable()
export class StaffPersonalData {
  constructor(registry: PersonalData, staff: StaffService) {
    registry.register({
      owner: 'staff',
      tables: ['staff_members'],
      section: 'profile',
      stage: 'record',
      export: async (tx, staffId) => {
        const person = await staff.findForExport(tx, staffId);
        if (!person) return null;
        const { searchText: _derived, ...held } = person;
        return held;
      },
      erase: (tx, { staffId }) => staff.erase(tx, staffId),
    });
  }
}
