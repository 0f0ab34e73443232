import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { StaffMember } from '../staff/staff-member.entity';
import { CurrentStaff } from './auth.decorators';
import { ChooseMyOrganisationInput } from './dto/choose-my-organisation.input';
import { ChooseMyOrganisationPayload } from './dto/choose-my-organisation.payload';
import { MyOrganisationService } from './my-organisation.service';

@Resolver(() => StaffMember)
export class MyOrganisationResolver {
  constructor(private readonly myOrganisation: MyOrganisationService) {}

  @ResolveField(() => Boolean, {
    description:
      'True for the signed-in person while their organisation is not known: ask them to choose it ' +
      '(with site and department) through chooseMyOrganisation. Always false for anyone else.',
  })
  needsOrganisation(@Parent() person: StaffMember, @CurrentStaff() viewer: StaffMember) {
    return person.id === viewer.id && person.organisationId === null;
  }

  @Mutation(() => ChooseMyOrganisationPayload, {
    description:
      'Says where the signed-in person works. When provisioning or the sign-in tenant sets the ' +
      'organisation, only site and department can be chosen.',
  })
  chooseMyOrganisation(
    @CurrentStaff() me: StaffMember,
    @Args('input') input: ChooseMyOrganisationInput,
  ) {
    return this.myOrganisation.choose(me, input);
  }
}
