import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { CurrentUser } from '../identity/auth.decorators';
import { FollowPackArgs } from './dto/follow-pack.args';
import { FollowPack } from './follow-pack.model';
import { FollowPacksService } from './follow-packs.service';

@Resolver(() => FollowPack)
export class FollowPacksResolver {
  constructor(private readonly packs: FollowPacksService) {}

  @Query(() => FollowPack, {
    description:
      'A follow pack: a page of the people of a source (all ticked unless include/exclude say ' +
      'otherwise) and their accounts the viewer may see, per platform.',
  })
  async followPack(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: FollowPackArgs,
    @Context() { loaders }: GraphQLContext,
  ) {
    const { pack, viewerAccounts } = await this.packs.pack(
      user,
      {
        source: args.source,
        id: args.id,
        include: args.include ?? null,
        exclude: args.exclude ?? null,
      },
      { first: args.first, after: args.after ?? null },
    );
    // read with the page: each Mastodon account's followUrl finds the viewer's own handles loaded
    loaders.accountsByStaffId.prime(user.staff.id, viewerAccounts);
    return pack;
  }
}
