import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { ConnectionType } from '../../common/graphql/connection';
import { StaffMember } from '../../staff/staff-member.entity';
import { MAX_SUGGESTIONS } from '../follow-suggestions.service';

@ObjectType()
export class FollowPayload {
  @Field(() => StaffMember, {
    nullable: true,
    description: 'The person followed or unfollowed (null if they have since left the directory).',
  })
  followee: StaffMember | null;

  @Field(() => StaffMember, { description: 'The viewer, with their new following count.' })
  follower: StaffMember;
}

@ObjectType()
export class DismissFollowSuggestionPayload {
  @Field(() => ID, { description: 'The person who will not be suggested again.' })
  staffId: number;
}

@ObjectType()
export class FollowPreferencesPayload {
  @Field(() => StaffMember)
  me: StaffMember;
}

@ObjectType()
export class FollowersConnection extends ConnectionType(StaffMember, 'Followers') {}

@ObjectType()
export class FollowingConnection extends ConnectionType(StaffMember, 'Following') {}

@ArgsType()
export class FollowSuggestionsArgs {
  @Field(() => Int, { defaultValue: 10, description: `How many (1–${MAX_SUGGESTIONS}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS)
  first: number = 10;
}
