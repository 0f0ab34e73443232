import { InputType } from '@nestjs/graphql';
import { IdField } from '../../common/graphql/id';

@InputType({ description: 'One community, by id.' })
export class CommunityIdInput {
  @IdField({ of: 'community' })
  communityId: number;
}
