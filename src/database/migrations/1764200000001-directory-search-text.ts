import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search document as plain text on each person (" jane smith staff nurse …"), so a very
 * broad search (a letter or two as someone starts typing, matching many thousands) can walk the
 * name-ordered index and test each row, instead of ranking every match. Narrow searches still
 * use the full-text index. Every row is marked stale so the directory fills it in.
 */
export class DirectorySearchText1764200000001 implements MigrationInterface {
  name = 'DirectorySearchText1764200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // plain ALTER TABLE: TypeORM's SQLite addColumn would rebuild the table and drop its triggers
    await queryRunner.query('ALTER TABLE staff_members ADD COLUMN search_text text NULL');
    await queryRunner.query('UPDATE staff_members SET search_stale = true');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN search_text');
  }
}
