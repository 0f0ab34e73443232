import { InputType } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';

@InputType({ description: 'Where the signed-in person works.' })
export class ChooseMyOrganisationInput {
  @IdField({ of: 'organisation' })
  organisationId: number;

  @IdField({ of: 'site', nullable: true, description: 'A site of that organisation.' })
  siteId?: number | null;

  @IdField({ of: 'department', nullable: true, description: 'A department of that organisation.' })
  departmentId?: number | null;
}
