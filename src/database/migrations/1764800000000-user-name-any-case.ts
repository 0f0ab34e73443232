import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * SCIM userName is kept as provisioned and compared ignoring case (RFC 7643: caseExact false),
 * so its uniqueness is on LOWER(user_name), the expression every lookup uses (both dialects
 * index expressions). Existing values were stored lowercased: none collide.
 */
export class UserNameAnyCase1764800000000 implements MigrationInterface {
  name = 'UserNameAnyCase1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = (await queryRunner.getTable('staff_members'))!;
    const exact = table.indices.find(
      (index) => index.isUnique && index.columnNames.join() === 'user_name',
    );
    if (exact) await queryRunner.dropIndex(table, exact);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_staff_members_user_name_any_case" ON "staff_members" (LOWER("user_name"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_staff_members_user_name_any_case"');
    await queryRunner.createIndex(
      'staff_members',
      new TableIndex({ columnNames: ['user_name'], isUnique: true }),
    );
  }
}
