import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditPersonalData } from './audit.personal-data';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** The audit log. Other features import this module and call `AuditService.record(tx, entry)`. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditRepository, AuditService, AuditResolver, AuditPersonalData],
  exports: [AuditService],
})
export class AuditModule {}
