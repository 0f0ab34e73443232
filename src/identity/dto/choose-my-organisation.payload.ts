import { Field, ObjectType } from '@nestjs/graphql';
import { StaffMember } from '../../staff/staff-member.entity';
import { OrganisationClaim } from '../organisation-claims/organisation-claim.entity';

@ObjectType()
export class ChooseMyOrganisationPayload {
  @Field(() => StaffMember, {
    description: 'The signed-in person, with their (trusted) organisation.',
  })
  me: StaffMember;

  @Field(() => OrganisationClaim, {
    nullable: true,
    description:
      'The claim made, when the organisation is self-chosen: PENDING until its communications ' +
      'team confirms it (until then it grants no organisation-only visibility). Null when the ' +
      'organisation was already trusted and only site or department changed.',
  })
  claim: OrganisationClaim | null;
}
