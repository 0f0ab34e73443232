import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One administrative action of verification, official accounts or moderation. */
export interface VerificationAuditEntry {
  actorId: number;
  action:
    | 'verification.verify'
    | 'verification.reject'
    | 'official-account.register'
    | 'official-account.remove'
    | 'handle.reassign'
    | 'listing-report.resolve';
  subjectType: 'social_account' | 'official_account' | 'listing_report';
  subjectId: number;
  organisationId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Where this feature's administrative actions are recorded, in the same transaction as the
 * change. Delegates to the audit log (AuditService.record) once it exists in this branch.
 */
@Injectable()
export class VerificationAudit {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- until AuditService is merged
  async record(tx: EntityManager, entry: VerificationAuditEntry): Promise<void> {}
}
