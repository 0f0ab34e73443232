import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { isSqlite, timestampColumn } from './column-helpers';

/**
 * A new guidance version gives a grace period: `grace_ends_at` (publication +
 * GUIDANCE_GRACE_DAYS), `grace_swept` (the listing rule re-applied once it ended) and the
 * publisher's `what_changed`. Existing versions have no grace period (null): nothing changes.
 */
export class GuidanceGracePeriod1765600000002 implements MigrationInterface {
  name = 'GuidanceGracePeriod1765600000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = isSqlite(queryRunner);
    // plain ALTER TABLE on SQLite: TypeORM's addColumn rebuilds the table
    const graceEndsAt = timestampColumn(queryRunner, 'grace_ends_at', {
      nullable: true,
      defaultNow: false,
    });
    if (sqlite) {
      await queryRunner.query(`ALTER TABLE guidance_documents ADD COLUMN grace_ends_at datetime`);
      await queryRunner.query(
        `ALTER TABLE guidance_documents ADD COLUMN grace_swept boolean NOT NULL DEFAULT 0`,
      );
      await queryRunner.query(`ALTER TABLE guidance_documents ADD COLUMN what_changed text`);
    } else {
      await queryRunner.addColumns('guidance_documents', [
        new TableColumn(graceEndsAt),
        new TableColumn({ name: 'grace_swept', type: 'boolean', default: false }),
        new TableColumn({ name: 'what_changed', type: 'text', isNullable: true }),
      ]);
    }
    // the sweep's question: which grace periods have ended and are not yet swept
    await queryRunner.query(
      `CREATE INDEX "IDX_guidance_grace_unswept" ON guidance_documents (grace_ends_at)
       WHERE grace_swept = ${sqlite ? '0' : 'false'}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_guidance_grace_unswept"');
    for (const column of ['what_changed', 'grace_swept', 'grace_ends_at']) {
      await queryRunner.query(`ALTER TABLE guidance_documents DROP COLUMN ${column}`);
    }
  }
}
