import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CommsAdminOnly } from '../identity/auth.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { RemoveLeaderInput, ReorderLeadersInput, SetLeaderInput } from './dto/leader.input';
import {
  LeaderConnection,
  RemoveLeaderPayload,
  ReorderLeadersPayload,
  SetLeaderPayload,
} from './dto/leader.payload';
import { Leader } from './leader.entity';
import { LeadersService } from './leaders.service';

@Resolver(() => Leader)
export class LeadersResolver {
  constructor(private readonly service: LeadersService) {}

  @Query(() => LeaderConnection, {
    description: 'Featured leaders, in the order the communications team set.',
  })
  leaders(@Args() args: PageArgs) {
    return this.service.page(args.first, args.after);
  }

  @CommsAdminOnly()
  @Mutation(() => SetLeaderPayload, {
    description: 'Comms.Admin: feature a person as a leader, or edit their leader profile.',
  })
  async setLeader(@Args('input') input: SetLeaderInput) {
    return { leader: await this.service.set(input) };
  }

  @CommsAdminOnly()
  @Mutation(() => RemoveLeaderPayload, { description: 'Comms.Admin: stop featuring a leader.' })
  async removeLeader(@Args('input') input: RemoveLeaderInput) {
    const { staffId } = input;
    return { staffId, leaders: await this.service.remove(staffId) };
  }

  @CommsAdminOnly()
  @Mutation(() => ReorderLeadersPayload, { description: 'Comms.Admin: set the featured order.' })
  async reorderLeaders(@Args('input') input: ReorderLeadersInput) {
    return { leaders: await this.service.reorder(input.staffIds) };
  }

  @ResolveField(() => StaffMember, { description: 'The leader, with their accounts.' })
  person(@Parent() leader: Leader, @Context() { loaders }: GraphQLContext) {
    return loaders.staffById.load(leader.staffId);
  }
}

@Resolver(() => StaffMember)
export class StaffLeaderResolver {
  @ResolveField(() => Leader, {
    nullable: true,
    description: 'Their leader profile, when they are a featured leader.',
  })
  leader(@Parent() person: StaffMember, @Context() { loaders }: GraphQLContext) {
    return loaders.leaderByStaffId.load(person.id);
  }
}
