import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The name the identity provider last gave a person, kept apart from the display name they may
 * edit: a sign-in changes the display name only when the provider's name itself changed.
 */
export class StaffIdentityName1764400000000 implements MigrationInterface {
  name = 'StaffIdentityName1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table and drops its triggers
    await queryRunner.query('ALTER TABLE staff_members ADD COLUMN identity_name varchar(200) NULL');
    await queryRunner.query('UPDATE staff_members SET identity_name = display_name');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN identity_name');
  }
}
