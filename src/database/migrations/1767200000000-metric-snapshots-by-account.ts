import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * metric_snapshots without its (staff_id, day) index (issue 11, import rate): a person's figures
 * are read through their accounts (social_accounts by staff, then the primary key's range of
 * each account), so an imported row goes into the table and its primary key only. The index was
 * a third b-tree for every row written; without it the same upserts run ~1.6 times as fast on
 * SQLite (docs/benchmarks.md, "The import without the (staff, day) index"). Same SQL on both
 * dialects.
 */
export class MetricSnapshotsByAccount1767200000000 implements MigrationInterface {
  name = 'MetricSnapshotsByAccount1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS "IDX_metric_snapshots_staff_day"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS "IDX_metric_snapshots_staff_day" ON metric_snapshots (staff_id, day)',
    );
  }
}
