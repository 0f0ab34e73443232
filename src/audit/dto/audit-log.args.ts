import { ArgsType, Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/graphql/connection';
import { IdField } from '../../common/graphql/id';
import { AuditEntry } from '../audit-entry.entity';

@InputType({ description: 'Narrows the audit log; every field given must match.' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'e.g. organisationClaim.confirm.' })
  @IsOptional()
  @MaxLength(64)
  action?: string;

  @IdField({ of: 'staff', nullable: true, description: 'Who acted.' })
  actorId?: number;

  @Field(() => String, { nullable: true, description: 'e.g. staff, community, guidance.' })
  @IsOptional()
  @MaxLength(64)
  targetType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  targetId?: string;

  @IdField({
    of: 'organisation',
    nullable: true,
    description: 'Comms.NationalAdmin: one organisation. Comms.Admin always sees only their own.',
  })
  organisationId?: number;

  @Field(() => Date, { nullable: true, description: 'From this moment (inclusive).' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Before this moment.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilter)
  filter?: AuditLogFilter;
}

@ObjectType()
export class AuditEntryConnection extends ConnectionType(AuditEntry) {}
