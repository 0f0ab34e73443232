import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { StaffMember } from '../staff/staff-member.entity';
import { CurrentStaff } from './auth.decorators';
import { ChooseMyOrganisationInput } from './dto/choose-my-organisation.input';
import { ChooseMyOrganisationPayload } from './dto/choose-my-organisation.payload';
import { MyOrganisationService } from './my-organisation.service';
import { OrganisationClaimStatus } from './organisation-claims/organisation-claim.entity';
import { OrganisationClaimsService } from './organisation-claims/organisation-claims.service';

@Resolver(() => StaffMember)
export class MyOrganisationResolver {
  constructor(
    private readonly myOrganisation: MyOrganisationService,
    private readonly claims: OrganisationClaimsService,
  ) {}

  @ResolveField(() => Boolean, {
    description:
      'True for the signed-in person while their organisation is not known and they have no ' +
      'claim waiting: ask them to choose it (with site and department) through ' +
      'chooseMyOrganisation. Always false for anyone else.',
  })
  async needsOrganisation(@Parent() person: StaffMember, @CurrentStaff() viewer: StaffMember) {
    if (person.id !== viewer.id || person.organisationId !== null) return false;
    const [claim] = await this.claims.latestOf([person.id]);
    return claim?.status !== OrganisationClaimStatus.PENDING;
  }

  @Mutation(() => ChooseMyOrganisationPayload, {
    description:
      'Says where the signed-in person works. A self-chosen organisation is a claim its ' +
      'communications team confirms (see organisationClaim); choosing another organisation ' +
      'leaves the current one at once. When provisioning or the sign-in tenant sets the ' +
      'organisation, only site and department can be chosen.',
  })
  chooseMyOrganisation(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: ChooseMyOrganisationInput,
  ) {
    return this.myOrganisation.choose(me, input);
  }
}
