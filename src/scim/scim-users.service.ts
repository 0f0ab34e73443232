import { Inject, Injectable } from '@nestjs/common';
import { AuditActorKind } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { EntityManager, Not } from 'typeorm';
import { NO_SUCH_ID, parseId } from '../common/graphql/id';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/unique-violation';
import { Site } from '../organisations/site.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffService } from '../staff/staff.service';
import { sameUserName } from '../staff/user-name';
import { parseUserFilter } from './scim-filter';
import { ScimProfile } from './scim-profile.entity';
import { readScimUser, ScimUser, ScimUserFields, toScimUser } from './scim-user.mapper';
import { applyUserPatch } from './scim-user-patch';
import { ScimUsersRepository } from './scim-users.repository';
import { listResponse, MAX_PAGE_SIZE } from './scim-schemas';
import { notFound, ScimError } from './scim.errors';

export interface ListUsersQuery {
  filter?: string;
  startIndex?: string;
  count?: string;
}

/**
 * Entra ID provisioning: joiners are created, movers updated, leavers deactivated (hidden from
 * the directory at once and refused at sign-in) with their data kept until erased.
 */
@Injectable()
export class ScimUsersService {
  constructor(
    private readonly users: ScimUsersRepository,
    private readonly staff: StaffService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListUsersQuery, baseUrl: string) {
    const filter = parseUserFilter(query.filter);
    const startIndex = Math.max(1, wholeNumber(query.startIndex, 'startIndex') ?? 1);
    const count = Math.min(
      MAX_PAGE_SIZE,
      Math.max(0, wholeNumber(query.count, 'count') ?? MAX_PAGE_SIZE),
    );
    const { people, total } = await this.users.page(filter, startIndex, count);
    const views = await this.users.views(people);
    return listResponse(
      views.map((view) => toScimUser(view, baseUrl)),
      total,
      startIndex,
    );
  }

  async get(id: string, baseUrl: string): Promise<ScimUser> {
    const person = await this.users.findAddressable(null, staffId(id));
    if (!person) throw notFound(id);
    return this.represent(person, baseUrl);
  }

  /** POST: a new person, or back from SCIM deletion if the same userName returns. */
  async create(body: unknown, baseUrl: string): Promise<ScimUser> {
    const fields = readScimUser(body);
    const person = await this.writing(() =>
      this.transactions.run(async (tx) => {
        const holder = await tx.findOneBy(StaffMember, { userName: sameUserName(fields.userName) });
        if (holder) {
          const profile = await tx.findOneBy(ScimProfile, { staffId: holder.id });
          if (!profile?.deletedAt) throw taken(fields.userName);
          return this.save(tx, holder, fields); // a returning leaver keeps their record
        }
        const created = await this.staff.create(
          { displayName: fields.displayName, tenantId: null, objectId: null },
          tx,
        );
        return this.save(tx, created, fields);
      }),
    );
    return this.represent(person, baseUrl);
  }

  /** PUT: every attribute as sent; those left out are cleared. */
  async replace(id: string, body: unknown, baseUrl: string): Promise<ScimUser> {
    const fields = readScimUser(body);
    const person = await this.writing(() =>
      this.transactions.run(async (tx) => this.save(tx, await this.addressable(tx, id), fields)),
    );
    return this.represent(person, baseUrl);
  }

  async patch(id: string, body: unknown, baseUrl: string): Promise<ScimUser> {
    const person = await this.writing(() =>
      this.transactions.run(async (tx) => {
        const current = await this.addressable(tx, id);
        const [view] = await this.users.views([current], tx);
        const patched = applyUserPatch(toScimUser(view, baseUrl), body);
        return this.save(tx, current, readScimUser(patched));
      }),
    );
    return this.represent(person, baseUrl);
  }

