import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { deleteRowsOf, rowsOf } from '../database/personal-rows';

/**
 * A person's verification requests, the reports they made and the reports about them (which
 * go with their accounts). Official accounts are organisations', not a person's.
 */
@Injectable()
export class VerificationPersonalData {
  constructor(registry: PersonalData) {
    registry.register({
      owner: 'verification',
      tables: ['verification_requests', 'listing_reports'],
      section: 'verification',
      export: async (tx, staffId) => ({
        requests: (await rowsOf(tx, 'verification_requests', 'staff_id', staffId)).map((r) => ({
          id: r.id,
          accountId: r.account_id,
          status: r.status,
        })),
        reportsMade: (await rowsOf(tx, 'listing_reports', 'reporter_id', staffId)).map((r) => ({
          id: r.id,
          platform: r.platform,
          handle: r.handle,
          kind: r.kind,
          reason: r.reason,
          status: r.status,
        })),
      }),
      erase: async (tx, { staffId }) => {
        await deleteRowsOf(tx, 'verification_requests', 'staff_id', staffId);
        // reports they made and reports about their listing both go: a report made by an
        // erased person cannot be followed up, and its free text may name them
        await deleteRowsOf(tx, 'listing_reports', 'reporter_id', staffId);
        await deleteRowsOf(tx, 'listing_reports', 'subject_staff_id', staffId);
      },
    });
    registry.impersonal('verification', ['official_accounts']);
  }
}
