import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection';
import { Platform } from '../social-accounts/platforms/platform';
import { SocialAccount } from '../social-accounts/social-account.entity';
import { StaffMember } from '../staff/staff-member.entity';

export enum FollowPackSource {
  FOLLOWING = 'FOLLOWING',
  COMMUNITY = 'COMMUNITY',
  TEAM = 'TEAM',
  LEADERS = 'LEADERS',
}

registerEnumType(FollowPackSource, {
  name: 'FollowPackSource',
  description: 'Where a follow pack’s people come from.',
  valuesMap: {
    FOLLOWING: { description: 'The people the viewer follows here.' },
    COMMUNITY: { description: 'A community’s members (id: the community id or slug).' },
    TEAM: { description: 'A department (id: its id; the viewer’s own when left out).' },
    LEADERS: { description: 'The featured leaders.' },
  },
});

@ObjectType({ description: 'A person in a follow pack, ticked unless the viewer unticked them.' })
export class FollowPackMember {
  @Field(() => StaffMember)
  person: StaffMember;

  @Field()
  ticked: boolean;

  @Field(() => [SocialAccount], { description: 'Their accounts the viewer may see.' })
  accounts: SocialAccount[];
}

@ObjectType({
  description:
    'A page of a follow pack’s people in a keyset order (a community’s members and the people ' +
    'you follow by id, a team by name). totalCount is the source’s counter: it may include you ' +
    'and people hidden from you, who are never listed.',
})
export class FollowPackMemberConnection extends ConnectionType(FollowPackMember) {}

@ObjectType({ description: 'The ticked people’s accounts on one platform, in the forms it takes.' })
export class FollowPackPlatform {
  @Field(() => Platform)
  platform: Platform;

  @Field(() => [SocialAccount], { description: 'Each with its followUrl.' })
  accounts: SocialAccount[];

  @Field(() => [String], { description: 'Profile URLs, one per account (to paste or share).' })
  profileUrls: string[];

  @Field(() => [String], {
    description:
      'Follow links (X and Threads follow pages, Bluesky profiles, Mastodon through your server).',
  })
  followUrls: string[];
}

@ObjectType({ description: 'People to follow on every platform at once: tick, then take them.' })
export class FollowPack {
  @Field(() => FollowPackSource)
  source: FollowPackSource;

  @Field({ description: 'e.g. "WeNurses", "Cardiology", "People you follow", "Leaders".' })
  title: string;

  @Field(() => FollowPackMemberConnection, { description: 'This page of the pack’s people.' })
  people: FollowPackMemberConnection;

  @Field(() => [FollowPackPlatform], {
    description: 'Platforms with at least one ticked account among this page’s people.',
  })
  platforms: FollowPackPlatform[];

  @Field({
    description:
      'GET this (with your bearer token) for the Mastodon follow-import CSV of the ticked people ' +
      'of the whole pack, every page.',
  })
  mastodonCsvPath: string;
}
