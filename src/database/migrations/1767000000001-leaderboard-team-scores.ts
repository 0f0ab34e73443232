import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team boards without a scan (docs/leaderboard.md, "Rising stars and teams"): each entry keeps
 * the organisation, site and department it counts in, and each board keeps, per team, how many
 * people it ranks and their total score, moved by the same changes as the score counts; an
 * average is total / people, read from one row a team.
 */
export class LeaderboardTeamScores1767000000001 implements MigrationInterface {
  name = 'LeaderboardTeamScores1767000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table
    for (const column of ['organisation_id', 'site_id', 'department_id']) {
      await queryRunner.query(`ALTER TABLE leaderboard_entries ADD COLUMN ${column} integer NULL`);
    }
    await queryRunner.query(
      `UPDATE leaderboard_entries SET
         organisation_id = (SELECT s.organisation_id FROM staff_members s WHERE s.id = leaderboard_entries.staff_id),
         site_id = (SELECT s.site_id FROM staff_members s WHERE s.id = leaderboard_entries.staff_id),
         department_id = (SELECT s.department_id FROM staff_members s WHERE s.id = leaderboard_entries.staff_id)`,
    );
    await queryRunner.query(
      `CREATE TABLE leaderboard_team_scores (board varchar(96) NOT NULL, kind varchar(16) NOT NULL,
         team_id integer NOT NULL, people integer NOT NULL DEFAULT 0,
         total_score bigint NOT NULL DEFAULT 0,
         CONSTRAINT "PK_leaderboard_team_scores" PRIMARY KEY (board, kind, team_id))`,
    );
    for (const [kind, column, boards] of [
      ['organisation', 'organisation_id', '%|nhs'],
      ['site', 'site_id', '%|o:%'],
      ['department', 'department_id', '%|o:%'],
    ]) {
      await queryRunner.query(
        `INSERT INTO leaderboard_team_scores (board, kind, team_id, people, total_score)
         SELECT board, '${kind}', ${column}, COUNT(*), SUM(score) FROM leaderboard_entries
         WHERE board LIKE '${boards}' AND board NOT LIKE '%|%|%' AND ${column} IS NOT NULL
         GROUP BY board, ${column}`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leaderboard_team_scores');
    for (const column of ['department_id', 'site_id', 'organisation_id']) {
      await queryRunner.query(`ALTER TABLE leaderboard_entries DROP COLUMN ${column}`);
    }
  }
}
