import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error';
import { Connection, decodeCursor, toConnection } from '../../common/graphql/connection';
import { AppConfig } from '../../config/app.config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { Department } from '../../organisations/department.entity';
import { Site } from '../../organisations/site.entity';
import { ScimProfilesService } from '../../scim/scim-profiles.service';
import { StaffMember } from '../../staff/staff-member.entity';
import { StaffService } from '../../staff/staff.service';
import { administeredOrganisationId, isNationalAdmin, mayAdminister } from '../admin-scope';
import { AuthenticatedUser } from '../authenticated-user';
import { IdentityErrorReason } from '../identity.errors';
import { OrganisationClaim, OrganisationClaimStatus } from './organisation-claim.entity';
import { OrganisationClaimsRepository } from './organisation-claims.repository';

/**
 * Organisation claims: how a self-chosen organisation becomes trusted. The claim waits in its
 * organisation's queue; the communications team (Comms.Admin of that confirmed organisation, or
 * Comms.NationalAdmin) confirms it, which sets the person's organisation, or refuses it with a
 * reason the person reads. Every decision is audited in its transaction.
 */
@Injectable()
export class OrganisationClaimsService {
  constructor(
    private readonly claims: OrganisationClaimsRepository,
    private readonly staff: StaffService,
    private readonly provisioning: ScimProfilesService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new claim, in the caller's transaction: any earlier pending one is withdrawn, and the person
   * leaves their current organisation (moving resets trust), site and department with it.
   */
  async claim(
    tx: EntityManager,
    me: StaffMember,
    place: { organisationId: number; siteId: number | null; departmentId: number | null },
  ): Promise<OrganisationClaim> {
    await this.claims.withdrawPendingOf(tx, me.id);
    const claim = await tx.save(
      OrganisationClaim,
      tx.create(OrganisationClaim, { staffId: me.id, ...place }),
    );
    if (me.organisationId !== null || me.siteId !== null || me.departmentId !== null) {
      const before = {
        organisationId: me.organisationId,
        siteId: me.siteId,
        departmentId: me.departmentId,
      };
      const cleared = { organisationId: null, siteId: null, departmentId: null };
      await this.staff.update(tx, me.id, cleared);
      await this.audit.record(tx, {
        actorId: me.id,
        action: 'staff.organisation.leave',
        targetType: 'staff',
        targetId: me.id,
        organisationId: me.organisationId,
        before,
        after: cleared,
      });
      Object.assign(me, cleared);
    }
    await this.audit.record(tx, {
      actorId: me.id,
      action: 'organisationClaim.create',
      targetType: 'organisationClaim',
      targetId: claim.id,
      organisationId: place.organisationId,
      after: place,
    });
    return claim;
  }

  /**
   * For a deployment that let staff choose their organisation before claims existed: every
   * organisation that neither provisioning, the tenant map nor a confirmed claim put there becomes
   * a pending claim, and the person leaves it until their communications team confirms it.
   * Audited as the system's act. Running it again finds nothing more to do.
   */
  async claimUnconfirmedOrganisations(
    batchSize = 500,
  ): Promise<{ checked: number; claimed: number }> {
    let checked = 0;
    let claimed = 0;
    let afterId = 0;
    for (;;) {
      const batch = await this.staff.withOrganisationAfter(afterId, batchSize);
      if (batch.length === 0) return { checked, claimed };
      afterId = batch[batch.length - 1].id;
      checked += batch.length;
      claimed += await this.transactions.run(async (tx) => {
        let made = 0;
        for (const stale of batch) {
          // read again inside the transaction: the person may have changed since the batch was read
          const person = await tx.findOneBy(StaffMember, { id: stale.id });
          if (!person || person.organisationId === null) continue;
          if (await this.organisationDecidedElsewhere(person)) continue;
          if (await this.claims.confirmed(tx, person.id, person.organisationId)) continue;
          await this.requireConfirmation(tx, person);
          made++;
        }
        return made;
      });
    }
  }

  private async requireConfirmation(tx: EntityManager, person: StaffMember): Promise<void> {
    const place = {
      organisationId: person.organisationId!,
      siteId: person.siteId,
      departmentId: person.departmentId,
    };
    await this.claims.withdrawPendingOf(tx, person.id);
    const claim = await tx.save(
      OrganisationClaim,
      tx.create(OrganisationClaim, { staffId: person.id, ...place }),
    );
    const cleared = { organisationId: null, siteId: null, departmentId: null };
    await this.staff.update(tx, person.id, cleared);
    await this.audit.record(tx, {
      actorId: null,
      action: 'organisationClaim.requireConfirmation',
      targetType: 'staff',
      targetId: person.id,
      organisationId: place.organisationId,
      before: { ...place, claimId: claim.id },
      after: cleared,
    });
  }

  /** The queue: pending claims of the organisation the viewer administers (any, nationally). */
  async queue(
    user: AuthenticatedUser,
    organisationId: number | undefined,
    first: number,
    after?: string | null,
  ): Promise<Connection<OrganisationClaim>> {
    const scope =
      organisationId ?? (isNationalAdmin(user) ? null : administeredOrganisationId(user));
    if (scope === null ? !isNationalAdmin(user) : !mayAdminister(user, scope)) {
      throw new ForbiddenError(
        IdentityErrorReason.NOT_YOUR_ORGANISATION_CLAIMS,
        'Only the communications team of a confirmed organisation sees its claims',
        organisationId !== undefined ? 'organisationId' : undefined,
      );
    }
    const afterId = after ? decodeCursor(after, ['id'])[0] : null;
    const [rows, total] = await Promise.all([
      this.claims.pending(scope, first + 1, afterId),
      this.claims.countPending(scope),
    ]);
    return toConnection(rows, first, total, (c) => [c.id]);
  }

  confirm(user: AuthenticatedUser, claimId: number): Promise<OrganisationClaim> {
    return this.transactions.run(async (tx) => {
      const claim = await this.decidable(tx, user, claimId);
      const person = await tx.findOneByOrFail(StaffMember, { id: claim.staffId });
      if (await this.organisationDecidedElsewhere(person)) {
        throw new ConflictError(
          IdentityErrorReason.ORGANISATION_SET_BY_EMPLOYER,
          "Provisioning or the sign-in tenant now sets this person's organisation",
          'claimId',
        );
      }
      // a site or department removed since the claim is left out, not confirmed
      const siteId =
        claim.siteId !== null &&
        (await tx.existsBy(Site, { id: claim.siteId, organisationId: claim.organisationId }))
          ? claim.siteId
          : null;
      const departmentId =
        claim.departmentId !== null &&
        (await tx.existsBy(Department, {
          id: claim.departmentId,
          organisationId: claim.organisationId,
        }))
          ? claim.departmentId
          : null;
      const decision = {
        status: OrganisationClaimStatus.CONFIRMED,
        reason: null,
        decidedById: user.staff.id,
        decidedAt: new Date(),
      };
      await this.decide(tx, claim, decision);
      const before = {
        organisationId: person.organisationId,
        siteId: person.siteId,
        departmentId: person.departmentId,
      };
      const trusted = { organisationId: claim.organisationId, siteId, departmentId };
      await this.staff.update(tx, person.id, trusted);
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'organisationClaim.confirm',
        targetType: 'staff',
        targetId: person.id,
        organisationId: claim.organisationId,
        before: { ...before, claimId: claim.id },
        after: trusted,
      });
      return Object.assign(claim, decision);
    });
  }

  refuse(user: AuthenticatedUser, claimId: number, reason: string): Promise<OrganisationClaim> {
    return this.transactions.run(async (tx) => {
      const claim = await this.decidable(tx, user, claimId);
      const decision = {
        status: OrganisationClaimStatus.REFUSED,
        reason: reason.trim(),
        decidedById: user.staff.id,
        decidedAt: new Date(),
      };
      await this.decide(tx, claim, decision);
      await this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'organisationClaim.refuse',
        targetType: 'staff',
        targetId: claim.staffId,
        organisationId: claim.organisationId,
        before: { claimId: claim.id, status: OrganisationClaimStatus.PENDING },
        after: { claimId: claim.id, status: decision.status, reason: decision.reason },
      });
      return Object.assign(claim, decision);
    });
  }

  latestOf(staffIds: readonly number[]) {
    return this.claims.latestOf(staffIds);
  }

  /** A pending claim this admin may decide; another organisation's is NOT_FOUND (as if none). */
  private async decidable(tx: EntityManager, user: AuthenticatedUser, claimId: number) {
    const claim = await tx.findOneBy(OrganisationClaim, { id: claimId });
    if (!claim || !mayAdminister(user, claim.organisationId)) {
      throw new NotFoundError(IdentityErrorReason.CLAIM_NOT_FOUND, 'No such claim', 'claimId');
    }
    if (claim.status !== OrganisationClaimStatus.PENDING) throw notPending();
    return claim;
  }

  private async decide(
    tx: EntityManager,
    claim: OrganisationClaim,
    decision: Pick<OrganisationClaim, 'status' | 'reason' | 'decidedById' | 'decidedAt'>,
  ) {
    // another decision, or a new claim by the person, got there first
    if (!(await this.claims.decide(tx, claim.id, decision))) throw notPending();
  }

  /** Whether SCIM or the tenant map sets this person's organisation. */
  async organisationDecidedElsewhere(person: StaffMember): Promise<boolean> {
    if (person.organisationId === null) return false;
    if (await this.provisioning.organisationManaged(person.id)) return true;
    return Boolean(person.tenantId && this.config.entra.tenantOrganisations[person.tenantId]);
  }
}

function notPending() {
  return new ConflictError(
    IdentityErrorReason.CLAIM_NOT_PENDING,
    'This claim has already been decided or withdrawn',
    'claimId',
  );
}
