import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bounded re-ranking (docs/leaderboard.md): when a person's score moves, only the entries whose
 * score lies between the old and the new one shift rank. Finding them, and the rank a new score
 * takes, are index range reads on (board, score) and (board, prev_score); a board keeps how many
 * of its entries have a previous-window score, as it keeps its size.
 */
export class LeaderboardBoundedRanks1766300000000 implements MigrationInterface {
  name = 'LeaderboardBoundedRanks1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_leaderboard_entries_score" ON leaderboard_entries (board, score)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_leaderboard_entries_prev_score" ON leaderboard_entries (board, prev_score)',
    );
    // plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table
    await queryRunner.query(
      'ALTER TABLE leaderboard_boards ADD COLUMN prev_count integer NOT NULL DEFAULT 0',
    );
    await queryRunner.query(
      `UPDATE leaderboard_boards SET prev_count = (SELECT COUNT(e.prev_score)
         FROM leaderboard_entries e WHERE e.board = leaderboard_boards.board)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE leaderboard_boards DROP COLUMN prev_count');
    await queryRunner.query('DROP INDEX "IDX_leaderboard_entries_prev_score"');
    await queryRunner.query('DROP INDEX "IDX_leaderboard_entries_score"');
  }
}
