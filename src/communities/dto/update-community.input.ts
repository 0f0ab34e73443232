import { Field, InputType } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommunityKind, CommunityScope } from '../community.entity';
import { CommunityLinkInput } from './community-link.input';
import {
  HASHTAG_MESSAGE,
  HASHTAG_PATTERN,
  SLUG_MESSAGE,
  SLUG_PATTERN,
} from './create-community.input';

@InputType({ description: 'The fields to change; fields left out stay as they are.' })
export class UpdateCommunityInput {
  @IdField({ of: 'community' })
  id: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty({ message: 'Give the community a name' })
  @MaxLength(120)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @Field(() => CommunityKind, { nullable: true })
  @IsOptional()
  @IsEnum(CommunityKind)
  kind?: CommunityKind;

  @Field(() => CommunityScope, { nullable: true })
  @IsOptional()
  @IsEnum(CommunityScope)
  scope?: CommunityScope;

  @IdField({
    of: 'organisation',
    nullable: true,
    description: 'Required when scope becomes ORGANISATION.',
  })
  organisationId?: number | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @Matches(new RegExp(`${HASHTAG_PATTERN.source}|^$`, 'u'), { message: HASHTAG_MESSAGE })
  hashtag?: string | null;

  @Field(() => [CommunityLinkInput], { nullable: true, description: 'Replaces every link.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CommunityLinkInput)
  links?: CommunityLinkInput[] | null;
}
