import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { EntityManager, LessThan, Not, Repository } from 'typeorm';
import { UnauthenticatedError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import type { Erasure } from '../database/personal-data';
import { TransactionRunner } from '../database/transaction-runner';
import { Organisation } from '../organisations/organisation.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { sameUserName } from '../staff/user-name';
import { AuditService } from '../audit/audit.service';
import { ScimProfilesService } from '../scim/scim-profiles.service';
import { NATIONAL_ADMIN_ROLE } from './admin-scope';
import { AuthenticatedUser, COMMS_ADMIN_ROLE, IdentityClaims } from './authenticated-user';
import { ErasedIdentity } from './erased-identity.entity';
import { IdentityErrorReason } from './identity.errors';

/**
 * How long the tombstone of an erased identity is kept: longer than any access token lives
 * (Entra: at most 28 hours), so no token from before the erasure outlives it.
 */
export const ERASED_IDENTITY_KEPT_MS = 2 * 24 * 60 * 60 * 1000;

/** What a token says about its person, normalised. */
interface TokenProfile {
  tenantId: string;
  objectId: string;
  displayName: string | null;
  userName: string | null;
  isCommsAdmin: boolean;
  isNationalAdmin: boolean;
  /** When the token was issued (`iat`, epoch seconds), if it says. */
  issuedAt: number | null;
}

/**
 * Turns verified token claims into the person making the request. On a first sign-in it links the
 * record SCIM provisioned (externalId = oid, provisioned by this tenant, no oid yet; never by
 * userName, e-mail or UPN) or creates one;
 * later sign-ins update what changed. A deactivated person is refused.
 */
@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(StaffMember) private readonly staffMembers: Repository<StaffMember>,
    @InjectRepository(ErasedIdentity) private readonly erased: Repository<ErasedIdentity>,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly provisioning: ScimProfilesService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(claims: IdentityClaims): Promise<AuthenticatedUser> {
    const roles = (claims.roles ?? []).filter((role) => typeof role === 'string');
    const seen: TokenProfile = {
      tenantId: claims.tid.toLowerCase(),
      objectId: claims.oid,
      displayName: claims.name?.trim() || null,
      userName: (claims.preferred_username ?? claims.upn ?? '').trim().toLowerCase() || null,
      isCommsAdmin: roles.includes(COMMS_ADMIN_ROLE),
      isNationalAdmin: roles.includes(NATIONAL_ADMIN_ROLE),
      issuedAt: typeof claims.iat === 'number' ? claims.iat : null,
    };
    // the hot path: one indexed read, and a write only when the token says something new
    let person = await this.staff.findByIdentity(seen.tenantId, seen.objectId);
    if (person && !person.active) throw deactivated();
    person = person ? await this.updateFromToken(person, seen) : await this.firstSignIn(seen);
    return { staff: person, roles, isCommsAdmin: seen.isCommsAdmin };
  }

  private async updateFromToken(person: StaffMember, seen: TokenProfile): Promise<StaffMember> {
    const changes: Partial<StaffMember> = {};
    if (person.isCommsAdmin !== seen.isCommsAdmin) changes.isCommsAdmin = seen.isCommsAdmin;
    if (person.isNationalAdmin !== seen.isNationalAdmin) {
      changes.isNationalAdmin = seen.isNationalAdmin;
    }
    // a name the person chose stays until their organisation changes the name it signs them in with
    if (seen.displayName && person.identityName !== seen.displayName) {
      changes.displayName = seen.displayName;
      changes.identityName = seen.displayName;
    }
    // the token's name in lower case; a SCIM-provisioned one keeps its own case
    if (seen.userName && person.userName?.toLowerCase() !== seen.userName)
      changes.userName = seen.userName;
    if (person.organisationId === null && this.config.entra.tenantOrganisations[seen.tenantId]) {
      // the tenant was mapped to an organisation after this person first signed in
      const organisationId = await this.tenantOrganisationId(
        this.staffMembers.manager,
        seen.tenantId,
      );
      if (organisationId !== null) changes.organisationId = organisationId;
    }
    if (Object.keys(changes).length === 0) return person;
    return this.transactions.run(async (tx) => {
      if (changes.userName && (await this.userNameTaken(tx, changes.userName, person.id))) {
        delete changes.userName; // someone else holds it (a reused address): keep ours as it was
      }
      await this.staff.update(tx, person.id, changes);
      await this.auditRoles(tx, person, changes);
      return Object.assign(person, changes);
    });
  }

  /** A change of app role seen in a token is an administrative change: audit it. */
  private async auditRoles(
    tx: EntityManager,
    before: Pick<StaffMember, 'id' | 'organisationId' | 'isCommsAdmin' | 'isNationalAdmin'>,
    changes: Partial<StaffMember>,
  ) {
    if (changes.isCommsAdmin === undefined && changes.isNationalAdmin === undefined) return;
    const roles = (p: Pick<StaffMember, 'isCommsAdmin' | 'isNationalAdmin'>) => ({
      commsAdmin: p.isCommsAdmin,
      nationalAdmin: p.isNationalAdmin,
    });
    await this.audit.record(tx, {
      actorId: before.id,
      action: 'staff.roles.change',
      targetType: 'staff',
      targetId: before.id,
      organisationId: changes.organisationId ?? before.organisationId,
      before: roles(before),
      after: roles({ ...before, ...changes }),
    });
  }

  private async firstSignIn(seen: TokenProfile): Promise<StaffMember> {
    await this.refuseErased(seen);
    try {
      const { id } = await this.transactions.run((tx) => this.linkOrCreate(tx, seen));
      // read back once committed: the listing follows the person in the same transaction
      return await this.staffMembers.findOneByOrFail({ id });
    } catch (error) {
      // two first requests at once (PostgreSQL): the other one created the record
      const winner = await this.staffMembers.findOneBy({
        tenantId: seen.tenantId,
        objectId: seen.objectId,
      });
      if (!winner) throw error;
      if (!winner.active) throw deactivated();
      return winner;
    }
  }

  private async linkOrCreate(tx: EntityManager, seen: TokenProfile): Promise<StaffMember> {
    const identity = { tenantId: seen.tenantId, objectId: seen.objectId };
    const existing = await tx.findOneBy(StaffMember, identity);
    if (existing) {
      if (!existing.active) throw deactivated();
      return existing;
    }
    // only on the immutable object id, and only from the tenant whose provisioning made the
    // record: preferred_username and upn are mutable and never decide who someone is
    const provisionedId =
      this.config.entra.scimTenantId === seen.tenantId
        ? await this.provisioning.unlinkedStaffIdByExternalId(tx, seen.objectId, seen.tenantId)
        : null;
    const provisioned = provisionedId
      ? await tx.findOneBy(StaffMember, { id: provisionedId })
      : null;
    if (provisioned) {
      if (!provisioned.active) throw deactivated();
      const changes: Partial<StaffMember> = {
        ...identity,
        isCommsAdmin: seen.isCommsAdmin,
        isNationalAdmin: seen.isNationalAdmin,
        identityName: seen.displayName,
        ...(provisioned.organisationId
          ? {}
          : { organisationId: await this.tenantOrganisationId(tx, seen.tenantId) }),
      };
      await this.staff.update(tx, provisioned.id, changes);
      await this.auditRoles(tx, provisioned, changes);
      return Object.assign(provisioned, changes);
    }
    const userNameFree = seen.userName && !(await this.userNameTaken(tx, seen.userName, undefined));
    const created = await this.staff.create(
      {
        ...identity,
        displayName: seen.displayName ?? seen.userName ?? 'NHS colleague',
        identityName: seen.displayName,
        userName: userNameFree ? seen.userName : null,
        isCommsAdmin: seen.isCommsAdmin,
        isNationalAdmin: seen.isNationalAdmin,
        organisationId: await this.tenantOrganisationId(tx, seen.tenantId),
      },
      tx,
    );
    const none = { isCommsAdmin: false, isNationalAdmin: false };
    await this.auditRoles(
      tx,
      { ...created, ...none },
      {
        isCommsAdmin: seen.isCommsAdmin || undefined,
        isNationalAdmin: seen.isNationalAdmin || undefined,
      },
    );
    return created;
  }

  /**
   * After an erasure, the token that asked for it (or any issued before) must not recreate the
   * record from its claims: only a sign-in after the erasure starts a fresh, empty record.
   */
  private async refuseErased(seen: TokenProfile): Promise<void> {
    const tombstone = await this.erased.findOneBy({
      identityKey: identityKey(seen.tenantId, seen.objectId),
    });
    if (!tombstone) return;
    // iat has whole seconds: a token from the erasure's own second counts as from before it
    const issuedAfter =
      seen.issuedAt !== null && seen.issuedAt * 1000 > tombstone.erasedAt.getTime();
    if (!issuedAfter) {
      throw new UnauthenticatedError(
        IdentityErrorReason.ACCOUNT_ERASED,
        'Your data has been erased: sign in again to start afresh',
      );
    }
  }

  /** For the erasure (PersonalData): the tombstone of this identity, in the same transaction. */
  async rememberErasure(tx: EntityManager, erasure: Erasure): Promise<void> {
    const person = await tx.findOneBy(StaffMember, { id: erasure.staffId });
    if (!person?.tenantId || !person.objectId) return; // provisioned, never signed in
    const key = identityKey(person.tenantId, person.objectId);
    await tx.delete(ErasedIdentity, { identityKey: key });
    await tx.insert(ErasedIdentity, { identityKey: key, erasedAt: erasure.at });
  }

  /** Tombstones older than any token can be: nothing left for them to refuse. */
  async forgetOldErasures(tx: EntityManager, now: Date): Promise<number> {
    const { affected } = await tx.delete(ErasedIdentity, {
      erasedAt: LessThan(new Date(now.getTime() - ERASED_IDENTITY_KEPT_MS)),
    });
    return affected ?? 0;
  }

  /** The organisation configuration maps this tenant to (ENTRA_TENANT_ORGANISATIONS), if any. */
  private async tenantOrganisationId(tx: EntityManager, tenantId: string): Promise<number | null> {
    const odsCode = this.config.entra.tenantOrganisations[tenantId];
    if (!odsCode) return null;
    const organisation = await tx.findOneBy(Organisation, { odsCode });
    return organisation?.id ?? null;
  }

  private userNameTaken(tx: EntityManager, userName: string, exceptId: number | undefined) {
    return tx.existsBy(StaffMember, {
      userName: sameUserName(userName),
      ...(exceptId !== undefined ? { id: Not(exceptId) } : {}),
    });
  }
}

/** One-way: a tombstone names no one, yet matches the same identity signing in again. */
function identityKey(tenantId: string, objectId: string): string {
  return createHash('sha256').update(`${tenantId.toLowerCase()}:${objectId}`).digest('hex');
}

function deactivated() {
  return new UnauthenticatedError(
    IdentityErrorReason.ACCOUNT_DEACTIVATED,
    'This account has been deactivated',
  );
}
