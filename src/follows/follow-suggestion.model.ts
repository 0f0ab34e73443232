import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Community } from '../communities/community.entity';
import { StaffMember } from '../staff/staff-member.entity';

export enum FollowSuggestionReasonKind {
  SAME_DEPARTMENT = 'SAME_DEPARTMENT',
  SAME_SITE = 'SAME_SITE',
  SHARED_COMMUNITY = 'SHARED_COMMUNITY',
  FOLLOWED_BY_PEOPLE_YOU_FOLLOW = 'FOLLOWED_BY_PEOPLE_YOU_FOLLOW',
  LEADER = 'LEADER',
}

registerEnumType(FollowSuggestionReasonKind, {
  name: 'FollowSuggestionReasonKind',
  description: 'Why someone is suggested.',
});

@ObjectType({ description: 'One reason a person is suggested, as data and as words.' })
export class FollowSuggestionReason {
  @Field(() => FollowSuggestionReasonKind)
  kind: FollowSuggestionReasonKind;

  @Field({ description: 'e.g. "Also in WeNurses", "Followed by 3 people you follow".' })
  text: string;

  @Field(() => Community, {
    nullable: true,
    description: 'The shared community (SHARED_COMMUNITY).',
  })
  community?: Community | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many of the people you followed most recently follow them ' +
      '(FOLLOWED_BY_PEOPLE_YOU_FOLLOW; counted over their recent follows, so at least this many).',
  })
  count?: number | null;
}

@ObjectType({ description: 'Someone the viewer might follow, and why.' })
export class FollowSuggestion {
  @Field(() => StaffMember)
  person: StaffMember;

  @Field(() => [FollowSuggestionReason], { description: 'Strongest reason first.' })
  reasons: FollowSuggestionReason[];
}
