import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Department } from './department.entity';
import { Organisation } from './organisation.entity';
import { Site } from './site.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(Site) private readonly sites: Repository<Site>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
  ) {}

  list(): Promise<Organisation[]> {
    return this.organisations.find({ order: { name: 'ASC' } });
  }

  findOrganisationsByIds(ids: readonly number[]) {
    return this.organisations.findBy({ id: In([...ids]) });
  }

  findSitesByIds(ids: readonly number[]) {
    return this.sites.findBy({ id: In([...ids]) });
  }

  findDepartmentsByIds(ids: readonly number[]) {
    return this.departments.findBy({ id: In([...ids]) });
  }

  sitesOf(organisationId: number) {
    return this.sites.find({ where: { organisationId }, order: { name: 'ASC' } });
  }

  departmentsOf(organisationId: number) {
    return this.departments.find({ where: { organisationId }, order: { name: 'ASC' } });
  }
}
