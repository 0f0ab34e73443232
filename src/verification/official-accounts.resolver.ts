import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Public, CurrentUser } from '../identity/auth.decorators';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { Organisation } from '../organisations/organisation.entity';
import {
  OfficialAccountConnection,
  OfficialAccountsArgs,
  ReassignSocialHandleInput,
  ReassignSocialHandlePayload,
  RegisterOfficialAccountInput,
  RegisterOfficialAccountPayload,
  RemoveOfficialAccountInput,
  RemoveOfficialAccountPayload,
} from './dto/verification.inputs';
import { OfficialAccount } from './official-account.entity';
import { OfficialAccountsService } from './official-accounts.service';

@Resolver(() => OfficialAccount)
export class OfficialAccountsResolver {
  constructor(private readonly official: OfficialAccountsService) {}

  @Public()
  @Query(() => OfficialAccountConnection, {
    description:
      'Official accounts of NHS organisations (of one, with organisationId), registered by ' +
      'their communications teams. Public: no sign-in needed.',
  })
  officialAccounts(@Args() args: OfficialAccountsArgs) {
    return this.official.page(args.organisationId ?? null, args.first, args.after);
  }

  @Mutation(() => RegisterOfficialAccountPayload, {
    description: 'Comms.Admin: register one of my organisation’s own accounts as official.',
  })
  async registerOfficialAccount(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RegisterOfficialAccountInput,
  ) {
    return { officialAccount: await this.official.register(user, input) };
  }

  @Mutation(() => RemoveOfficialAccountPayload, {
    description: 'Comms.Admin: stop treating an account as my organisation’s official one.',
  })
  async removeOfficialAccount(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RemoveOfficialAccountInput,
  ) {
    const id = await this.official.remove(user, input.id, input.note ?? null);
    return { removedOfficialAccountId: String(id) };
  }

  @Mutation(() => ReassignSocialHandlePayload, {
    description: 'Comms.Admin: the dispute path — move a handle to its real owner, with a note.',
  })
  reassignSocialHandle(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ReassignSocialHandleInput,
  ) {
    return this.official.reassign(user, input);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(account: OfficialAccount, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.organisationById.load(account.organisationId);
  }
}
