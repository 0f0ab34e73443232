import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { touch } from '../database/derived-state';
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
  ) {}

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
