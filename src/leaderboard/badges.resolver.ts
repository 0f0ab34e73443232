import {
  Args,
  Field,
  InputType,
  Mutation,
  ObjectType,
  ResolveField,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { IsBoolean, IsEnum } from 'class-validator';
import { IdField } from '../common/graphql/id';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { LoaderRegistry } from '../common/loaders/loaders';
import { CurrentUser } from '../identity/auth.decorators';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { StaffMember } from '../staff/staff-member.entity';
import { BadgeKind, BadgeSource } from './badges';
import { LeaderboardService } from './leaderboard.service';

registerEnumType(BadgeKind, { name: 'BadgeKind' });
registerEnumType(BadgeSource, { name: 'BadgeSource' });

@ObjectType({
  description: 'A badge on a profile: earned by rule or awarded by the communications team.',
})
export class Badge {
  @Field(() => BadgeKind)
  kind: BadgeKind;

  @Field(() => BadgeSource)
  source: BadgeSource;

  @Field()
  awardedAt: Date;
}

@InputType()
export class SetBadgeInput {
  @IdField({ of: 'staff' })
  staffId: number;

  @Field(() => BadgeKind)
  @IsEnum(BadgeKind)
  kind: BadgeKind;

  @Field({ description: 'true to award, false to take back an awarded badge.' })
  @IsBoolean()
  awarded: boolean;
}

@ObjectType()
export class SetBadgePayload {
  @Field(() => [Badge])
  badges: Badge[];
}

declare module '../common/loaders/loaders' {
  interface Loaders {
    badgesByStaffId: DataLoader<number, Badge[]>;
  }
}

@Injectable()
export class BadgeLoaders {
  constructor(registry: LoaderRegistry, leaderboard: LeaderboardService) {
    registry.add(
      'badgesByStaffId',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const rows = await leaderboard.badgesOf(ids);
          return ids.map((id) =>
            rows
              .filter((row) => row.staffId === id)
              .map((row) => ({
                kind: row.kind as BadgeKind,
                source: row.source as BadgeSource,
                awardedAt: row.awardedAt,
              })),
          );
        }),
    );
  }
}

@Resolver(() => StaffMember)
export class StaffBadgesResolver {
  constructor(private readonly leaderboard: LeaderboardService) {}

  @ResolveField(() => [Badge], {
    description: 'Badges: verified, guidance accepted, campaign participant, community champion.',
  })
  badges(person: StaffMember, _args: unknown, { loaders }: GraphQLContext) {
    return loaders.badgesByStaffId.load(person.id);
  }

  @Mutation(() => SetBadgePayload, {
    description:
      'Comms.Admin of the person’s organisation: award a badge, or take an awarded one back.',
  })
  async setBadge(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetBadgeInput,
  ): Promise<SetBadgePayload> {
    await this.leaderboard.setBadge(user, input.staffId, input.kind, input.awarded);
    const rows = await this.leaderboard.badgesOf([input.staffId]);
    return {
      badges: rows.map((row) => ({
        kind: row.kind as BadgeKind,
        source: row.source as BadgeSource,
        awardedAt: row.awardedAt,
      })),
    };
  }
}
