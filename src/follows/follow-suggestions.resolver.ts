import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentStaff } from '../identity/auth.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffIdInput } from './dto/follow.input';
import { DismissFollowSuggestionPayload, FollowSuggestionsArgs } from './dto/follow.payload';
import { FollowSuggestion } from './follow-suggestion.model';
import { FollowSuggestionsService } from './follow-suggestions.service';

@Resolver(() => FollowSuggestion)
export class FollowSuggestionsResolver {
  constructor(private readonly suggestions: FollowSuggestionsService) {}

  @Query(() => [FollowSuggestion], {
    description:
      'People the viewer might follow, best first, each with its reasons. Leaves out people ' +
      'they follow, dismissed, hidden from them, or who opted out of suggestions.',
  })
  followSuggestions(@CurrentStaff() me: StaffMember, @Args() args: FollowSuggestionsArgs) {
    return this.suggestions.suggest(me, args.first);
  }

  @Mutation(() => DismissFollowSuggestionPayload, {
    description: 'Never suggest this person to me again.',
  })
  async dismissFollowSuggestion(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: StaffIdInput,
  ) {
    const { staffId } = input;
    await this.suggestions.dismiss(me, staffId);
    return { staffId };
  }
}
