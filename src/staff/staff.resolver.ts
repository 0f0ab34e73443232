import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CurrentStaff } from '../identity/auth.decorators';
import { Department } from '../organisations/department.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Site } from '../organisations/site.entity';
import { canSeeAccount } from '../social-accounts/account-visibility';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { StaffMember } from './staff-member.entity';
import { StaffService } from './staff.service';

@Resolver(() => StaffMember)
export class StaffResolver {
  constructor(private readonly staff: StaffService) {}

  @Query(() => StaffMember, { description: 'The signed-in person.' })
  me(@CurrentStaff() me: StaffMember) {
    return me;
  }

  @Query(() => StaffMember, { description: 'A member of staff by id.' })
  staffMember(@Args('id', { type: () => ID }) id: string) {
    return this.staff.getVisible(Number(id));
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() person: StaffMember, @Context() { loaders }: GraphQLContext) {
    return person.organisationId ? loaders.organisationById.load(person.organisationId) : null;
  }

  @ResolveField(() => Site, { nullable: true })
  site(@Parent() person: StaffMember, @Context() { loaders }: GraphQLContext) {
    return person.siteId ? loaders.siteById.load(person.siteId) : null;
  }

  @ResolveField(() => Department, { nullable: true })
  department(@Parent() person: StaffMember, @Context() { loaders }: GraphQLContext) {
    return person.departmentId ? loaders.departmentById.load(person.departmentId) : null;
  }

  @ResolveField(() => [SocialAccount], { description: 'The accounts the viewer may see.' })
  async accounts(
    @Parent() person: StaffMember,
    @CurrentStaff() viewer: StaffMember,
    @Context() { loaders }: GraphQLContext,
  ) {
    const accounts = await loaders.accountsByStaffId.load(person.id);
    return accounts.filter((account) => canSeeAccount(viewer, account, person.organisationId));
  }
}
