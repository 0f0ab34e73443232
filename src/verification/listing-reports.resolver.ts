import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { mayAdminister } from '../identity/admin-scope';
import { CurrentStaff, CurrentUser } from '../identity/auth.decorators';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { StaffMember } from '../staff/staff-member.entity';
import {
  ListingReportConnection,
  ListingReportPayload,
  ReportListingInput,
  ResolveListingReportInput,
} from './dto/verification.inputs';
import { ListingReport } from './listing-report.entity';
import { ListingReportsService } from './listing-reports.service';

@Resolver(() => ListingReport)
export class ListingReportsResolver {
  constructor(private readonly reports: ListingReportsService) {}

  @RateLimit('listingReports')
  @Mutation(() => ListingReportPayload, {
    description: 'Report a listing: the wrong person, an impersonation, or abuse, with a reason.',
  })
  async reportListing(@CurrentStaff() me: StaffMember, @Args('input') input: ReportListingInput) {
    return { report: await this.reports.report(me, input) };
  }

  @Mutation(() => ListingReportPayload, {
    description:
      'Comms.Admin of the listed person’s organisation: dismiss the report, hide the account ' +
      '(only its owner sees it) or remove it, with a note the reporter reads.',
  })
  async resolveListingReport(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ResolveListingReportInput,
  ) {
    return { report: await this.reports.resolve(user, input) };
  }

  @Query(() => ListingReportConnection, {
    description: 'Comms.Admin: open reports about my organisation’s people, oldest first.',
  })
  listingReportQueue(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs) {
    return this.reports.queue(user, args.first, args.after);
  }

  @Query(() => ListingReportConnection, {
    description: 'The reports I made, newest first, with their outcome.',
  })
  myListingReports(@CurrentStaff() me: StaffMember, @Args() args: PageArgs) {
    return this.reports.mine(me, args.first, args.after);
  }

  @ResolveField(() => SocialAccount, {
    nullable: true,
    description: 'The account reported (null once removed): for the communications team.',
  })
  async account(
    @Parent() report: ListingReport,
    @CurrentUser() user: AuthenticatedUser,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (!report.accountId || !(await this.administers(user, report, loaders))) return null;
    return loaders.socialAccountById.load(report.accountId);
  }

  @ResolveField(() => StaffMember, {
    nullable: true,
    description: 'The person listed: for the communications team.',
  })
  async subject(
    @Parent() report: ListingReport,
    @CurrentUser() user: AuthenticatedUser,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (!(await this.administers(user, report, loaders))) return null;
    return loaders.staffById.load(report.subjectStaffId);
  }

  @ResolveField(() => StaffMember, {
    nullable: true,
    description: 'Who reported it: for the communications team.',
  })
  async reporter(
    @Parent() report: ListingReport,
    @CurrentUser() user: AuthenticatedUser,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (!(await this.administers(user, report, loaders))) return null;
    return loaders.staffById.load(report.reporterId);
  }

  private async administers(
    user: AuthenticatedUser,
    report: ListingReport,
    loaders: GraphQLContext['loaders'],
  ) {
    const subject = await loaders.staffById.load(report.subjectStaffId);
    return subject !== null && mayAdminister(user, subject.organisationId);
  }
}
