import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CommsAdminOnly, CurrentUser } from '../identity/auth.decorators';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { Organisation } from '../organisations/organisation.entity';
import { Platform } from '../social-accounts/platforms/platform';
import { StaffGroup, STAFF_GROUP_LABELS } from '../staff/staff-group';
import { StaffMember } from '../staff/staff-member.entity';
import { SnapshotDimension } from './dashboard-snapshot.entity';
import { Figures, SnapshotGroup } from './dashboard.repository';
import { DashboardService, DashboardView } from './dashboard.service';
import {
  AdoptionFigures,
  AdoptionGroup,
  Advocate,
  CommsDashboard,
  CommsDashboardArgs,
  RefreshCommsDashboardInput,
  RefreshCommsDashboardPayload,
  TopAdvocatesArgs,
} from './dto/dashboard.types';

const NOT_GIVEN = 'Not given';
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function figures(f: Figures): AdoptionFigures {
  return {
    people: f.people,
    listed: f.listed,
    withAccount: f.withAccount,
    withVerifiedAccount: f.withVerified,
    accounts: f.accounts,
    verifiedAccounts: f.verifiedAccounts,
    verifiedShare: share(f.verifiedAccounts, f.accounts),
    accountShare: share(f.withAccount, f.people),
  };
}

const ZERO: Figures = {
  people: 0,
  listed: 0,
  withAccount: 0,
  withVerified: 0,
  accounts: 0,
  verifiedAccounts: 0,
  posts: 0,
  engagements: 0,
};

function groups(view: DashboardView, dimension: string): AdoptionGroup[] {
  return view.groups
    .filter((g) => g.dimension === dimension)
    .map((g) => asGroup(g))
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.label.localeCompare(b.label)));
}

function asGroup(g: SnapshotGroup): AdoptionGroup {
  const isStaffGroup = g.dimension === SnapshotDimension.STAFF_GROUP;
  const given = g.groupKey !== '';
  return {
    id: !isStaffGroup && given ? g.groupKey : null,
    staffGroup: isStaffGroup && given ? (g.groupKey as StaffGroup) : null,
    label: !given
      ? NOT_GIVEN
      : isStaffGroup
        ? (STAFF_GROUP_LABELS[g.groupKey as StaffGroup] ?? g.groupKey)
        : (g.label ?? g.groupKey),
    figures: figures(g),
  };
}

/** The comms dashboard: thin; the figures come from DashboardService's daily snapshots. */
@Resolver(() => CommsDashboard)
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  @CommsAdminOnly()
  @Mutation(() => RefreshCommsDashboardPayload, {
    description:
      'Count an organisation’s adoption figures for today again, now, instead of waiting for the ' +
      'hourly job (Comms.Admin: their own; Comms.NationalAdmin: the one named). Audited.',
  })
  refreshCommsDashboard(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RefreshCommsDashboardInput,
  ): Promise<RefreshCommsDashboardPayload> {
    return this.dashboards.refresh(user, input.organisationId);
  }

  @CommsAdminOnly()
  @Query(() => CommsDashboard, {
    description:
      'Adoption, its history, campaign results and top advocates. Comms.Admin: their confirmed ' +
      'organisation; Comms.NationalAdmin: any organisation, or NHS-wide when organisationId is omitted.',
  })
  async commsDashboard(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: CommsDashboardArgs,
  ): Promise<CommsDashboard> {
    const view = await this.dashboards.dashboard(user, args.organisationId, args.from, args.to);
    const whole = view.groups.find(
      (g) => g.dimension === SnapshotDimension.ORGANISATION && g.groupKey === '',
    );
    // NHS-wide, the ORGANISATION row is already every organisation's summed
    const totals = whole ?? ZERO;
    return {
      organisationId: view.organisationId,
      from: view.from,
      to: view.to,
      day: view.day,
      totals: figures(totals),
      bySite: groups(view, SnapshotDimension.SITE),
      byDepartment: groups(view, SnapshotDimension.DEPARTMENT),
      byStaffGroup: groups(view, SnapshotDimension.STAFF_GROUP),
      byOrganisation: groups(view, 'BY_ORGANISATION'),
      byPlatform: view.groups
        .filter((g) => g.dimension === SnapshotDimension.PLATFORM)
        .map((g) => ({
          platform: g.groupKey as Platform,
          people: g.people,
          accounts: g.accounts,
          verifiedAccounts: g.verifiedAccounts,
        }))
        .sort((a, b) => b.accounts - a.accounts || a.platform.localeCompare(b.platform)),
      campaigns: view.groups
        .filter((g) => g.dimension === SnapshotDimension.CAMPAIGN)
        .map((g) => ({
          campaignId: g.groupKey,
          name: g.label ?? g.groupKey,
          participants: g.people,
          posts: g.posts,
          engagements: g.engagements,
        }))
        .sort((a, b) => b.participants - a.participants || a.name.localeCompare(b.name)),
      history: view.history.map((d) => ({ day: d.day, figures: figures(d) })),
    };
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(dashboard: CommsDashboard, _args: unknown, { loaders }: GraphQLContext) {
    return dashboard.organisationId === null
      ? null
      : loaders.organisationById.load(dashboard.organisationId);
  }

  @ResolveField(() => [Advocate], {
    description:
      'The top of the leaderboard (the organisation’s board, or the NHS-wide one), named as the leaderboard’s consent rules allow.',
  })
  async topAdvocates(
    @CurrentUser() user: AuthenticatedUser,
    @Parent() dashboard: CommsDashboard,
    @Args() args: TopAdvocatesArgs,
  ): Promise<Advocate[]> {
    const places = await this.dashboards.topAdvocates(
      user,
      dashboard.organisationId,
      args.window,
      args.first,
    );
    return places.map((p) => ({ rank: p.rank, score: p.score, staffId: p.staffId }));
  }
}

@Resolver(() => Advocate)
export class AdvocateResolver {
  @ResolveField(() => StaffMember, { nullable: true })
  staff(advocate: Advocate, _args: unknown, { loaders }: GraphQLContext) {
    return advocate.staffId === null ? null : loaders.staffById.load(advocate.staffId);
  }
}
