import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { keyedLoader } from '../common/loaders/keyed-loader';
import { LoaderRegistry } from '../common/loaders/loaders';
import { Department } from './department.entity';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { Site } from './site.entity';

declare module '../common/loaders/loaders' {
  interface Loaders {
    organisationById: DataLoader<number, Organisation | null>;
    siteById: DataLoader<number, Site | null>;
    departmentById: DataLoader<number, Department | null>;
    sitesByOrganisationId: DataLoader<number, Site[]>;
    departmentsByOrganisationId: DataLoader<number, Department[]>;
  }
}

@Injectable()
export class OrganisationsLoaders {
  constructor(registry: LoaderRegistry, organisations: OrganisationsService) {
    registry.add('organisationById', () =>
      keyedLoader((ids) => organisations.findOrganisationsByIds(ids)),
    );
    registry.add('siteById', () => keyedLoader((ids) => organisations.findSitesByIds(ids)));
    registry.add('departmentById', () =>
      keyedLoader((ids) => organisations.findDepartmentsByIds(ids)),
    );
    registry.add(
      'sitesByOrganisationId',
      () => new DataLoader((ids) => organisations.sitesOf(ids)),
    );
    registry.add(
      'departmentsByOrganisationId',
      () => new DataLoader((ids) => organisations.departmentsOf(ids)),
    );
  }
}
