import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { AuditRepository } from './audit.repository';

/**
 * Audit entries by or about a person. The log is append-only, and entries name people only by
 * id, so erasure does not edit it: it maps the person's id to the erasure's anonymous
 * reference in audit_erasures, which the audit log shows in the person's place.
 */
@Injectable()
export class AuditPersonalData {
  constructor(registry: PersonalData, audit: AuditRepository) {
    registry.register({
      owner: 'audit',
      tables: ['audit_log', 'audit_erasures'],
      section: 'audit',
      export: async (tx, staffId) =>
        (await audit.ofPerson(tx, staffId)).map((e) => ({
          at: e.at,
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId,
          byThem: e.actorId === staffId,
        })),
      erase: (tx, { staffId, anonymousReference, at }) =>
        audit.rememberErasure(tx, staffId, anonymousReference, at),
    });
  }
}
