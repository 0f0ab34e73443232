import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumn } from './column-helpers';

/**
 * The leaderboard (issue 11): the consent column on a person, the weights an organisation's
 * communications team sets, and the precomputed scores, board entries and board sizes that make
 * a leaderboard page a keyset read at any depth (docs/leaderboard.md).
 */
export class Leaderboard1765300000000 implements MigrationInterface {
  name = 'Leaderboard1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table, losing its triggers and
    // columns added by plain ALTER TABLE before it
    await queryRunner.query(
      'ALTER TABLE staff_members ADD COLUMN show_on_leaderboard boolean NOT NULL DEFAULT false',
    );
    await queryRunner.createTable(
      new Table({
        name: 'leaderboard_weights',
        columns: [
          // 0: the NHS-wide weights a national admin sets; otherwise an organisation's id
          { name: 'organisation_id', type: 'integer', isPrimary: true },
          // JSON object of weight name to points, the whole set always written together
          { name: 'weights', type: 'text' },
          { name: 'updated_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leaderboard_scores',
        columns: [
          // WEEK, MONTH, QUARTER, ALL_TIME, or C:<campaign id>
          { name: 'period', type: 'varchar', length: '24', isPrimary: true },
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'score', type: 'integer' },
          { name: 'prev_score', type: 'integer', isNullable: true },
          // JSON array of { component, points, detail }
          { name: 'breakdown', type: 'text' },
        ],
        indices: [{ name: 'IDX_leaderboard_scores_staff', columnNames: ['staff_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leaderboard_entries',
        columns: [
          { name: 'board', type: 'varchar', length: '96', isPrimary: true },
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'period', type: 'varchar', length: '24' },
          { name: 'rank', type: 'integer' },
          { name: 'prev_rank', type: 'integer', isNullable: true },
          { name: 'score', type: 'integer' },
          { name: 'prev_score', type: 'integer', isNullable: true },
          // the name ties are ordered by, kept with the entry so a page never sorts
          { name: 'sort_name', type: 'varchar', length: '200' },
        ],
        indices: [
          // a page: keyset on (rank, name, id) within a board
          {
            name: 'IDX_leaderboard_entries_page',
            columnNames: ['board', 'rank', 'sort_name', 'staff_id'],
          },
          { name: 'IDX_leaderboard_entries_staff', columnNames: ['staff_id', 'board'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leaderboard_boards',
        columns: [
          { name: 'board', type: 'varchar', length: '96', isPrimary: true },
          { name: 'total_count', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leaderboard_state',
        columns: [
          { name: 'key', type: 'varchar', length: '32', isPrimary: true },
          { name: 'value', type: 'varchar', length: '64' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'badges',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '32', isPrimary: true },
          // RULE (kept in step by the leaderboard) or ADMIN (awarded by Comms.Admin)
          { name: 'source', type: 'varchar', length: '8' },
          { name: 'awarded_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'awarded_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'badges',
      'leaderboard_state',
      'leaderboard_boards',
      'leaderboard_entries',
      'leaderboard_scores',
      'leaderboard_weights',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN show_on_leaderboard');
  }
}
