import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CurrentStaff } from '../identity/auth.decorators';
import { Department } from '../organisations/department.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Site } from '../organisations/site.entity';
import { canSeeAccount } from '../social-accounts/account-visibility';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { StaffMemberArgs } from './dto/staff-member.args';
import { UpdateMyProfileInput, UpdateMyProfilePayload } from './dto/update-my-profile.input';
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
  async staffMember(
    @Args() { id }: StaffMemberArgs,
    @CurrentStaff() viewer: StaffMember,
    @Context() { loaders }: GraphQLContext,
  ) {
    const { person, organisation, site, department } = await this.staff.getVisibleProfile(
      id,
      viewer,
    );
    // read with the person: the place fields below find them already loaded
    if (organisation) loaders.organisationById.prime(organisation.id, organisation);
    if (site) loaders.siteById.prime(site.id, site);
    if (department) loaders.departmentById.prime(department.id, department);
    return person;
  }

  @Mutation(() => UpdateMyProfilePayload, { description: 'Change my own profile.' })
  async updateMyProfile(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: UpdateMyProfileInput,
  ): Promise<UpdateMyProfilePayload> {
    return { staffMember: await this.staff.updateProfile(me, input) };
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether colleagues can find this person in the directory: active and has accepted the ' +
      'current social media guidance (or none applies). False until the guidance is accepted.',
  })
  listed(@Parent() person: StaffMember) {
    return person.listed;
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether this person has accepted the current social media guidance that applies to them ' +
      '(true when none has been published). When false for `me`, ask them to accept it.',
  })
  guidanceAccepted(@Parent() person: StaffMember) {
    // for an active person (the only kind anyone sees), listed is exactly this
    return person.listed;
  }

  // The places take graphql-js's own arguments (parent, arguments, context), no parameter
  // decorators: a field resolver without them is called as it is, not through Nest's wrapper
  // (a promise chain through the pipes for each parameter), on every person of every answer.
  @ResolveField(() => Organisation, { nullable: true })
  organisation(person: StaffMember, _args: unknown, { loaders }: GraphQLContext) {
    return person.organisationId ? loaders.organisationById.load(person.organisationId) : null;
  }

  @ResolveField(() => Site, { nullable: true })
  site(person: StaffMember, _args: unknown, { loaders }: GraphQLContext) {
    return person.siteId ? loaders.siteById.load(person.siteId) : null;
  }

  @ResolveField(() => Department, { nullable: true })
  department(person: StaffMember, _args: unknown, { loaders }: GraphQLContext) {
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
