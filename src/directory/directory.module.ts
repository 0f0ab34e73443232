import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffMember } from '../staff/staff-member.entity';
import { DirectoryIndexModule } from './directory-index.module';
import { DirectoryResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMember]), DirectoryIndexModule],
  providers: [DirectoryService, DirectoryResolver],
})
export class DirectoryModule {}
