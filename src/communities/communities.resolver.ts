import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { CommsAdminOnly, CurrentStaff, CurrentUser } from '../identity/auth.decorators';
import { Organisation } from '../organisations/organisation.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { communityViewer, CommunitiesService } from './communities.service';
import { CommunityMembership } from './community-membership.entity';
import { Community } from './community.entity';
import { CommunitiesArgs, CommunityArgs, CommunityMembersArgs } from './dto/communities.args';
import { CommunityIdInput } from './dto/community-id.input';
import {
  CommunityConnection,
  CommunityMemberConnection,
  CommunityMembershipPayload,
  CommunityPayload,
} from './dto/community.payload';
import { CreateCommunityInput } from './dto/create-community.input';
import { SetCommunityMemberRoleInput } from './dto/set-community-member-role.input';
import { UpdateCommunityInput } from './dto/update-community.input';

@Resolver(() => Community)
export class CommunitiesResolver {
  constructor(private readonly service: CommunitiesService) {}

  @Query(() => CommunityConnection, {
    description: 'Communities the viewer may see (NHS-wide and their organisation’s), by name.',
  })
  communities(@CurrentUser() user: AuthenticatedUser, @Args() args: CommunitiesArgs) {
    return this.service.list(communityViewer(user), args.filter ?? {}, args.first, args.after);
  }

  @Query(() => Community, { description: 'One community, by id or slug.' })
  community(@CurrentUser() user: AuthenticatedUser, @Args() args: CommunityArgs) {
    return this.service.get(communityViewer(user), {
      id: args.id,
      slug: args.slug,
    });
  }

  @CommsAdminOnly()
  @Mutation(() => CommunityPayload, { description: 'Comms.Admin: create a community.' })
  async createCommunity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CreateCommunityInput,
  ) {
    return { community: await this.service.create(user, input) };
  }

  @CommsAdminOnly()
  @Mutation(() => CommunityPayload, { description: 'Comms.Admin: change a community.' })
  async updateCommunity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: UpdateCommunityInput,
  ) {
    return { community: await this.service.update(user, input) };
  }

  @CommsAdminOnly()
  @Mutation(() => CommunityPayload, {
    description: 'Comms.Admin: archive a community (no new members; hidden from the list).',
  })
  async archiveCommunity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CommunityIdInput,
  ) {
    const community = await this.service.setArchived(user, input.communityId, true);
    return { community };
  }

  @CommsAdminOnly()
  @Mutation(() => CommunityPayload, {
    description: 'Comms.Admin: bring an archived community back.',
  })
  async unarchiveCommunity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CommunityIdInput,
  ) {
    const community = await this.service.setArchived(user, input.communityId, false);
    return { community };
  }

  @Mutation(() => CommunityPayload, {
    description: 'Join a community (joining twice is harmless).',
  })
  async joinCommunity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CommunityIdInput,
  ) {
    return {
      community: await this.service.join(communityViewer(user), input.communityId),
    };
  }

  @Mutation(() => CommunityPayload, {
    description: 'Leave a community (harmless if not a member).',
  })
  async leaveCommunity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CommunityIdInput,
  ) {
    return {
      community: await this.service.leave(communityViewer(user), input.communityId),
    };
  }

  @CommsAdminOnly()
  @Mutation(() => CommunityMembershipPayload, {
    description: 'Comms.Admin: make someone a member, champion or organiser of a community.',
  })
  async setCommunityMemberRole(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetCommunityMemberRoleInput,
  ) {
    const membership = await this.service.setMemberRole(
      user,
      input.communityId,
      input.staffId,
      input.role,
    );
    return { membership };
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation of an organisation-only community.',
  })
  organisation(community: Community, _args: unknown, { loaders }: GraphQLContext) {
    return community.organisationId
      ? loaders.organisationById.load(community.organisationId)
      : null;
  }

  @ResolveField(() => Boolean)
  archived(community: Community) {
    return community.archivedAt !== null;
  }

  @ResolveField(() => CommunityMembership, {
    nullable: true,
    description: 'The viewer’s membership, if they have joined.',
  })
  viewerMembership(
    @Parent() community: Community,
    @CurrentStaff() viewer: StaffMember,
    @Context() { loaders }: GraphQLContext,
  ) {
    return loaders.communities.viewerMembership(viewer.id).load(community.id);
  }

  @ResolveField(() => CommunityMemberConnection, {
    description:
      'Members the viewer may see, in the order they joined. totalCount counts everyone who joined.',
  })
  members(@Parent() community: Community, @Args() args: CommunityMembersArgs) {
    return this.service.members(community, args.role, args.first, args.after);
  }
}

@Resolver(() => CommunityMembership)
export class CommunityMembershipResolver {
  @ResolveField(() => StaffMember)
  member(membership: CommunityMembership, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.staffById.load(membership.staffId);
  }

  @ResolveField(() => Community)
  community(membership: CommunityMembership, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.communities.communityById.load(membership.communityId);
  }
}

@Resolver(() => StaffMember)
export class StaffCommunitiesResolver {
  constructor(private readonly service: CommunitiesService) {}

  @ResolveField(() => [CommunityMembership], {
    description: 'The communities this person has joined that the viewer may see.',
  })
  async communities(
    @Parent() person: StaffMember,
    @CurrentUser() user: AuthenticatedUser,
    @Context() { loaders }: GraphQLContext,
  ) {
    const memberships = await loaders.communities.membershipsByStaffId.load(person.id);
    const communities = await loaders.communities.communityById.loadMany(
      memberships.map((m) => m.communityId),
    );
    const viewer = communityViewer(user);
    return memberships.filter((_, i) => {
      const community = communities[i];
      return (
        community instanceof Object &&
        !(community instanceof Error) &&
        !community.archivedAt &&
        this.service.canSee(viewer, community)
      );
    });
  }
}
