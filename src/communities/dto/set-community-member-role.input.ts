import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, Matches } from 'class-validator';
import { CommunityRole } from '../community-membership.entity';

@InputType()
export class SetCommunityMemberRoleInput {
  @Field(() => ID)
  @Matches(/^\d+$/, { message: 'communityId is not a community id' })
  communityId: string;

  @Field(() => ID, { description: 'The person; they are made a member if they are not one.' })
  @Matches(/^\d+$/, { message: 'staffId is not a staff id' })
  staffId: string;

  @Field(() => CommunityRole)
  @IsEnum(CommunityRole)
  role: CommunityRole;
}
