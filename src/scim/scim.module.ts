import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Department } from '../organisations/department.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Site } from '../organisations/site.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffModule } from '../staff/staff.module';
import { ScimJsonMiddleware } from './scim-json.middleware';
import { ScimProfile } from './scim-profile.entity';
import { ScimProfilesService } from './scim-profiles.service';
import { ScimPersonalData } from './scim.personal-data';
import { ScimUsersRepository } from './scim-users.repository';
import { ScimUsersService } from './scim-users.service';
import { ScimController } from './scim.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([ScimProfile, StaffMember, Organisation, Site, Department]),
    StaffModule,
    AuditModule,
  ],
  controllers: [ScimController],
  providers: [ScimUsersRepository, ScimUsersService, ScimProfilesService, ScimPersonalData],
  exports: [ScimProfilesService],
})
export class ScimModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(ScimJsonMiddleware).forRoutes(ScimController);
  }
}
