import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Raw } from 'typeorm';
import { NO_SUCH_ID, parseId } from '../common/graphql/id';
import { Department } from '../organisations/department.entity';
import { Organisation } from '../organisations/organisation.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { UserFilter } from './scim-filter';
import { ScimProfile } from './scim-profile.entity';
import { ScimUserView } from './scim-user.mapper';

/** The SQL behind the SCIM Users endpoint. People SCIM deleted are gone from every answer here. */
@Injectable()
export class ScimUsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records provisioned before tenants were recorded (tenant_id null) came through the same
   * SCIM endpoint, whose token belongs to SCIM_TENANT_ID: the caller checks the tenant is that one.
   */
  async unlinkedStaffIdByExternalId(
    tx: EntityManager,
    objectId: string,
    tenantId: string,
  ): Promise<number | null> {
    const row = await tx
      .createQueryBuilder(StaffMember, 's')
      .innerJoin(ScimProfile, 'p', 'p.staff_id = s.id')
      .select('s.id', 'id')
      .where('s.external_id = :objectId', { objectId })
      .andWhere('s.object_id IS NULL')
      .andWhere('p.deleted_at IS NULL')
      .andWhere('(p.tenant_id = :tenantId OR p.tenant_id IS NULL)', { tenantId })
      .orderBy('s.id', 'ASC')
      .limit(1)
      .getRawOne<{ id: number }>();
    return row ? Number(row.id) : null;
  }

  /** One page (startIndex is 1-based, as SCIM counts) and the total matching. */
  async page(
    filter: UserFilter,
    startIndex: number,
    count: number,
  ): Promise<{ people: StaffMember[]; total: number }> {
    const id = filter.id === undefined ? undefined : parseId(filter.id);
    if (filter.impossible || id === NO_SUCH_ID || (filter.id !== undefined && id === undefined)) {
      return { people: [], total: 0 };
    }
    const query = this.dataSource
      .getRepository(StaffMember)
      .createQueryBuilder('s')
      .leftJoin(ScimProfile, 'p', 'p.staff_id = s.id')
      .where('p.deleted_at IS NULL');
    // userName is not case-exact: the same expression as the unique index
    if (filter.userName !== undefined)
      query.andWhere('LOWER(s.user_name) = LOWER(:userName)', filter);
    if (filter.externalId !== undefined) query.andWhere('s.external_id = :externalId', filter);
    if (id !== undefined) query.andWhere('s.id = :id', { id });
    const total = await query.getCount();
    if (startIndex > total) return { people: [], total }; // past the end: nothing to fetch
    // SCIM pages by position; count = 0 asks only for the total
    const people =
      count === 0
        ? []
        : await query
            .orderBy('s.id', 'ASC')
            .offset(startIndex - 1)
            .limit(count)
            .getMany();
    return { people, total };
  }

  /** A person SCIM may address (not deleted through SCIM), or null. */
  async findAddressable(tx: EntityManager | null, id: number): Promise<StaffMember | null> {
    const manager = tx ?? this.dataSource.manager;
    const person = await manager.findOneBy(StaffMember, { id });
    if (!person) return null;
    const profile = await manager.findOneBy(ScimProfile, { staffId: id });
    return profile?.deletedAt ? null : person;
  }

  /** Everything the representations of these people need, in four statements. */
  async views(people: StaffMember[], tx?: EntityManager): Promise<ScimUserView[]> {
    if (people.length === 0) return [];
    const manager = tx ?? this.dataSource.manager;
    const ids = people.map((p) => p.id);
    const organisationIds = [...new Set(people.map((p) => p.organisationId).filter(isId))];
    const departmentIds = [...new Set(people.map((p) => p.departmentId).filter(isId))];
    // one after another: inside a transaction they share one connection
    const profiles = await manager.findBy(ScimProfile, { staffId: In(ids) });
    const organisations = organisationIds.length
      ? await manager.findBy(Organisation, { id: In(organisationIds) })
      : [];
    const departments = departmentIds.length
      ? await manager.findBy(Department, { id: In(departmentIds) })
      : [];
    return people.map((staff) => ({
      staff,
      profile: profiles.find((p) => p.staffId === staff.id) ?? null,
      organisation: organisations.find((o) => o.id === staff.organisationId) ?? null,
      department: departments.find((d) => d.id === staff.departmentId) ?? null,
    }));
  }

  /** SCIM's `organization`: an ODS code, or an organisation's name ignoring case. */
  async findOrganisation(tx: EntityManager, value: string): Promise<Organisation | null> {
    return (
      (await tx.findOneBy(Organisation, { odsCode: value.toUpperCase() })) ??
      (await tx.findOne(Organisation, {
        where: { name: Raw((column) => `LOWER(${column}) = LOWER(:name)`, { name: value }) },
        order: { id: 'ASC' },
      }))
    );
  }

  /** SCIM's `department`: a department of that organisation, by name ignoring case. */
  findDepartment(tx: EntityManager, organisationId: number, name: string) {
    return tx.findOne(Department, {
      where: {
        organisationId,
        name: Raw((column) => `LOWER(${column}) = LOWER(:name)`, { name }),
      },
    });
  }
}

const isId = (id: number | null): id is number => id !== null;
