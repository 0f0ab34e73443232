import { Injectable } from '@nestjs/common';
import { PersonalData } from '../../database/personal-data';
import { deleteRowsOf, rowsOf } from '../../database/personal-rows';

/** A person's claims to belong to an organisation (decided_by_id of others' is an id only). */
@Injectable()
export class OrganisationClaimsPersonalData {
  constructor(registry: PersonalData) {
    registry.register({
      owner: 'organisation-claims',
      tables: ['organisation_claims'],
      section: 'organisationClaims',
      export: async (tx, staffId) =>
        (await rowsOf(tx, 'organisation_claims', 'staff_id', staffId)).map((c) => ({
          id: c.id,
          organisationId: c.organisation_id,
          siteId: c.site_id,
          departmentId: c.department_id,
          status: c.status,
          reason: c.reason,
        })),
      erase: (tx, { staffId }) => deleteRowsOf(tx, 'organisation_claims', 'staff_id', staffId),
    });
  }
}
