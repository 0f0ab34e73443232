import { Field, InputType } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';
import { IsEnum } from 'class-validator';
import { CommunityRole } from '../community-membership.entity';

@InputType()
export class SetCommunityMemberRoleInput {
  @IdField({ of: 'community' })
  communityId: number;

  @IdField({ of: 'staff', description: 'The person; they are made a member if they are not one.' })
  staffId: number;

  @Field(() => CommunityRole)
  @IsEnum(CommunityRole)
  role: CommunityRole;
}
