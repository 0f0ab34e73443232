import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ForbiddenError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import {
  administeredOrganisationId,
  isNationalAdmin,
  mayAdminister,
} from '../identity/admin-scope';
import { CommsAdminOnly, CurrentUser } from '../identity/auth.decorators';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { Organisation } from '../organisations/organisation.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditErrorReason } from './audit.errors';
import { AuditService } from './audit.service';
import { AuditEntryConnection, AuditLogArgs } from './dto/audit-log.args';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @CommsAdminOnly()
  @Query(() => AuditEntryConnection, {
    description:
      'The audit log, newest first. Comms.Admin: entries of their confirmed organisation; ' +
      'Comms.NationalAdmin: every entry (filter by organisation to narrow it).',
  })
  auditLog(@CurrentUser() user: AuthenticatedUser, @Args() args: AuditLogArgs) {
    const { organisationId, ...filter } = args.filter ?? {};
    let scope: number | undefined;
    if (isNationalAdmin(user)) {
      scope = organisationId;
    } else {
      const own = administeredOrganisationId(user);
      if (own === null || (organisationId !== undefined && !mayAdminister(user, organisationId))) {
        throw new ForbiddenError(
          AuditErrorReason.AUDIT_LOG_FORBIDDEN,
          'The audit log is for the communications team of a confirmed organisation, or Comms.NationalAdmin',
          organisationId !== undefined ? 'organisationId' : undefined,
        );
      }
      scope = own;
    }
    return this.audit.page({ ...filter, organisationId: scope }, args.first, args.after);
  }

  @ResolveField(() => StaffMember, {
    nullable: true,
    description: 'Who acted (null for provisioning, the system, or an erased person).',
  })
  actor(entry: AuditEntry, _args: unknown, { loaders }: GraphQLContext) {
    return entry.actorId === null ? null : loaders.staffById.load(entry.actorId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Stands for an erased actor: the anonymous reference of their erasure (null otherwise).',
  })
  async actorReference(entry: AuditEntry): Promise<string | null> {
    if (entry.actorId === null) return null;
    return (await this.audit.anonymousReferenceOf(entry.actorId)) ?? null;
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'Null for NHS-wide changes.' })
  organisation(entry: AuditEntry, _args: unknown, { loaders }: GraphQLContext) {
    return entry.organisationId === null
      ? null
      : loaders.organisationById.load(entry.organisationId);
  }
}