  /** DELETE: deactivated and gone from SCIM, but nothing erased (erasure is the person's right). */
  async remove(id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const person = await this.addressable(tx, id);
      await this.staff.update(tx, person.id, { active: false });
      await tx.save(ScimProfile, { staffId: person.id, deletedAt: new Date() });
      await this.audit.record(tx, {
        actorId: null,
        actorKind: AuditActorKind.SCIM,
        action: 'scim.user.delete',
        targetType: 'staff',
        targetId: person.id,
        organisationId: person.organisationId,
        before: auditedFields(person),
        after: { ...auditedFields(person), active: false },
      });
    });
  }

  private async save(
    tx: EntityManager,
    person: StaffMember,
    fields: ScimUserFields,
  ): Promise<StaffMember> {
    if (
      await tx.existsBy(StaffMember, {
        userName: sameUserName(fields.userName),
        id: Not(person.id),
      })
    ) {
      throw taken(fields.userName);
    }
    const organisation = fields.organization
      ? await this.users.findOrganisation(tx, fields.organization)
      : null;
    const organisationId = organisation?.id ?? person.organisationId;
    const changes: Partial<StaffMember> = {
      userName: fields.userName,
      externalId: fields.externalId,
      displayName: fields.displayName,
      jobTitle: fields.jobTitle,
      active: fields.active,
      organisationId,
    };
    if (organisationId !== person.organisationId) {
      // a mover: a site or department of the old organisation no longer applies
      const site = person.siteId ? await tx.findOneBy(Site, { id: person.siteId }) : null;
      if (site?.organisationId !== organisationId) changes.siteId = null;
      changes.departmentId = null;
    }
    if (fields.department && organisationId) {
      const department = await this.users.findDepartment(tx, organisationId, fields.department);
      if (department) changes.departmentId = department.id;
    }
    const created = person.userName === null && person.externalId === null;
    await this.staff.update(tx, person.id, changes); // the directory sees the change at once
    await this.audit.record(tx, {
      actorId: null,
      actorKind: AuditActorKind.SCIM,
      action: created ? 'scim.user.create' : 'scim.user.update',
      targetType: 'staff',
      targetId: person.id,
      organisationId: organisationId ?? null,
      before: created ? null : auditedFields(person),
      after: auditedFields({ ...person, ...changes }),
    });
    await tx.save(ScimProfile, {
      staffId: person.id,
      // the record belongs to the tenant whose provisioning sent it: only that tenant signs in to it
      tenantId: this.config.entra.scimTenantId,
      givenName: fields.givenName,
      familyName: fields.familyName,
      emails: fields.emails,
      department: fields.department,
      organization: fields.organization,
      organisationManaged: organisation !== null,
      deletedAt: null,
    });
    return tx.findOneByOrFail(StaffMember, { id: person.id });
  }

  private async addressable(tx: EntityManager, id: string): Promise<StaffMember> {
    const person = await this.users.findAddressable(tx, staffId(id));
    if (!person) throw notFound(id);
    return person;
  }

  private async represent(person: StaffMember, baseUrl: string): Promise<ScimUser> {
    const [view] = await this.users.views([person]);
    return toScimUser(view, baseUrl);
  }

  /** Two provisioning requests racing for one userName: the unique index decides, we say 409. */
  private async writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ScimError(409, 'That userName belongs to someone else', 'uniqueness');
      }
      throw error;
    }
  }
}

function staffId(id: string): number {
  return parseId(id) ?? NO_SUCH_ID;
}

/** A whole number, clamped to what can be counted exactly: startIndex=1e30 is just past the end. */
function wholeNumber(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw))
    throw new ScimError(400, `${name} must be a whole number`, 'invalidValue');
  const value = Number(raw);
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, value));
}

function taken(userName: string) {
  return new ScimError(409, `userName "${userName}" is already provisioned`, 'uniqueness');
}

/** What the audit log keeps of a provisioning change: ids and states, no names. */
function auditedFields(person: Partial<StaffMember>) {
  return {
    active: person.active,
    organisationId: person.organisationId ?? null,
    siteId: person.siteId ?? null,
    departmentId: person.departmentId ?? null,
  };
}
