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

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'Use lower-case letters, digits and single hyphens, like wenurses';
export const HASHTAG_PATTERN = /^#?[\p{L}\p{N}_]{1,99}$/u;
export const HASHTAG_MESSAGE = 'A hashtag is letters, digits or underscores, like #hellomynameis';

@InputType()
export class CreateCommunityInput {
  @Field()
  @IsNotEmpty({ message: 'Give the community a name' })
  @MaxLength(120)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Its address in links; made from the name when left out.',
  })
  @IsOptional()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string | null;

  @Field(() => CommunityKind)
  @IsEnum(CommunityKind)
  kind: CommunityKind;

  @Field(() => CommunityScope, { defaultValue: CommunityScope.NHS_WIDE })
  @IsEnum(CommunityScope)
  scope: CommunityScope = CommunityScope.NHS_WIDE;

  @IdField({
    of: 'organisation',
    nullable: true,
    description: 'Required when scope is ORGANISATION.',
  })
  organisationId?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. #hellomynameis (the # is optional).' })
  @IsOptional()
  @Matches(HASHTAG_PATTERN, { message: HASHTAG_MESSAGE })
  hashtag?: string | null;

  @Field(() => [CommunityLinkInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CommunityLinkInput)
  links?: CommunityLinkInput[] | null;
}
