import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CommsAdminOnly, CurrentUser } from '../identity/auth.decorators';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { Organisation } from '../organisations/organisation.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { RemoveLeaderInput, ReorderLeadersInput, SetLeaderInput } from './dto/leader.input';
import {
  LeaderConnection,
  RemoveLeaderPayload,
  ReorderLeadersPayload,
  SetLeaderPayload,
} from './dto/leader.payload';
import { LeadersArgs } from './dto/leaders.args';
import { Leader } from './leader.entity';
import { LeadersService } from './leaders.service';

@Resolver(() => Leader)
export class LeadersResolver {
  constructor(private readonly service: LeadersService) {}

  @Query(() => LeaderConnection, {
    description: 'Featured leaders, in the order the communications team set.',
  })
  leaders(@Args() args: LeadersArgs) {
    return this.service.page(args.first, args.after, args.organisationId ?? null);
  }

  @CommsAdminOnly()
  @Mutation(() => SetLeaderPayload, {
    description:
      "Feature a person as a leader, or edit their leader profile: the national list needs Comms.NationalAdmin, an organisation's list its Comms.Admin.",
  })
  async setLeader(@CurrentUser() user: AuthenticatedUser, @Args('input') input: SetLeaderInput) {
    return { leader: await this.service.set(user, input) };
  }

  @CommsAdminOnly()
  @Mutation(() => RemoveLeaderPayload, {
    description: 'Stop featuring a leader (the curator of their list only).',
  })
  async removeLeader(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RemoveLeaderInput,
  ) {
    const { staffId } = input;
    return { staffId, leaders: await this.service.remove(user, staffId) };
  }

  @CommsAdminOnly()
  @Mutation(() => ReorderLeadersPayload, {
    description: "Set one list's featured order (its curator only).",
  })
  async reorderLeaders(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ReorderLeadersInput,
  ) {
    return {
      leaders: await this.service.reorder(user, input.staffIds, input.organisationId ?? null),
    };
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'Whose list they are on; null: the national list.',
  })
  organisation(leader: Leader, _args: unknown, { loaders }: GraphQLContext) {
    return leader.organisationId === null || leader.organisationId === undefined
      ? null
      : loaders.organisationById.load(leader.organisationId);
  }

  @ResolveField(() => StaffMember, { description: 'The leader, with their accounts.' })
  person(leader: Leader, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.staffById.load(leader.staffId);
  }
}

@Resolver(() => StaffMember)
export class StaffLeaderResolver {
  @ResolveField(() => Leader, {
    nullable: true,
    description: 'Their leader profile, when they are a featured leader.',
  })
  leader(person: StaffMember, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.leaderByStaffId.load(person.id);
  }
}
