import { ArgsType } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';

@ArgsType()
export class OrganisationArgs {
  @IdField({ of: 'organisation' })
  id: number;
}
