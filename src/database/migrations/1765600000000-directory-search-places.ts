import type { Database } from 'better-sqlite3';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildSqliteSearchIndex } from './frozen/rebuild-sqlite-search-index-1765600000000';
import { isSqlite } from './column-helpers';

// A place name as the directory's tokens (lowercase letters and digits), for PostgreSQL's SQL.
const pgTokens = (column: string) =>
  `trim(regexp_replace(lower(COALESCE(${column}, '')), '[^[:alnum:]]+', ' ', 'g'))`;
const PG_PLACES = `concat_ws(' ', ${pgTokens('d.name')}, ${pgTokens('si.name')})`;
const PG_PEOPLE_WITH_PLACES = `FROM staff_members s
  LEFT JOIN departments d ON d.id = s.department_id
  LEFT JOIN sites si ON si.id = s.site_id
  WHERE (s.department_id IS NOT NULL OR s.site_id IS NOT NULL)`;

/**
 * The names of a person's department and site join their search document, after the job title
 * ("cardiology" finds the Cardiology department's people). The directory keeps them current when
 * a person moves or a place is renamed; this brings existing documents up to date.
 *
 * - SQLite: the contentless FTS5 index cannot be edited in place: it is rebuilt (frozen copy of
 *   the document rules of this time), `search_text` with it.
 * - PostgreSQL: the place words are added to each document with weight B (as the job title) and
 *   to the end of `search_text`. down() removes those lexemes again (a word that is also in the
 *   person's own text goes with them until their next change: down() is for development).
 */
export class DirectorySearchPlaces1765600000000 implements MigrationInterface {
  name = 'DirectorySearchPlaces1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) return this.rebuild(queryRunner, true);
    await queryRunner.query(
      `UPDATE staff_search SET document = staff_search.document
         || setweight(to_tsvector('simple', p.places), 'B')
       FROM (SELECT s.id, ${PG_PLACES} AS places ${PG_PEOPLE_WITH_PLACES}) p
       WHERE p.id = staff_search.staff_id`,
    );
    await queryRunner.query(
      `UPDATE staff_members SET search_text = COALESCE(staff_members.search_text, '') || ' ' || p.places
       FROM (SELECT s.id, ${PG_PLACES} AS places ${PG_PEOPLE_WITH_PLACES}) p
       WHERE p.id = staff_members.id AND p.places <> ''`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) return this.rebuild(queryRunner, false);
    await queryRunner.query(
      `UPDATE staff_search SET document = ts_delete(staff_search.document,
         tsvector_to_array(to_tsvector('simple', p.places)))
       FROM (SELECT s.id, ${PG_PLACES} AS places ${PG_PEOPLE_WITH_PLACES}) p
       WHERE p.id = staff_search.staff_id`,
    );
    await queryRunner.query(
      `UPDATE staff_members SET search_text = left(staff_members.search_text,
         length(staff_members.search_text) - length(p.places) - 1)
       FROM (SELECT s.id, ${PG_PLACES} AS places ${PG_PEOPLE_WITH_PLACES}) p
       WHERE p.id = staff_members.id AND p.places <> ''
         AND right(staff_members.search_text, length(p.places) + 1) = ' ' || p.places`,
    );
  }

  private async rebuild(queryRunner: QueryRunner, withPlaces: boolean): Promise<void> {
    // the better-sqlite3 handle of this connection, inside the migration's transaction
    const driver = queryRunner.connection.driver as unknown as { databaseConnection: Database };
    rebuildSqliteSearchIndex(driver.databaseConnection, withPlaces);
  }
}
