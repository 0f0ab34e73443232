import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { AuditActorKind, AuditEntry } from './audit-entry.entity';
import { AuditQuery, AuditRepository } from './audit.repository';

/** What happened, as a feature tells the audit log. */
export interface AuditRecord {
  /** The person who acted; null with `actorKind` SCIM or SYSTEM. */
  actorId: number | null;
  actorKind?: AuditActorKind;
  /** `<thing>.<verb>`, e.g. `organisationClaim.confirm`, `community.update`, `scim.user.patch`. */
  action: string;
  targetType: string;
  targetId: number | string | null;
  /** The organisation the change belongs to; null for NHS-wide things. */
  organisationId: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit log's owner. `record` writes in the caller's transaction, so an entry exists exactly
 * when its change committed; no method edits or deletes one (and the database refuses it).
 * Keep personal data out of `before`/`after` where an id will do: entries outlive erasure.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(tx: EntityManager, entry: AuditRecord | AuditRecord[]): Promise<void> {
    const at = new Date();
    const entries = Array.isArray(entry) ? entry : [entry];
    return this.audit.insert(
      tx,
      entries.map((e) => ({
        at,
        actorId: e.actorId,
        actorKind:
          e.actorKind ?? (e.actorId === null ? AuditActorKind.SYSTEM : AuditActorKind.PERSON),
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId === null ? null : String(e.targetId),
        organisationId: e.organisationId,
        before: json(e.before),
        after: json(e.after),
      })),
    );
  }

  /** The anonymous reference an erased person's id stands for in the log, if they were erased. */
  async anonymousReferenceOf(staffId: number): Promise<string | undefined> {
    return (await this.audit.anonymousReferences([staffId])).get(staffId);
  }

  /** Newest first; `query` is already limited to what the viewer may read (see the resolver). */
  async page(
    query: AuditQuery,
    first: number,
    after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    const beforeId = after ? decodeCursor(after, ['id'])[0] : null;
    const [rows, total] = await Promise.all([
      this.audit.page(query, first + 1, beforeId),
      this.audit.count(query),
    ]);
    return toConnection(rows, first, total, (e) => [e.id]);
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
