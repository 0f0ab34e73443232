import type { Database } from 'better-sqlite3';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildSqliteSearchIndex } from './frozen/rebuild-sqlite-search-index-1764600000000';
import { isSqlite } from './column-helpers';

const FTS_OPTIONS = ` content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'`;
const DELETE_TRIGGER =
  `CREATE TRIGGER staff_search_after_staff_delete AFTER DELETE ON staff_members` +
  ` BEGIN DELETE FROM staff_search WHERE rowid = OLD.id; END`;
// An organisation token as written by src/directory/search-text.ts `organisationToken`.
const ORG_TOKEN = '^orgtok[0-9]{9}';

/**
 * Organisation-only handles leave the text that typed words search. They were indexed as
 * `orgtok<organisation><word>` among the public handles, and every typed word matches as a
 * prefix, so typing "orgto" listed everyone with an organisation-only handle in any
 * organisation (and "orgtok000000012ja" who in organisation 12 has one starting "ja").
 *
 * - SQLite: the FTS5 index gains an `org_handles` column, which typed words (confined to
 *   `{name title handles bio}`) never reach; only the viewer's own organisation token asks it.
 *   FTS5 cannot add a column: the index is recreated and rebuilt (as 1764500000000 did), and the
 *   rebuild writes `search_text` with organisation tokens marked ` #orgtok…`.
 * - PostgreSQL: organisation tokens get their own tsvector weight, C (unused before); typed
 *   words ask for A, B and D only. Lexemes and `search_text` are rewritten in place.
 */
export class DirectorySearchOrganisationHandles1764600000000 implements MigrationInterface {
  name = 'DirectorySearchOrganisationHandles1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      await this.recreate(queryRunner, 'name, title, handles, bio, tags, org_handles');
      return;
    }
    await this.reweight(queryRunner, 'C');
    await queryRunner.query(
      `UPDATE staff_members SET search_text = regexp_replace(search_text, ' (orgtok[0-9]{9})', ' #\\1', 'g')
       WHERE search_text LIKE '% orgtok%'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      // rebuilt in the earlier format: rebuildSqliteSearchIndex follows the table's columns
      await this.recreate(queryRunner, 'name, title, handles, bio, tags');
      return;
    }
    await this.reweight(queryRunner, 'B');
    await queryRunner.query(
      `UPDATE staff_members SET search_text = replace(search_text, ' #orgtok', ' orgtok')
       WHERE search_text LIKE '% #orgtok%'`,
    );
  }

  private async recreate(queryRunner: QueryRunner, ftsColumns: string): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS staff_search_after_staff_delete');
    await queryRunner.query('DROP TABLE staff_search');
    await queryRunner.query(
      `CREATE VIRTUAL TABLE staff_search USING fts5(${ftsColumns},${FTS_OPTIONS})`,
    );
    await queryRunner.query(DELETE_TRIGGER);
    // the better-sqlite3 handle of this connection, inside the migration's transaction
    const driver = queryRunner.connection.driver as unknown as { databaseConnection: Database };
    rebuildSqliteSearchIndex(driver.databaseConnection);
  }

  /** Gives every organisation token of every PostgreSQL document the weight `weight`. */
  private async reweight(queryRunner: QueryRunner, weight: 'B' | 'C'): Promise<void> {
    await queryRunner.query(
      `UPDATE staff_search SET document = setweight(document, '${weight}',
         ARRAY(SELECT lexeme FROM unnest(document) WHERE lexeme ~ '${ORG_TOKEN}'))
       WHERE document @@ to_tsquery('simple', 'orgtok:*')`,
    );
  }
}
