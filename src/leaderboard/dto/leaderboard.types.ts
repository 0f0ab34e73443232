import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/graphql/connection';
import { IdField } from '../../common/graphql/id';
import { StaffGroup } from '../../staff/staff-group';
import { StaffMember } from '../../staff/staff-member.entity';
import { MAX_WEIGHT, ScoreComponent } from '../score';
import { LeaderboardWindow } from '../windows';

registerEnumType(LeaderboardWindow, {
  name: 'LeaderboardWindow',
  description:
    'Rolling windows of whole days ending today in Europe/London: WEEK 7, MONTH 30, QUARTER 90, ' +
    'ALL_TIME everything; CAMPAIGN the dates of the campaign named by campaignId.',
});
registerEnumType(ScoreComponent, {
  name: 'ScoreComponent',
  description: 'A part of the advocacy score (docs/leaderboard.md).',
});

@InputType({
  description:
    'Which board: NHS-wide unless organisationId; within one staff group when staffGroup (so a ' +
    'porter is not measured against a consultant); leaders are ranked only on the leaders board.',
})
export class LeaderboardFilter {
  @IdField({ of: 'organisation', nullable: true })
  organisationId?: number | null;

  @Field(() => StaffGroup, { nullable: true })
  @IsOptional()
  @IsEnum(StaffGroup, { message: 'staffGroup must be one of the ten national staff groups' })
  staffGroup?: StaffGroup | null;

  @Field(() => Boolean, { nullable: true, description: 'The leaders’ own board.' })
  @IsOptional()
  @IsBoolean()
  leaders?: boolean | null;
}

@ArgsType()
export class LeaderboardPositionArgs {
  @Field(() => LeaderboardWindow)
  @IsEnum(LeaderboardWindow)
  window: LeaderboardWindow;

  @IdField({ of: 'campaign', nullable: true, description: 'With window CAMPAIGN only.' })
  campaignId?: number | null;

  @Field(() => LeaderboardFilter, { nullable: true })
  @IsOptional()
  filter?: LeaderboardFilter | null;
}

@ArgsType()
export class LeaderboardArgs extends PageArgs {
  @Field(() => LeaderboardWindow)
  @IsEnum(LeaderboardWindow)
  window: LeaderboardWindow;

  @IdField({ of: 'campaign', nullable: true, description: 'With window CAMPAIGN only.' })
  campaignId?: number | null;

  @Field(() => LeaderboardFilter, { nullable: true })
  @IsOptional()
  filter?: LeaderboardFilter | null;
}

@ObjectType({ description: 'Points of one component of a score, and what earned them.' })
export class ScoreBreakdownPart {
  @Field(() => ScoreComponent)
  component: ScoreComponent;

  @Field(() => Int)
  points: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The figures behind the points ("1,234 followers (self-reported)"); null on an anonymous entry.',
  })
  detail: string | null;
}

@ObjectType({ description: 'A place on a leaderboard.' })
export class LeaderboardEntry {
  @Field(() => Int, { description: 'Ties share a rank; the next rank skips (1, 2, 2, 4).' })
  rank: number;

  @Field(() => Int, { description: 'The sum of the breakdown’s points.' })
  score: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Places gained since the previous window (negative: lost); null when new.',
  })
  movement: number | null;

  @Field(() => StaffMember, {
    nullable: true,
    description:
      'Who it is; null when the viewer may not see (the person has not opted in with showOnLeaderboard).',
  })
  staff?: StaffMember | null;

  /** the person's id when the viewer may see who it is */
  staffId: number | null;

  @Field({ description: 'Whether this is the viewer’s own entry.' })
  isMe: boolean;

  @Field(() => [ScoreBreakdownPart])
  breakdown: ScoreBreakdownPart[];
}

@ObjectType()
export class LeaderboardConnection extends ConnectionType(LeaderboardEntry) {}

@ObjectType({ description: 'The viewer’s own place, whether or not they opted in to be named.' })
export class LeaderboardPosition extends LeaderboardEntry {
  @Field(() => Int, { description: 'How many are on this board.' })
  outOf: number;
}

