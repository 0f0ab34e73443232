import { ArgsType, Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/graphql/connection';
import { IdField } from '../../common/graphql/id';
import { Campaign } from '../campaign.entity';

@InputType()
export class CreateCampaignInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @Field({ description: 'One word, with or without its #: #NHSSocialMediaWeek.' })
  @IsString()
  @MaxLength(100)
  hashtag: string;

  @Field({ description: 'First day (Europe/London), YYYY-MM-DD.' })
  @IsString()
  startsOn: string;

  @Field({ description: 'Last day (Europe/London, inclusive), YYYY-MM-DD.' })
  @IsString()
  endsOn: string;

  @Field({
    defaultValue: false,
    description: 'NHS-wide (Comms.NationalAdmin) rather than my organisation’s (Comms.Admin).',
  })
  @IsOptional()
  @IsBoolean()
  nhsWide: boolean = false;
}

@InputType({ description: 'What to change of a campaign; fields left out stay as they are.' })
export class UpdateCampaignInput {
  @IdField({ of: 'campaign' })
  campaignId: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @Field({ nullable: true, description: 'One word, with or without its #.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  hashtag?: string;

  @Field({
    nullable: true,
    description:
      'First day (Europe/London), YYYY-MM-DD. Activity outside the dates stops counting on the campaign’s board.',
  })
  @IsOptional()
  @IsString()
  startsOn?: string;

  @Field({ nullable: true, description: 'Last day (Europe/London, inclusive), YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  endsOn?: string;
}

@InputType()
export class CampaignIdInput {
  @IdField({ of: 'campaign' })
  campaignId: number;
}

@ObjectType()
export class CampaignPayload {
  @Field(() => Campaign)
  campaign: Campaign;
}

@ObjectType()
export class CampaignConnection extends ConnectionType(Campaign) {}

@ArgsType()
export class CampaignsArgs extends PageArgs {}

@ArgsType()
export class CampaignArgs {
  @IdField({ of: 'campaign' })
  id: number;
}
