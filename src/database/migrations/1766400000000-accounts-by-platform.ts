import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts by platform and verification status (issue 14 item 1): the directory's platform and
 * verified filters count and list a rare platform's holders from here (a bounded range of the
 * index) instead of testing every listed person in name order. Same SQL on both dialects.
 */
export class AccountsByPlatform1766400000000 implements MigrationInterface {
  name = 'AccountsByPlatform1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_social_accounts_platform_verified"
       ON social_accounts (platform, verification_status, staff_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_social_accounts_platform_verified"`);
  }
}
