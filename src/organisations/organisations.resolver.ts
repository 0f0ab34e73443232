import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
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

  @ResolveField(() => [Site])
  sites(@Parent() organisation: Organisation, @Context() { loaders }: GraphQLContext) {
    return loaders.sitesByOrganisationId.load(organisation.id);
  }

  @ResolveField(() => [Department])
  departments(@Parent() organisation: Organisation, @Context() { loaders }: GraphQLContext) {
    return loaders.departmentsByOrganisationId.load(organisation.id);
  }
}
