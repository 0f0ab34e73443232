import { Injectable } from '@nestjs/common';
import { PersonalData } from '../database/personal-data';
import { deleteRowsOf, rowsOf } from '../database/personal-rows';

/**
 * A person's scores, board entries and badges. The figures they come from are erased by their
 * owners (metrics, campaigns), whose touches refresh the boards (counts, others' ranks).
 */
@Injectable()
export class LeaderboardPersonalData {
  constructor(registry: PersonalData) {
    registry.register({
      owner: 'leaderboard',
      tables: ['leaderboard_scores', 'leaderboard_entries', 'badges'],
      section: 'leaderboard',
      export: async (tx, staffId) => ({
        scores: await rowsOf(tx, 'leaderboard_scores', 'staff_id', staffId),
        entries: (await rowsOf(tx, 'leaderboard_entries', 'staff_id', staffId)).map((e) => ({
          board: e.board,
          period: e.period,
          rank: e.rank,
          score: e.score,
        })),
        badges: await rowsOf(tx, 'badges', 'staff_id', staffId),
      }),
      erase: async (tx, { staffId }) => {
        await deleteRowsOf(tx, 'leaderboard_entries', 'staff_id', staffId);
        await deleteRowsOf(tx, 'leaderboard_scores', 'staff_id', staffId);
        await deleteRowsOf(tx, 'badges', 'staff_id', staffId);
      },
    });
    registry.impersonal('leaderboard', [
      'leaderboard_boards',
      'leaderboard_state',
      'leaderboard_weights',
    ]);
  }
}
