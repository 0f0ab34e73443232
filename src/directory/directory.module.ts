import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunitiesModule } from '../communities/communities.module';
import { StaffMember } from '../staff/staff-member.entity';
import { DirectoryIndexModule } from './directory-index.module';
import { DirectoryResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMember]), DirectoryIndexModule, CommunitiesModule],
  providers: [DirectoryService, DirectoryResolver],
})
export class DirectoryModule {}
