import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IdField } from '../../common/graphql/id';
import { MetricSnapshot } from '../metric-snapshot.entity';

const COUNT_MAX = 2_147_483_647;

@InputType({ description: 'My own figures for one of my accounts on one day.' })
export class ReportMyMetricsInput {
  @IdField({ of: 'social account' })
  accountId: number;

  @Field(() => String, {
    nullable: true,
    description: 'The Europe/London day, YYYY-MM-DD; today when omitted. Not in the future.',
  })
  @IsOptional()
  @IsString()
  day?: string | null;

  @Field(() => Int)
  @IsInt({ message: 'followers must be a whole number' })
  @Min(0, { message: 'followers must be 0 or more' })
  @Max(COUNT_MAX)
  followers: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'following must be a whole number' })
  @Min(0, { message: 'following must be 0 or more' })
  @Max(COUNT_MAX)
  following?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'posts must be a whole number' })
  @Min(0, { message: 'posts must be 0 or more' })
  @Max(COUNT_MAX)
  posts?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'engagements must be a whole number' })
  @Min(0, { message: 'engagements must be 0 or more' })
  @Max(COUNT_MAX)
  engagements?: number | null;
}

@ObjectType()
export class ReportMyMetricsPayload {
  @Field(() => MetricSnapshot, { description: 'Recorded with source SELF_REPORTED.' })
  snapshot: MetricSnapshot;
}
