import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ranks are read, not stored (docs/leaderboard.md, "How it is kept current"): each board keeps
 * how many of its entries have each score, now and in the previous window, and a rank is 1 + the
 * entries above. A change to one person's score moves two counts a board instead of the stored
 * ranks of everyone between the old and the new score. Pages are read in (score, name, id) order;
 * each entry keeps its gain since the previous window, for rising stars.
 */
export class LeaderboardScoreCounts1767000000000 implements MigrationInterface {
  name = 'LeaderboardScoreCounts1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leaderboard_score_counts (board varchar(96) NOT NULL, score integer NOT NULL,
         entries integer NOT NULL DEFAULT 0, prev_entries integer NOT NULL DEFAULT 0,
         CONSTRAINT "PK_leaderboard_score_counts" PRIMARY KEY (board, score))`,
    );
    await queryRunner.query(
      `INSERT INTO leaderboard_score_counts (board, score, entries, prev_entries)
       SELECT board, score, SUM(entries), SUM(prev_entries) FROM (
         SELECT board, score, COUNT(*) AS entries, 0 AS prev_entries FROM leaderboard_entries
         GROUP BY board, score
         UNION ALL
         SELECT board, prev_score, 0, COUNT(*) FROM leaderboard_entries
         WHERE prev_score IS NOT NULL GROUP BY board, prev_score) counted
       GROUP BY board, score`,
    );
    await queryRunner.query('DROP TABLE leaderboard_boards');
    await queryRunner.query('DROP INDEX "IDX_leaderboard_entries_page"');
    await queryRunner.query('DROP INDEX "IDX_leaderboard_entries_score"');
    await queryRunner.query('DROP INDEX "IDX_leaderboard_entries_prev_score"');
    // plain ALTER TABLE: TypeORM's SQLite dropColumn and addColumn rebuild the table
    await queryRunner.query('ALTER TABLE leaderboard_entries DROP COLUMN rank');
    await queryRunner.query('ALTER TABLE leaderboard_entries DROP COLUMN prev_rank');
    await queryRunner.query('ALTER TABLE leaderboard_entries ADD COLUMN gain integer NULL');
    await queryRunner.query('UPDATE leaderboard_entries SET gain = score - prev_score');
    await queryRunner.query(
      `CREATE INDEX "IDX_leaderboard_entries_page"
       ON leaderboard_entries (board, score DESC, sort_name, staff_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_leaderboard_entries_gain"
       ON leaderboard_entries (board, gain DESC, score DESC, sort_name, staff_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_leaderboard_entries_gain"');
    await queryRunner.query('DROP INDEX "IDX_leaderboard_entries_page"');
    await queryRunner.query('ALTER TABLE leaderboard_entries DROP COLUMN gain');
    await queryRunner.query(
      'ALTER TABLE leaderboard_entries ADD COLUMN rank integer NOT NULL DEFAULT 0',
    );
    await queryRunner.query('ALTER TABLE leaderboard_entries ADD COLUMN prev_rank integer NULL');
    await queryRunner.query(
      `UPDATE leaderboard_entries SET
         rank = 1 + (SELECT COALESCE(SUM(c.entries), 0) FROM leaderboard_score_counts c
                     WHERE c.board = leaderboard_entries.board AND c.score > leaderboard_entries.score),
         prev_rank = CASE WHEN prev_score IS NULL THEN NULL ELSE
           1 + (SELECT COALESCE(SUM(c.prev_entries), 0) FROM leaderboard_score_counts c
                WHERE c.board = leaderboard_entries.board AND c.score > leaderboard_entries.prev_score) END`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_leaderboard_entries_page" ON leaderboard_entries (board, rank, sort_name, staff_id)`,
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_leaderboard_entries_score" ON leaderboard_entries (board, score)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_leaderboard_entries_prev_score" ON leaderboard_entries (board, prev_score)',
    );
    await queryRunner.query(
      `CREATE TABLE leaderboard_boards (board varchar(96) NOT NULL, total_count integer NOT NULL,
         prev_count integer NOT NULL DEFAULT 0, CONSTRAINT "PK_leaderboard_boards" PRIMARY KEY (board))`,
    );
    await queryRunner.query(
      `INSERT INTO leaderboard_boards (board, total_count, prev_count)
       SELECT board, SUM(entries), SUM(prev_entries) FROM leaderboard_score_counts
       GROUP BY board HAVING SUM(entries) > 0`,
    );
    await queryRunner.query('DROP TABLE leaderboard_score_counts');
  }
}
