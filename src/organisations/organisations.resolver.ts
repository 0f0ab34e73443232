import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CommsAdminOnly, CurrentUser } from '../identity/auth.decorators';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { OrganisationArgs } from './dto/organisation.args';
import {
  RenameDepartmentInput,
  RenameDepartmentPayload,
  RenameSiteInput,
  RenameSitePayload,
} from './dto/rename-place.input';
import { OrganisationErrorReason } from './organisation.errors';
import { Department } from './department.entity';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { Site } from './site.entity';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly organisationsService: OrganisationsService) {}

  @Query(() => [Organisation], { description: 'Every organisation, by name.' })
  organisations() {
    return this.organisationsService.list();
  }

  @Query(() => Organisation, {
    description: 'One organisation, by id (for its sites and departments).',
  })
  async organisation(@Args() { id }: OrganisationArgs) {
    const [organisation] = await this.organisationsService.findOrganisationsByIds([id]);
    if (!organisation) {
      throw new NotFoundError(
        OrganisationErrorReason.ORGANISATION_NOT_FOUND,
        'No such organisation',
        'id',
      );
    }
    return organisation;
  }

  @CommsAdminOnly()
  @Mutation(() => RenameSitePayload, {
    description:
      'Communications team: rename one of my organisation’s sites (a national admin: any). ' +
      'People there are found by the new name at once. Audited.',
  })
  async renameSite(
    @CurrentUser() admin: AuthenticatedUser,
    @Args('input') { siteId, name }: RenameSiteInput,
  ): Promise<RenameSitePayload> {
    return {
      site: (await this.organisationsService.renameByAdmin(admin, { siteId }, name)) as Site,
    };
  }

  @CommsAdminOnly()
  @Mutation(() => RenameDepartmentPayload, {
    description:
      'Communications team: rename one of my organisation’s departments (a national admin: ' +
      'any). People there are found by the new name at once. Audited.',
  })
  async renameDepartment(
    @CurrentUser() admin: AuthenticatedUser,
    @Args('input') { departmentId, name }: RenameDepartmentInput,
  ): Promise<RenameDepartmentPayload> {
    return {
      department: (await this.organisationsService.renameByAdmin(
        admin,
        { departmentId },
        name,
      )) as Department,
    };
  }

  @ResolveField(() => [Site])
  sites(organisation: Organisation, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.sitesByOrganisationId.load(organisation.id);
  }

  @ResolveField(() => [Department])
  departments(organisation: Organisation, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.departmentsByOrganisationId.load(organisation.id);
  }
}
