import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentStaff } from '../identity/auth.decorators';
import type { StaffMember } from '../staff/staff-member.entity';
import { EraseMyDataInput, EraseMyDataPayload } from './dto/erase-my-data.input';
import { PrivacyService } from './privacy.service';

@Resolver()
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @Mutation(() => EraseMyDataPayload, {
    description:
      'Erases everything held about you (profile, accounts, follows, memberships and all else). ' +
      'Cannot be undone. Download your data first (GET /api/me/export).',
  })
  async eraseMyData(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: EraseMyDataInput,
  ): Promise<EraseMyDataPayload> {
    await this.privacy.eraseMine(me.id, input.confirm);
    return { erased: true };
  }
}
