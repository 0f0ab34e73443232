import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/graphql/connection';
import { Leader } from '../leader.entity';

@ObjectType()
export class SetLeaderPayload {
  @Field(() => Leader)
  leader: Leader;
}

@ObjectType()
export class RemoveLeaderPayload {
  @Field(() => ID, { description: 'The person who is no longer featured.' })
  staffId: number;

  @Field(() => [Leader], { description: 'The leaders now, in order.' })
  leaders: Leader[];
}

@ObjectType()
export class ReorderLeadersPayload {
  @Field(() => [Leader], { description: 'The leaders now, in order.' })
  leaders: Leader[];
}

@ObjectType()
export class LeaderConnection extends ConnectionType(Leader) {}
