import type { Database } from 'better-sqlite3';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildSqliteSearchIndex } from './frozen/rebuild-sqlite-search-index-1764600000000';
import { isSqlite } from './column-helpers';

const FTS_OPTIONS = ` content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'`;
const DELETE_TRIGGER =
  `CREATE TRIGGER staff_search_after_staff_delete AFTER DELETE ON staff_members` +
  ` BEGIN DELETE FROM staff_search WHERE rowid = OLD.id; END`;
const staleTrigger = (columns: string[]) =>
  `CREATE TRIGGER staff_members_search_stale_after_update
   AFTER UPDATE OF ${columns.join(', ')} ON staff_members
   WHEN ${columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
   BEGIN UPDATE staff_members SET search_stale = 1 WHERE id = NEW.id; END`;
const OLD_COLUMNS = ['display_name', 'job_title', 'bio', 'organisation_id'];
const NEW_COLUMNS = [...OLD_COLUMNS, 'site_id', 'department_id', 'staff_group'];

/**
 * SQLite only: each search document gains a `tags` column holding the person's organisation,
 * site, department and staff group (`org12 site3 dept40 group…`), so a search with those filters
 * is one intersection inside the full-text index instead of a row-by-row test of every match
 * (see src/directory/search-text.ts). A change of site, department or staff group now also marks
 * the document stale. FTS5 cannot add a column: the index is recreated and rebuilt here.
 * PostgreSQL filters on the columns with its own plan and is unchanged.
 */
export class DirectorySearchFilterTags1764500000000 implements MigrationInterface {
  name = 'DirectorySearchFilterTags1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isSqlite(queryRunner)) return;
    await this.recreate(queryRunner, 'name, title, handles, bio, tags', NEW_COLUMNS);
    // the better-sqlite3 handle of this connection, inside the migration's transaction
    const driver = queryRunner.connection.driver as unknown as { databaseConnection: Database };
    rebuildSqliteSearchIndex(driver.databaseConnection);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isSqlite(queryRunner)) return;
    await this.recreate(queryRunner, 'name, title, handles, bio', OLD_COLUMNS);
    // the previous code fills the four-column index in again
    await queryRunner.query('UPDATE staff_members SET search_stale = 1');
  }

  private async recreate(queryRunner: QueryRunner, ftsColumns: string, staleColumns: string[]) {
    await queryRunner.query('DROP TRIGGER IF EXISTS staff_search_after_staff_delete');
    await queryRunner.query('DROP TRIGGER IF EXISTS staff_members_search_stale_after_update');
    await queryRunner.query('DROP TABLE staff_search');
    await queryRunner.query(
      `CREATE VIRTUAL TABLE staff_search USING fts5(${ftsColumns},${FTS_OPTIONS})`,
    );
    await queryRunner.query(DELETE_TRIGGER);
    await queryRunner.query(staleTrigger(staleColumns));
  }
}
