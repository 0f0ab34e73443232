import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CurrentStaff } from '../identity/auth.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { FollowSuggestionsOptOutInput, StaffIdInput } from './dto/follow.input';
import {
  FollowersConnection,
  FollowingConnection,
  FollowPayload,
  FollowPreferencesPayload,
} from './dto/follow.payload';
import { FollowsService } from './follows.service';

@Resolver(() => StaffMember)
export class FollowsResolver {
  constructor(private readonly follows: FollowsService) {}

  @Mutation(() => FollowPayload, {
    description: 'Follow a colleague in the directory (following twice is harmless).',
  })
  async follow(@CurrentStaff() me: StaffMember, @Args('input') input: StaffIdInput) {
    return { followee: await this.follows.follow(me, input.staffId), follower: me };
  }

  @Mutation(() => FollowPayload, { description: 'Stop following (harmless if not following).' })
  async unfollow(@CurrentStaff() me: StaffMember, @Args('input') input: StaffIdInput) {
    return { followee: await this.follows.unfollow(me, input.staffId), follower: me };
  }

  @Mutation(() => FollowPreferencesPayload, {
    description: 'Opt out of (or back into) being suggested to others as someone to follow.',
  })
  async setFollowSuggestionsOptOut(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: FollowSuggestionsOptOutInput,
  ) {
    return { me: await this.follows.setSuggestionsOptOut(me, input.optOut) };
  }

  @ResolveField(() => Int, {
    description:
      'How many people follow them in the directory (a kept count: it includes followers who ' +
      'have since left or are not listed, whom the followers list does not show).',
  })
  async followerCount(person: StaffMember, _args: unknown, { loaders }: GraphQLContext) {
    return (await loaders.follows.statsByStaffId.load(person.id))?.followerCount ?? 0;
  }

  @ResolveField(() => Int, {
    description: 'How many people they follow in the directory (a kept count, like followerCount).',
  })
  async followingCount(person: StaffMember, _args: unknown, { loaders }: GraphQLContext) {
    return (await loaders.follows.statsByStaffId.load(person.id))?.followingCount ?? 0;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer follows them.' })
  async viewerFollows(
    @Parent() person: StaffMember,
    @CurrentStaff() viewer: StaffMember,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (person.id === viewer.id) return false;
    return (await loaders.follows.relations(viewer.id).load(person.id)).viewerFollows;
  }

  @ResolveField(() => Boolean, { description: 'Whether they follow the viewer.' })
  async followsViewer(
    @Parent() person: StaffMember,
    @CurrentStaff() viewer: StaffMember,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (person.id === viewer.id) return false;
    return (await loaders.follows.relations(viewer.id).load(person.id)).followsViewer;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'Whether they have opted out of being suggested to others. Only they see it (null for others).',
  })
  async followSuggestionsOptOut(
    @Parent() person: StaffMember,
    @CurrentStaff() viewer: StaffMember,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (person.id !== viewer.id) return null;
    const stats = await loaders.follows.statsByStaffId.load(person.id);
    return stats ? !stats.suggestible : false;
  }

  @ResolveField(() => FollowersConnection, {
    description:
      'People following them whom the viewer may see, newest first. totalCount counts them ' +
      '(it can be less than followerCount: see notListedCount).',
  })
  async followers(
    @Parent() person: StaffMember,
    @Args() args: PageArgs,
    @Context() { loaders }: GraphQLContext,
  ) {
    const total = (await loaders.follows.statsByStaffId.load(person.id))?.followerCount ?? 0;
    return this.follows.connection('followers', person, total, args.first, args.after);
  }

  @ResolveField(() => FollowingConnection, {
    description:
      'People they follow whom the viewer may see, newest first. totalCount counts them ' +
      '(it can be less than followingCount: see notListedCount).',
  })
  async following(
    @Parent() person: StaffMember,
    @Args() args: PageArgs,
    @Context() { loaders }: GraphQLContext,
  ) {
    const total = (await loaders.follows.statsByStaffId.load(person.id))?.followingCount ?? 0;
    return this.follows.connection('following', person, total, args.first, args.after);
  }
}
