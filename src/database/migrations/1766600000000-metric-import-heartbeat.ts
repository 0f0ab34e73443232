import { MigrationInterface, QueryRunner } from 'typeorm';
import { isSqlite } from './column-helpers';

/**
 * `metric_imports.heartbeat_at`: a running import beats while it reads its file, so an instance
 * starting up (or any instance, on its timer) recovers only imports whose instance stopped, not
 * one another instance is still reading.
 */
export class MetricImportHeartbeat1766600000000 implements MigrationInterface {
  name = 'MetricImportHeartbeat1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = isSqlite(queryRunner) ? 'datetime' : 'timestamp';
    await queryRunner.query(`ALTER TABLE metric_imports ADD COLUMN heartbeat_at ${type} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE metric_imports DROP COLUMN heartbeat_at');
  }
}
