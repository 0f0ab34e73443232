import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';

/** The dashboard's snapshots are counts of groups of people: nobody's personal data. */
@Injectable()
export class DashboardPersonalData {
  constructor(registry: PersonalData) {
    registry.impersonal('dashboard', ['dashboard_snapshots']);
  }
}
