import { Field, ID, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';

@InputType({ description: 'One community, by id.' })
export class CommunityIdInput {
  @Field(() => ID)
  @Matches(/^\d+$/, { message: 'communityId is not a community id' })
  communityId: string;
}
