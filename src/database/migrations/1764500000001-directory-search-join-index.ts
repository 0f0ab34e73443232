import { MigrationInterface, QueryRunner } from 'typeorm';
import { isSqlite } from './column-helpers';

/**
 * SQLite only: the directory joins each full-text match to its person by id to check visibility
 * and filters and to sort broad searches by name. This index answers that join without reading
 * the wide staff_members row (bio, search text), halving the cost of sorting ~30,000 matches
 * ("smith"). The directory names it in `INDEXED BY` (src/directory/directory.repository.ts).
 * `id > 0` (true of every id) keeps it out of other plans: only a query that says so may use it,
 * else SQLite prefers it to IDX_staff_listed_name for name order and sorts everyone.
 */
export class DirectorySearchJoinIndex1764500000001 implements MigrationInterface {
  name = 'DirectorySearchJoinIndex1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isSqlite(queryRunner)) return;
    await queryRunner.query(
      `CREATE INDEX IDX_staff_listed_search_join ON staff_members
         (id, display_name, active, organisation_id, site_id, department_id, staff_group)
       WHERE listed = true AND id > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isSqlite(queryRunner)) return;
    await queryRunner.query('DROP INDEX IDX_staff_listed_search_join');
  }
}
