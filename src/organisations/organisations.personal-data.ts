import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';

/** Organisations, sites and departments are reference data: nobody's personal data. */
@Injectable()
export class OrganisationsPersonalData {
  constructor(registry: PersonalData) {
    registry.impersonal('organisations', ['organisations', 'sites', 'departments']);
  }
}
