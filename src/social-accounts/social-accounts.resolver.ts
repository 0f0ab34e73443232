import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { CurrentStaff } from '../identity/auth.decorators';
import type { StaffMember } from '../staff/staff-member.entity';
import {
  AddSocialAccountInput,
  AddSocialAccountPayload,
  RemoveSocialAccountInput,
  RemoveSocialAccountPayload,
  SocialHandlePreview,
  UpdateSocialAccountInput,
  UpdateSocialAccountPayload,
} from './dto/social-account.inputs';
import { Platform } from './platforms/platform';
import { SocialAccount } from './social-account.entity';
import { SocialAccountsService } from './social-accounts.service';

@Resolver(() => SocialAccount)
export class SocialAccountsResolver {
  constructor(private readonly accounts: SocialAccountsService) {}

  @RateLimit('handlePreviews')
  @Query(() => SocialHandlePreview, {
    description:
      'The canonical handle and profile URL for what was typed, without saving; not valid when ' +
      'someone (or I) already registered that account, as addSocialAccount would refuse it.',
  })
  socialHandlePreview(
    @CurrentStaff() me: StaffMember,
    @Args('platform', { type: () => Platform }) platform: Platform,
    @Args('input') input: string,
  ): Promise<SocialHandlePreview> {
    return this.accounts.preview(me, platform, input);
  }

  @RateLimit('handleClaims') // "handle taken" tells whether a hidden handle exists
  @Mutation(() => AddSocialAccountPayload, { description: 'Register one of my accounts.' })
  async addSocialAccount(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: AddSocialAccountInput,
  ): Promise<AddSocialAccountPayload> {
    return { account: await this.accounts.add(me, input) };
  }

  @RateLimit('handleClaims')
  @Mutation(() => UpdateSocialAccountPayload, {
    description: 'Change the handle, purpose or visibility of one of my accounts.',
  })
  async updateSocialAccount(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: UpdateSocialAccountInput,
  ): Promise<UpdateSocialAccountPayload> {
    return { account: await this.accounts.update(me, input) };
  }

  @Mutation(() => RemoveSocialAccountPayload, { description: 'Remove one of my accounts.' })
  async removeSocialAccount(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: RemoveSocialAccountInput,
  ): Promise<RemoveSocialAccountPayload> {
    return { removedAccountId: String(await this.accounts.remove(me, input)) };
  }
}
