import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CurrentStaff } from '../identity/auth.decorators';
import { SocialAccount } from '../social-accounts/social-account.entity';
import type { StaffMember } from '../staff/staff-member.entity';
import { FigureHistoryArgs } from './dto/figure-history.args';
import { ReportMyMetricsInput, ReportMyMetricsPayload } from './dto/report-my-metrics.input';
import { MetricSnapshot } from './metric-snapshot.entity';
import { MetricsService } from './metrics.service';

@Resolver(() => SocialAccount)
export class MetricsResolver {
  constructor(private readonly metrics: MetricsService) {}

  @Mutation(() => ReportMyMetricsPayload, {
    description:
      'Record my own figures for one of my accounts (source SELF_REPORTED: shown as self-reported, not checked by anyone).',
  })
  async reportMyMetrics(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: ReportMyMetricsInput,
  ): Promise<ReportMyMetricsPayload> {
    return { snapshot: await this.metrics.reportMine(me, input) };
  }

  @ResolveField(() => MetricSnapshot, {
    nullable: true,
    description:
      'The account’s figures on its latest recorded day, with their source (SELF_REPORTED ones are the owner’s own word).',
  })
  latestFigures(
    @Parent() account: SocialAccount,
    @Context() { loaders }: GraphQLContext,
  ): Promise<MetricSnapshot | null> {
    return loaders.latestFiguresByAccountId.load(account.id);
  }

  @ResolveField(() => [MetricSnapshot], {
    description:
      'The account’s figures day by day over its last `days` days, oldest first: one per day (an imported or fetched figure before a self-reported one). Days with no figures are left out.',
  })
  figureHistory(
    @Parent() account: SocialAccount,
    @Args() { days }: FigureHistoryArgs,
    @Context() { loaders }: GraphQLContext,
  ): Promise<MetricSnapshot[]> {
    return loaders.figureHistoryByAccountId.load({ accountId: account.id, days });
  }
}
