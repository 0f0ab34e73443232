import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { mayAdminister } from '../identity/admin-scope';
import { CurrentStaff, CurrentUser } from '../identity/auth.decorators';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { StaffMember } from '../staff/staff-member.entity';
import {
  CheckVerificationProofInput,
  RejectSocialAccountInput,
  RequestVerificationInput,
  VerificationPayload,
  VerificationRequestConnection,
  VerifySocialAccountInput,
} from './dto/verification.inputs';
import { VerificationRequest } from './verification-request.entity';
import { VerificationService } from './verification.service';

@Resolver(() => VerificationRequest)
export class VerificationResolver {
  constructor(private readonly verification: VerificationService) {}

  @Mutation(() => VerificationPayload, {
    description:
      'Ask the communications team of my organisation to verify one of my accounts. The ' +
      'request carries a proofCode to put in the account’s bio (optional proof of ownership).',
  })
  requestVerification(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: RequestVerificationInput,
  ) {
    return this.verification.request(me, input.accountId);
  }

  @RateLimit('proofChecks')
  @Mutation(() => VerificationPayload, {
    description:
      'Read the account’s public profile page for the proof code (or, on Mastodon, a rel="me" ' +
      'link to my Staff Voices profile) and record it on my pending request.',
  })
  checkVerificationProof(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: CheckVerificationProofInput,
  ) {
    return this.verification.checkProof(me, input.accountId);
  }

  @Mutation(() => VerificationPayload, {
    description: 'Comms.Admin of the owner’s organisation: verify an account that asked.',
  })
  verifySocialAccount(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: VerifySocialAccountInput,
  ) {
    return this.verification.verify(user, input.accountId);
  }

  @Mutation(() => VerificationPayload, {
    description: 'Comms.Admin of the owner’s organisation: reject, with a reason the owner reads.',
  })
  rejectSocialAccount(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RejectSocialAccountInput,
  ) {
    return this.verification.reject(user, input.accountId, input.reason);
  }

  @Query(() => VerificationRequestConnection, {
    description: 'Comms.Admin: requests waiting for my organisation’s team, oldest first.',
  })
  verificationQueue(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs) {
    return this.verification.queue(user, args.first, args.after);
  }

  @ResolveField(() => SocialAccount, { nullable: true, description: 'The account asked about.' })
  account(request: VerificationRequest, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.socialAccountById.load(request.accountId);
  }

  @ResolveField(() => StaffMember, { nullable: true, description: 'Whose account it is.' })
  person(request: VerificationRequest, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.staffById.load(request.staffId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The code to put in the account’s bio: shown to its owner only.',
  })
  proofCode(@Parent() request: VerificationRequest, @CurrentStaff() me: StaffMember) {
    return request.staffId === me.id ? request.proofCode : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Where a Mastodon rel="me" link should point: the owner’s profile here.',
  })
  profileLink(@Parent() request: VerificationRequest, @CurrentStaff() me: StaffMember) {
    return request.staffId === me.id ? this.verification.profileUrlOf(me.id) : null;
  }
}

@Resolver(() => SocialAccount)
export class SocialAccountVerificationResolver {
  constructor(private readonly verification: VerificationService) {}

  @ResolveField(() => VerificationRequest, {
    nullable: true,
    description:
      'The latest verification request (with a rejection’s reason): for the owner and the ' +
      'owner’s communications team only.',
  })
  async verificationRequest(
    @Parent() account: SocialAccount,
    @CurrentUser() user: AuthenticatedUser,
    @Context() { loaders }: GraphQLContext,
  ) {
    if (account.staffId !== user.staff.id) {
      const owner = await loaders.staffById.load(account.staffId);
      if (!owner || !mayAdminister(user, owner.organisationId)) return null;
    }
    return loaders.latestVerificationRequestByAccountId.load(account.id);
  }
}
