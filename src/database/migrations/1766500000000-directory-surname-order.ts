import { MigrationInterface, QueryRunner } from 'typeorm';
import { isSqlite } from './column-helpers';

// The surname is the last word of the display name ("Aisha Khan-Patel" → "khan-patel"); the key
// is it, lower-cased, then the whole name, so people of one surname follow in name order. A
// generated column: every writer (the app, the demo seed, the bench's bulk loader) gets it, and
// nobody can write it wrong. The same rule in each dialect (SQLite's lower() folds ASCII only).
const SQLITE_KEY =
  "lower(substr(display_name, length(rtrim(display_name, replace(display_name, ' ', ''))) + 1))" +
  " || ' ' || lower(display_name)";
const POSTGRES_KEY =
  "lower(regexp_replace(display_name, '^.* ', '')) || ' ' || lower(display_name)";

/**
 * The directory in surname order (issue 13 item 10): `staff_members.sort_surname` and the listed
 * indexes a surname page walks by keyset, everyone's and one organisation's, as name order has.
 */
export class DirectorySurnameOrder1766500000000 implements MigrationInterface {
  name = 'DirectorySurnameOrder1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      // plain ALTER TABLE (TypeORM's addColumn rebuilds the table); SQLite adds only VIRTUAL
      // generated columns, computed as read, and an index on one stores the value
      await queryRunner.query(
        `ALTER TABLE staff_members ADD COLUMN sort_surname TEXT GENERATED ALWAYS AS (${SQLITE_KEY}) VIRTUAL`,
      );
    } else {
      // byte order ("C"), as SQLite compares: the same people on the same page in both
      await queryRunner.query(
        `ALTER TABLE staff_members ADD COLUMN sort_surname text COLLATE "C"
         GENERATED ALWAYS AS (${POSTGRES_KEY}) STORED`,
      );
    }
    await queryRunner.query(
      'CREATE INDEX IDX_staff_listed_surname ON staff_members (sort_surname, id) WHERE listed = true',
    );
    await queryRunner.query(
      `CREATE INDEX IDX_staff_listed_organisation_surname
       ON staff_members (organisation_id, sort_surname, id) WHERE listed = true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IDX_staff_listed_organisation_surname');
    await queryRunner.query('DROP INDEX IDX_staff_listed_surname');
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN sort_surname');
  }
}
