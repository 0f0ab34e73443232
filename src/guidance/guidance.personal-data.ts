import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { GuidanceService } from './guidance.service';

/** Acceptances of guidance, and who published a version (guidance_documents.published_by_id). */
@Injectable()
export class GuidancePersonalData {
  constructor(registry: PersonalData, guidance: GuidanceService) {
    registry.register({
      owner: 'guidance',
      tables: ['guidance_acceptances', 'guidance_documents'],
      section: 'guidance',
      export: (tx, staffId) => guidance.exportOf(tx, staffId),
      erase: (tx, { staffId }) => guidance.eraseOf(tx, staffId),
    });
  }
}
