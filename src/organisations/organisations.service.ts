import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { touch } from '../database/derived-state';
import { TransactionRunner } from '../database/transaction-runner';
import { isUniqueViolation } from '../database/unique-violation';
import { mayAdminister } from '../identity/admin-scope';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { OrganisationErrorReason } from './organisation.errors';
import { Department } from './department.entity';
import { Organisation } from './organisation.entity';
import './places.changes';
import { Site } from './site.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(Site) private readonly sites: Repository<Site>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * A communications team renames one of its organisation's sites or departments (a national
   * admin any organisation's), audited in the same transaction; the people there are found by
   * the new name at once (renamePlace touches `places`). The unique (organisation, name) index
   * is the guard against two places of one name; the check before gives the friendly error.
   */
  async renameByAdmin(
    user: AuthenticatedUser,
    place: { siteId: number } | { departmentId: number },
    name: string,
  ): Promise<Site | Department> {
    const isSite = 'siteId' in place;
    const [entity, id, kind, field] = isSite
      ? ([Site, place.siteId, 'site', 'siteId'] as const)
      : ([Department, place.departmentId, 'department', 'departmentId'] as const);
    const taken = () =>
      new InvalidInputError(
        OrganisationErrorReason.PLACE_NAME_TAKEN,
        `The organisation already has a ${kind} called “${name}”`,
        'name',
      );
    try {
      return await this.transactions.run(async (tx) => {
        const current = await tx.findOneBy<Site | Department>(entity, { id });
        if (!current) {
          throw new NotFoundError(
            isSite
              ? OrganisationErrorReason.SITE_NOT_FOUND
              : OrganisationErrorReason.DEPARTMENT_NOT_FOUND,
            `No such ${kind}`,
            field,
          );
        }
        if (!mayAdminister(user, current.organisationId)) {
          throw new ForbiddenError(
            OrganisationErrorReason.NOT_YOUR_ORGANISATIONS_PLACES,
            `Only the ${kind}’s own communications team (or the national team) can rename it`,
            field,
          );
        }
        if (current.name === name) return current;
        const clash = await tx.findOneBy<Site | Department>(entity, {
          organisationId: current.organisationId,
          name,
        });
        if (clash) throw taken();
        await this.renamePlace(tx, place, name);
        await this.audit.record(tx, {
          actorId: user.staff.id,
          action: `${kind}.rename`,
          targetType: kind,
          targetId: id,
          organisationId: current.organisationId,
          before: { name: current.name },
          after: { name },
        });
        return { ...current, name };
      });
    } catch (error) {
      throw isUniqueViolation(error) ? taken() : error;
    }
  }

  /** An organisation with its sites and departments, in the caller's transaction. */
  async create(
    tx: EntityManager,
    spec: {
      odsCode: string;
      name: string;
      tenantId?: string | null;
      sites?: string[];
      departments?: string[];
    },
  ): Promise<{ organisation: Organisation; sites: Site[]; departments: Department[] }> {
    const organisation = await tx.save(Organisation, {
      odsCode: spec.odsCode,
      name: spec.name,
      tenantId: spec.tenantId ?? null,
    });
    return { organisation, ...(await this.addPlaces(tx, organisation.id, spec)) };
  }

  /** Sites and departments of an organisation, in the caller's transaction. */
  async addPlaces(
    tx: EntityManager,
    organisationId: number,
    names: { sites?: string[]; departments?: string[] },
  ): Promise<{ sites: Site[]; departments: Department[] }> {
    const sites = await tx.save(
      Site,
      (names.sites ?? []).map((name) => ({ name, organisationId })),
    );
    const departments = await tx.save(
      Department,
      (names.departments ?? []).map((name) => ({ name, organisationId })),
    );
    return { sites, departments };
  }

  /**
   * Renames a site or department, in the caller's transaction; values derived from its name
   * (the directory's search documents of the people there) follow before commit. False when there
   * is no such place.
   */
  async renamePlace(
    tx: EntityManager,
    place: { siteId: number } | { departmentId: number },
    name: string,
  ): Promise<boolean> {
    const [entity, id] =
      'siteId' in place ? [Site, place.siteId] : [Department, place.departmentId];
    const result = await tx.update(entity, { id }, { name });
    if (!result.affected) return false;
    touch(tx, 'places', [place]);
    return true;
  }

  list(): Promise<Organisation[]> {
    return this.organisations.find({ order: { name: 'ASC' } });
  }

  findOrganisationsByIds(ids: readonly number[]) {
    return this.organisations.findBy({ id: In([...ids]) });
  }

  findSitesByIds(ids: readonly number[], tx?: EntityManager) {
    if (ids.length === 0) return Promise.resolve([]);
    return (tx ?? this.sites.manager).findBy(Site, { id: In([...ids]) });
  }

  findDepartmentsByIds(ids: readonly number[], tx?: EntityManager) {
    if (ids.length === 0) return Promise.resolve([]);
    return (tx ?? this.departments.manager).findBy(Department, { id: In([...ids]) });
  }

  /** Each organisation's sites by name, in the order of `organisationIds` (for a DataLoader). */
  async sitesOf(organisationIds: readonly number[]): Promise<Site[][]> {
    const rows = await this.sites.find({
      where: { organisationId: In([...organisationIds]) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return groupBy(organisationIds, rows);
  }

  /** Each organisation's departments by name, in the order of `organisationIds`. */
  async departmentsOf(organisationIds: readonly number[]): Promise<Department[][]> {
    const rows = await this.departments.find({
      where: { organisationId: In([...organisationIds]) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return groupBy(organisationIds, rows);
  }
}

function groupBy<T extends { organisationId: number }>(ids: readonly number[], rows: T[]): T[][] {
  const byOrganisation = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) byOrganisation.get(row.organisationId)?.push(row);
  return ids.map((id) => byOrganisation.get(id)!);
}
