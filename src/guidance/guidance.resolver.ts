import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommonErrorReason, InvalidInputError } from '../common/errors/domain-error';
import { cursorKeyOf, decodeCursorKey, PageArgs, toConnection } from '../common/graphql/connection';
import { administeredOrganisationId } from '../identity/admin-scope';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { CommsAdminOnly, CurrentStaff, CurrentUser } from '../identity/auth.decorators';
import { GuidanceErrorReason } from './guidance.errors';
import { StaffMember } from '../staff/staff-member.entity';
import {
  AcceptGuidanceInput,
  AcceptGuidancePayload,
  Guidance,
  GuidanceNotAcceptedConnection,
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

  @CommsAdminOnly()
  @Query(() => GuidanceNotAcceptedConnection, {
    description:
      'Communications team: the people of my organisation who have not (re-)accepted its ' +
      'current guidance, by name.',
  })
  async guidanceNotAccepted(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: PageArgs,
  ): Promise<GuidanceNotAcceptedConnection> {
    const organisationId = administeredOrganisationId(user);
    if (organisationId === null) {
      throw new InvalidInputError(
        GuidanceErrorReason.NO_ORGANISATION,
        'You act for no organisation: there is no one to list',
      );
    }
    let after: { name: string; id: number } | null = null;
    if (args.after) {
      const key = cursorKeyOf(decodeCursorKey(args.after), ['string', 'id']);
      if (!key) {
        throw new InvalidInputError(
          CommonErrorReason.INVALID_CURSOR,
          'after is not a cursor from this list',
          'after',
        );
      }
      after = { name: key[0], id: key[1] };
    }
    const { current, people, total } = await this.guidanceService.notAccepted(
      organisationId,
      args.first + 1,
      after,
    );
    return {
      ...toConnection(people, args.first, total, (p) => [p.displayName, p.id]),
      guidance: current,
    };
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
