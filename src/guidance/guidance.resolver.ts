import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommsAdminOnly, CurrentStaff, CurrentUser } from '../identity/auth.decorators';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { StaffMember } from '../staff/staff-member.entity';
import {
  AcceptGuidanceInput,
  AcceptGuidancePayload,
  Guidance,
  PublishGuidanceInput,
  PublishGuidancePayload,
} from './dto/guidance.inputs';
import { GuidanceService } from './guidance.service';

@Resolver()
export class GuidanceResolver {
  constructor(private readonly guidanceService: GuidanceService) {}

  @Query(() => Guidance, {
    description: 'The social media guidance that applies to me and my regulator’s guidance.',
  })
  guidance(@CurrentStaff() me: StaffMember): Promise<Guidance> {
    return this.guidanceService.forPerson(me);
  }

  @Mutation(() => AcceptGuidancePayload, {
    description: 'Accept the current guidance (by its version), so colleagues can find me.',
  })
  async acceptGuidance(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: AcceptGuidanceInput,
  ): Promise<AcceptGuidancePayload> {
    const staffMember = await this.guidanceService.accept(me, input.version);
    return { staffMember, guidance: await this.guidanceService.forPerson(staffMember) };
  }

  @CommsAdminOnly()
  @Mutation(() => PublishGuidancePayload, {
    description:
      'Communications team: publish a new version of my organisation’s guidance (or the ' +
      'NHS-wide one). Everyone it applies to is unlisted until they accept it.',
  })
  async publishGuidance(
    @CurrentUser() admin: AuthenticatedUser,
    @Args('input') input: PublishGuidanceInput,
  ): Promise<PublishGuidancePayload> {
    return { document: await this.guidanceService.publish(admin, input) };
  }
}
