import { Field, ObjectType } from '@nestjs/graphql';
import { StaffMember } from '../../staff/staff-member.entity';

@ObjectType()
export class ChooseMyOrganisationPayload {
  @Field(() => StaffMember, { description: 'The signed-in person, with their organisation.' })
  me: StaffMember;
}
