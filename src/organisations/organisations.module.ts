import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Department } from './department.entity';
import { Organisation } from './organisation.entity';
import { OrganisationsLoaders } from './organisations.loader';
import { OrganisationsPersonalData } from './organisations.personal-data';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';
import { Site } from './site.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, Site, Department]), AuditModule],
  providers: [
    OrganisationsService,
    OrganisationsLoaders,
    OrganisationsResolver,
    OrganisationsPersonalData,
  ],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
