import { Module } from '@nestjs/common';
import { RedisModule } from '../common/redis/redis.module';
import { GuidanceModule } from '../guidance/guidance.module';
import { StaffModule } from '../staff/staff.module';
import { BadgeLoaders, StaffBadgesResolver } from './badges.resolver';
import { LeaderboardEvents } from './leaderboard-events';
import { LeaderboardRepository } from './leaderboard.repository';
import { LeaderboardPositionResolver, LeaderboardResolver } from './leaderboard.resolver';
import { LeaderboardService } from './leaderboard.service';
import { Scores } from './scores.derived';

// GuidanceModule first: its listing handler on 'staff' registers before the scores' handler,
// which reads the `listed` it has just set
@Module({
  imports: [GuidanceModule, StaffModule, RedisModule],
  providers: [
    LeaderboardRepository,
    LeaderboardEvents,
    LeaderboardService,
    Scores,
    LeaderboardResolver,
    LeaderboardPositionResolver,
    BadgeLoaders,
    StaffBadgesResolver,
  ],
  exports: [LeaderboardService],
})
export class LeaderboardModule {}
