import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { rowsOf } from '../database/personal-rows';
import { LeaderboardService } from './leaderboard.service';

/**
 * A person's scores, board entries and badges. Erasing takes them off every board and out of
 * those boards' score counts; the touches of the figures' owners (metrics, campaigns) then find
 * nobody to score.
 */
@Injectable()
export class LeaderboardPersonalData {
  constructor(registry: PersonalData, leaderboard: LeaderboardService) {
    registry.register({
      owner: 'leaderboard',
      tables: ['leaderboard_scores', 'leaderboard_entries', 'badges'],
      section: 'leaderboard',
      export: async (tx, staffId) => ({
        scores: await rowsOf(tx, 'leaderboard_scores', 'staff_id', staffId),
        entries: (await rowsOf(tx, 'leaderboard_entries', 'staff_id', staffId)).map((e) => ({
          board: e.board,
          period: e.period,
          score: e.score,
          previousScore: e.prev_score,
        })),
        badges: await rowsOf(tx, 'badges', 'staff_id', staffId),
      }),
      erase: (tx, { staffId }) => leaderboard.forgetPerson(tx, staffId),
    });
    registry.impersonal('leaderboard', [
      'leaderboard_score_counts',
      'leaderboard_team_scores',
      'leaderboard_state',
      'leaderboard_weights',
    ]);
  }
}
