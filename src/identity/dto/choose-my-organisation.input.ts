import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';

const ID_PATTERN = /^\d{1,15}$/;

@InputType({ description: 'Where the signed-in person works.' })
export class ChooseMyOrganisationInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'is not an organisation id' })
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'A site of that organisation.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'is not a site id' })
  siteId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A department of that organisation.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'is not a department id' })
  departmentId?: string | null;
}
