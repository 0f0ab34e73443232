import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IdField } from '../../common/graphql/id';
import { LeaderboardWindow } from '../../leaderboard/windows';
import { Organisation } from '../../organisations/organisation.entity';
import { Platform } from '../../social-accounts/platforms/platform';
import { StaffGroup } from '../../staff/staff-group';
import { StaffMember } from '../../staff/staff-member.entity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class CommsDashboardArgs {
  @IdField({
    of: 'organisation',
    nullable: true,
    description:
      'Comms.Admin: their own confirmed organisation (the default). Comms.NationalAdmin: any one, or omitted for NHS-wide.',
  })
  organisationId?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day, YYYY-MM-DD (default: 29 days before `to`).',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last day, YYYY-MM-DD (default: today in Europe/London).',
  })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string | null;
}

@InputType()
export class RefreshCommsDashboardInput {
  @IdField({
    of: 'organisation',
    nullable: true,
    description:
      'Comms.Admin: their own confirmed organisation (the default). Comms.NationalAdmin: the one to count.',
  })
  organisationId?: number | null;
}

@ObjectType()
export class RefreshCommsDashboardPayload {
  @Field(() => ID)
  organisationId: number;

  @Field({ description: 'The day whose figures were counted again (today, Europe/London).' })
  day: string;
}

@ArgsType()
export class TopAdvocatesArgs {
  @Field(() => LeaderboardWindow, { defaultValue: LeaderboardWindow.MONTH })
  @IsEnum(LeaderboardWindow)
  window: LeaderboardWindow = LeaderboardWindow.MONTH;

  @Field(() => Int, { defaultValue: 10, description: 'How many (1–20).' })
  @IsInt()
  @Min(1)
  @Max(20)
  first: number = 10;
}

@ObjectType({ description: 'Adoption figures of a group of staff on one day.' })
export class AdoptionFigures {
  @Field(() => Int, { description: 'Active staff (people listed or not).' })
  people: number;

  @Field(() => Int, { description: 'Of them, listed in the directory (accepted the guidance).' })
  listed: number;

  @Field(() => Int, { description: 'People with at least one account others can see.' })
  withAccount: number;

  @Field(() => Int, { description: 'People with at least one verified account.' })
  withVerifiedAccount: number;

  @Field(() => Int, { description: 'Accounts others can see (not “only me”).' })
  accounts: number;

  @Field(() => Int)
  verifiedAccounts: number;

  @Field(() => Float, { description: 'verifiedAccounts ÷ accounts (0 when there are none).' })
  verifiedShare: number;

  @Field(() => Float, { description: 'withAccount ÷ people (0 when there are none).' })
  accountShare: number;
}

@ObjectType({ description: 'A site, department, staff group or organisation and its figures.' })
export class AdoptionGroup {
  @Field(() => ID, {
    nullable: true,
    description: 'The site, department or organisation id; null for “not given”.',
  })
  id: string | null;

  @Field(() => StaffGroup, { nullable: true, description: 'For a staff group.' })
  staffGroup: StaffGroup | null;

  @Field(() => String, { description: 'The name to show (“Not given” when the people gave none).' })
  label: string;

  @Field(() => AdoptionFigures)
  figures: AdoptionFigures;
}

@ObjectType({ description: 'Accounts on one platform.' })
export class PlatformAdoption {
  @Field(() => Platform)
  platform: Platform;

  @Field(() => Int, { description: 'People with an account there.' })
  people: number;

  @Field(() => Int)
  accounts: number;

  @Field(() => Int)
  verifiedAccounts: number;
}

@ObjectType({ description: 'A campaign’s results among the organisation’s (or NHS’s) staff.' })
export class CampaignResult {
  @Field(() => ID)
  campaignId: string;

  @Field()
  name: string;

  @Field(() => Int)
  participants: number;

  @Field(() => Int, { description: 'Campaign posts by those participants.' })
  posts: number;

  @Field(() => Int)
  engagements: number;
}

@ObjectType({ description: 'The figures of one day.' })
export class AdoptionDay {
  @Field({ description: 'YYYY-MM-DD.' })
  day: string;

  @Field(() => AdoptionFigures)
  figures: AdoptionFigures;
}

@ObjectType({
  description: 'A top advocate: a place on the leaderboard, named only as its rules allow.',
})
export class Advocate {
  @Field(() => Int)
  rank: number;

  @Field(() => Int)
  score: number;

  /** null when the viewer may not see who it is */
  staffId: number | null;

  @Field(() => StaffMember, {
    nullable: true,
    description:
      'Null unless the person opted in to the leaderboard, or the viewer is their own organisation’s communications team.',
  })
  staff?: StaffMember | null;
}

@ObjectType({
  description:
    'The communications dashboard: adoption by organisation, site, department, staff group and platform, ' +
    'its history from daily snapshots, campaign results and top advocates.',
})
export class CommsDashboard {
  organisationId: number | null;

  @Field(() => Organisation, { nullable: true, description: 'Null: NHS-wide.' })
  organisation?: Organisation | null;

  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The day the figures are of: the last daily snapshot in the range (null: none yet).',
  })
  day: string | null;

  @Field(() => AdoptionFigures, { description: 'The whole organisation (or NHS) on `day`.' })
  totals: AdoptionFigures;

  @Field(() => [AdoptionGroup], { description: 'By site (an organisation’s dashboard only).' })
  bySite: AdoptionGroup[];

  @Field(() => [AdoptionGroup], {
    description: 'By department (an organisation’s dashboard only).',
  })
  byDepartment: AdoptionGroup[];

  @Field(() => [AdoptionGroup])
  byStaffGroup: AdoptionGroup[];

  @Field(() => [AdoptionGroup], { description: 'By organisation (the NHS-wide dashboard only).' })
  byOrganisation: AdoptionGroup[];

  @Field(() => [PlatformAdoption])
  byPlatform: PlatformAdoption[];

  @Field(() => [CampaignResult], {
    description: 'Campaigns with participants, most participants first.',
  })
  campaigns: CampaignResult[];

  @Field(() => [AdoptionDay], {
    description: 'The whole organisation (or NHS), day by day in the range.',
  })
  history: AdoptionDay[];
}
