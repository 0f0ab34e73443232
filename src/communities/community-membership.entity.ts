import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum CommunityRole {
  MEMBER = 'MEMBER',
  CHAMPION = 'CHAMPION',
  ORGANISER = 'ORGANISER',
}

registerEnumType(CommunityRole, {
  name: 'CommunityRole',
  description: 'A member’s part in a community; champions and organisers are set by Comms.Admin.',
});

@ObjectType({ description: 'A person’s membership of a community.' })
@Entity('community_memberships')
export class CommunityMembership {
  @PrimaryColumn({ name: 'community_id', type: 'integer' })
  communityId: number;

  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Field(() => CommunityRole)
  @Column({ type: 'varchar', length: 16, default: CommunityRole.MEMBER })
  role: CommunityRole;

  // always written by the app with millisecond precision (never the database default), so
  // keyset cursors on (joined_at, staff_id) round-trip exactly on both drivers
  @Field()
  @Column({ name: 'joined_at', type: Date })
  joinedAt: Date;
}