@ObjectType({ description: 'Points per unit of each score component (docs/leaderboard.md).' })
export class LeaderboardWeights {
  @Field(() => Int) reach: number;
  @Field(() => Int) growth: number;
  @Field(() => Int) activity: number;
  @Field(() => Int) campaign: number;
  @Field(() => Int) champion: number;
  @Field(() => Int) organiser: number;
  @Field(() => Int) connections: number;
  @Field(() => Int) profile: number;
  @Field(() => Int) guidance: number;
  @Field(() => Int) verified: number;

  @Field(() => [String], { description: 'The formula in plain English, with these weights.' })
  formula: string[];
}

@ArgsType()
export class LeaderboardWeightsArgs {
  @IdField({ of: 'organisation', nullable: true, description: 'Omit for the NHS-wide weights.' })
  organisationId?: number | null;
}

const weight = () => [
  IsOptional(),
  IsInt({ message: 'weights are whole numbers' }),
  Min(0),
  Max(MAX_WEIGHT),
];
function Weight(): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, { nullable: true })(target, key);
    for (const decorate of weight()) decorate(target, key);
  };
}

@InputType({
  description: `New weights (0–${MAX_WEIGHT}); a weight left out is unchanged. Comms.Admin of the organisation; NHS-wide (no organisationId) needs Comms.NationalAdmin.`,
})
export class UpdateLeaderboardWeightsInput {
  @IdField({ of: 'organisation', nullable: true })
  organisationId?: number | null;

  @Weight() reach?: number;
  @Weight() growth?: number;
  @Weight() activity?: number;
  @Weight() campaign?: number;
  @Weight() champion?: number;
  @Weight() organiser?: number;
  @Weight() connections?: number;
  @Weight() profile?: number;
  @Weight() guidance?: number;
  @Weight() verified?: number;
}

@ObjectType()
export class UpdateLeaderboardWeightsPayload {
  @Field(() => LeaderboardWeights)
  weights: LeaderboardWeights;
}

@ObjectType({
  description:
    'A board you watch changed: fetch it again (leaderboard with the same arguments). Sent once ' +
    'the change is committed, gathered over a quarter of a second.',
})
export class LeaderboardUpdate {
  @Field(() => LeaderboardWindow)
  window: LeaderboardWindow;

  @Field(() => ID, { nullable: true })
  campaignId: string | null;

  @Field({ description: 'When the change was made (ISO 8601).' })
  changedAt: string;
}

export enum TeamKind {
  DEPARTMENT = 'DEPARTMENT',
  SITE = 'SITE',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(TeamKind, { name: 'TeamKind' });

@ArgsType()
export class RisingStarsArgs extends LeaderboardPositionArgs {
  @Field(() => Int, { defaultValue: 10, description: 'How many (1–20).' })
  @IsInt()
  @Min(1)
  @Max(20)
  first: number = 10;
}

@ArgsType()
export class TeamLeaderboardArgs {
  @Field(() => LeaderboardWindow)
  @IsEnum(LeaderboardWindow)
  window: LeaderboardWindow;

  @IdField({ of: 'campaign', nullable: true, description: 'With window CAMPAIGN only.' })
  campaignId?: number | null;

  @Field(() => TeamKind)
  @IsEnum(TeamKind)
  kind: TeamKind;

  @IdField({
    of: 'organisation',
    nullable: true,
    description: 'Whose departments or sites (mine unless given); not used for ORGANISATION.',
  })
  organisationId?: number | null;
}

@ObjectType({ description: 'A team compared by the average score of its ranked people.' })
export class TeamStanding {
  @Field(() => Int, { description: 'Ties share a rank.' })
  rank: number;

  @Field(() => ID, { description: 'The department, site or organisation.' })
  teamId: number;

  @Field()
  name: string;

  @Field(() => Float, { description: 'Average score per ranked person, to one decimal place.' })
  averageScore: number;

  @Field(() => Int, { description: 'How many of its people are ranked.' })
  people: number;
}
