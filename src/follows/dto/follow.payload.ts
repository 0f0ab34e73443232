import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { ConnectionType } from '../../common/graphql/connection';
import { StaffMember } from '../../staff/staff-member.entity';
import { MAX_SUGGESTIONS } from '../follow-suggestions.service';
import { FOLLOW_LIST_COUNT_CAP } from '../follows.service';

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

const NOT_LISTED =
  'How many more the kept count (followerCount / followingCount) holds than this list can show: ' +
  'people who have left or are not listed (have not accepted their guidance). 0 when ' +
  'totalCountCapped.';
const CAPPED = `Whether more than totalCount (${FOLLOW_LIST_COUNT_CAP}) people are in the list.`;

@ObjectType({
  description:
    'People following them whom the viewer may see. totalCount counts this list (up to ' +
    `${FOLLOW_LIST_COUNT_CAP}), so it can be less than followerCount; notListedCount says by how much.`,
})
export class FollowersConnection extends ConnectionType(StaffMember, 'Followers') {
  @Field(() => Int, { description: NOT_LISTED })
  notListedCount: number;

  @Field({ description: CAPPED })
  totalCountCapped: boolean;
}

@ObjectType({
  description:
    'People they follow whom the viewer may see. totalCount counts this list (up to ' +
    `${FOLLOW_LIST_COUNT_CAP}), so it can be less than followingCount; notListedCount says by how much.`,
})
export class FollowingConnection extends ConnectionType(StaffMember, 'Following') {
  @Field(() => Int, { description: NOT_LISTED })
  notListedCount: number;

  @Field({ description: CAPPED })
  totalCountCapped: boolean;
}

@ArgsType()
export class FollowSuggestionsArgs {
  @Field(() => Int, { defaultValue: 10, description: `How many (1–${MAX_SUGGESTIONS}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS)
  first: number = 10;
}
