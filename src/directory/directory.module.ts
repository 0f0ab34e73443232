import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunitiesModule } from '../communities/communities.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffModule } from '../staff/staff.module';
import { SearchDocuments } from './search-document.derived';
import { DirectoryExportController } from './directory-export.controller';
import { DirectoryExportService } from './directory-export.service';
import { DirectoryPersonalData } from './directory.personal-data';
import { DirectoryRepository } from './directory.repository';
import { DirectoryResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([StaffMember]),
    StaffModule,
    OrganisationsModule,
    SocialAccountsModule,
    CommunitiesModule,
  ],
  providers: [
    DirectoryRepository,
    SearchDocuments,
    DirectoryService,
    DirectoryResolver,
    DirectoryPersonalData,
    DirectoryExportService,
  ],
  controllers: [DirectoryExportController],
})
export class DirectoryModule {}
