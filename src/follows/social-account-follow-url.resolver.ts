import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { CurrentStaff } from '../identity/auth.decorators';
import { Platform } from '../social-accounts/platforms/platform';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { followUrlFor } from './follow-links';

@Resolver(() => SocialAccount)
export class SocialAccountFollowUrlResolver {
  @ResolveField(() => String, {
    description:
      'Opens the platform’s own follow page for this account (X’s follow intent, the Bluesky ' +
      'profile…); for Mastodon, a remote follow through the viewer’s own server when known.',
  })
  async followUrl(
    @Parent() account: SocialAccount,
    @CurrentStaff() viewer: StaffMember,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (account.platform !== Platform.MASTODON) return followUrlFor(account);
    const mine = await loaders.accountsByStaffId.load(viewer.id);
    const viewerMastodon = mine
      .filter((a) => a.platform === Platform.MASTODON)
      .map((a) => a.handle);
    return followUrlFor(account, viewerMastodon);
  }
}
