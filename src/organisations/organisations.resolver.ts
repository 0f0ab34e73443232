import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { OrganisationArgs } from './dto/organisation.args';
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

  @ResolveField(() => [Site])
  sites(@Parent() organisation: Organisation, @Context() { loaders }: GraphQLContext) {
    return loaders.sitesByOrganisationId.load(organisation.id);
  }

  @ResolveField(() => [Department])
  departments(@Parent() organisation: Organisation, @Context() { loaders }: GraphQLContext) {
    return loaders.departmentsByOrganisationId.load(organisation.id);
  }
}
