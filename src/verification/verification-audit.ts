import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';

/** One administrative action of verification, official accounts or moderation. */
export interface VerificationAuditEntry {
  actorId: number;
  action:
    | 'verification.verify'
    | 'verification.reject'
    | 'officialAccount.register'
    | 'officialAccount.remove'
    | 'handle.reassign'
    | 'listingReport.resolve';
  subjectType: 'social_account' | 'official_account' | 'listing_report';
  subjectId: number;
  organisationId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Where this feature's administrative actions are recorded: the audit log, in the same
 * transaction as the change (an entry exists exactly when its change committed).
 */
@Injectable()
export class VerificationAudit {
  constructor(private readonly audit: AuditService) {}

  record(tx: EntityManager, entry: VerificationAuditEntry): Promise<void> {
    return this.audit.record(tx, {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.subjectType,
      targetId: entry.subjectId,
      organisationId: entry.organisationId,
      before: entry.before,
      after: entry.after,
    });
  }
}
