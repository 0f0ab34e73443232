import { ArgsType } from '@nestjs/graphql';
import { PageArgs } from '../../common/graphql/connection';
import { IdField } from '../../common/graphql/id';

@ArgsType()
export class LeadersArgs extends PageArgs {
  @IdField({
    of: 'organisation',
    nullable: true,
    description: "An organisation's leaders. Left out: the national list.",
  })
  organisationId?: number | null;
}
