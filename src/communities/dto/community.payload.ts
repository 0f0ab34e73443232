import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/graphql/connection';
import { CommunityMembership } from '../community-membership.entity';
import { Community } from '../community.entity';

@ObjectType()
export class CommunityPayload {
  @Field(() => Community)
  community: Community;
}

@ObjectType()
export class CommunityMembershipPayload {
  @Field(() => CommunityMembership)
  membership: CommunityMembership;
}

@ObjectType()
export class CommunityConnection extends ConnectionType(Community) {}

@ObjectType()
export class CommunityMemberConnection extends ConnectionType(
  CommunityMembership,
  'CommunityMember',
) {}
