import { Args, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CurrentUser } from '../identity/auth.decorators';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { StaffMember } from '../staff/staff-member.entity';
import {
  LeaderboardArgs,
  LeaderboardConnection,
  LeaderboardEntry,
  LeaderboardPosition,
  LeaderboardPositionArgs,
  LeaderboardWeights,
  LeaderboardUpdate,
  LeaderboardWeightsArgs,
  RisingStarsArgs,
  TeamLeaderboardArgs,
  TeamStanding,
  UpdateLeaderboardWeightsInput,
  UpdateLeaderboardWeightsPayload,
} from './dto/leaderboard.types';
import { LeaderboardEvents, LeaderboardNews } from './leaderboard-events';
import { LeaderboardService } from './leaderboard.service';
import { describeFormula, ScoreWeights } from './score';

const withFormula = (weights: ScoreWeights): LeaderboardWeights => ({
  ...weights,
  formula: describeFormula(weights),
});

@Resolver(() => LeaderboardEntry)
export class LeaderboardResolver {
  constructor(
    private readonly service: LeaderboardService,
    private readonly events: LeaderboardEvents,
  ) {}

  @Subscription(() => LeaderboardUpdate, {
    description:
      'Live: tells you when the board of this window (or campaign) changes, over graphql-ws on ' +
      '/graphql with the bearer token in connectionParams ({ authorization: "Bearer …" }).',
    filter(this: LeaderboardResolver, news: LeaderboardNews, args: LeaderboardPositionArgs) {
      return news.periods.includes(this.service.periodOf(args));
    },
    resolve(this: void, news: LeaderboardNews, args: LeaderboardPositionArgs): LeaderboardUpdate {
      return {
        window: args.window,
        campaignId: args.campaignId ? String(args.campaignId) : null,
        changedAt: news.changedAt,
      };
    },
  })
  leaderboardUpdated(@Args() args: LeaderboardPositionArgs) {
    this.service.periodOf(args); // a CAMPAIGN window without its campaign is refused at once
    return this.events.listen();
  }

  @Query(() => LeaderboardConnection, {
    description:
      'A leaderboard: ranks, scores, movement since the previous window and each breakdown. ' +
      'People are named only if they opted in (showOnLeaderboard); you always see yourself, and ' +
      'the communications team sees its own organisation’s people.',
  })
  leaderboard(@CurrentUser() user: AuthenticatedUser, @Args() args: LeaderboardArgs) {
    return this.service.page(user, args, args.first, args.after);
  }

  @Query(() => LeaderboardPosition, {
    nullable: true,
    description: 'My own place on a board (null when I am not on it), opted in or not.',
  })
  myLeaderboardPosition(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: LeaderboardPositionArgs,
  ) {
    return this.service.myPosition(user, args);
  }

  @Query(() => [LeaderboardEntry], {
    description:
      'Rising stars: who gained most points on this board since the previous window (fastest growth).',
  })
  risingStars(@CurrentUser() user: AuthenticatedUser, @Args() args: RisingStarsArgs) {
    return this.service.risingStars(user, args, args.first);
  }

  @Query(() => [TeamStanding], {
    description:
      'Departments or sites of an organisation, or organisations, by average score per ranked person (never totals).',
  })
  teamLeaderboard(@CurrentUser() user: AuthenticatedUser, @Args() args: TeamLeaderboardArgs) {
    const organisationId =
      args.organisationId === undefined || args.organisationId === null
        ? (user.staff.organisationId ?? null)
        : args.organisationId;
    return this.service.teams(
      args,
      args.kind.toLowerCase() as 'department' | 'site' | 'organisation',
      organisationId,
    );
  }

  @Query(() => LeaderboardWeights, {
    description: 'The weights that apply in an organisation (or NHS-wide), with the formula.',
  })
  async leaderboardWeights(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { organisationId }: LeaderboardWeightsArgs,
  ) {
    const id = organisationId === undefined ? (user.staff.organisationId ?? null) : organisationId;
    return withFormula(await this.service.weightsFor(id));
  }

  @Mutation(() => UpdateLeaderboardWeightsPayload, {
    description: 'Comms.Admin: change the weights of my organisation’s scores.',
  })
  async updateLeaderboardWeights(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: UpdateLeaderboardWeightsInput,
  ): Promise<UpdateLeaderboardWeightsPayload> {
    const { organisationId, ...changes } = input;
    const id = organisationId === undefined ? (user.staff.organisationId ?? null) : organisationId;
    return { weights: withFormula(await this.service.updateWeights(user, id, changes)) };
  }

  @ResolveField(() => StaffMember, { nullable: true })
  staff(entry: LeaderboardEntry, _args: unknown, { loaders }: GraphQLContext) {
    return entry.staffId === null ? null : loaders.staffById.load(entry.staffId);
  }
}

@Resolver(() => LeaderboardPosition)
export class LeaderboardPositionResolver {
  @ResolveField(() => StaffMember, { nullable: true })
  staff(entry: LeaderboardPosition, _args: unknown, { loaders }: GraphQLContext) {
    return entry.staffId === null ? null : loaders.staffById.load(entry.staffId);
  }
}
