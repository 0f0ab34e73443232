import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CurrentStaff } from '../identity/auth.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { DirectoryService } from './directory.service';
import { StaffArgs, StaffConnection } from './dto/staff-filter.input';

@Resolver()
export class DirectoryResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => StaffConnection, {
    description:
      'The staff directory: people who have accepted their guidance, by relevance then name. ' +
      'With nothing searched, or a search matching more than 1,000 people (a letter or two as ' +
      'someone starts typing), by name. Every account visibility choice is respected: a handle ' +
      'you may not see never makes a person match. You can search before you are listed.',
  })
  async staff(
    @CurrentStaff() viewer: StaffMember,
    @Args() args: StaffArgs,
    @Context() { loaders }: GraphQLContext,
  ): Promise<StaffConnection> {
    const { connection, places } = await this.directory.search(viewer, args);
    // read with the page's people: the cards' place fields find them already loaded
    for (const organisation of places.organisations) {
      loaders.organisationById.prime(organisation.id, organisation);
    }
    for (const site of places.sites) loaders.siteById.prime(site.id, site);
    for (const department of places.departments) {
      loaders.departmentById.prime(department.id, department);
    }
    return connection;
  }
}
