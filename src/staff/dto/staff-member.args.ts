import { ArgsType } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';

@ArgsType()
export class StaffMemberArgs {
  @IdField({ of: 'staff' })
  id: number;
}
