import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection';
import { CommunityKind } from '../community.entity';
import { CommunityRole } from '../community-membership.entity';

@InputType()
export class CommunityFilter {
  @Field(() => CommunityKind, { nullable: true })
  @IsOptional()
  @IsEnum(CommunityKind)
  kind?: CommunityKind;

  @Field(() => String, { nullable: true, description: 'Part of the name or hashtag.' })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only communities the viewer has joined.' })
  @IsOptional()
  @IsBoolean()
  joined?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Include archived communities too.' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class CommunitiesArgs extends PageArgs {
  @Field(() => CommunityFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommunityFilter)
  filter?: CommunityFilter;
}

@ArgsType()
export class CommunityArgs {
  @IdField({ of: 'community', nullable: true })
  id?: number;

  @Field(() => String, { nullable: true, description: 'Or its slug, e.g. wenurses.' })
  @IsOptional()
  @MaxLength(80)
  slug?: string;
}

@ArgsType()
export class CommunityMembersArgs extends PageArgs {
  @Field(() => CommunityRole, { nullable: true, description: 'Only members with this role.' })
  @IsOptional()
  @IsEnum(CommunityRole)
  role?: CommunityRole;
}
