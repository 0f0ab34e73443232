import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumn } from './column-helpers';

/**
 * Erasure without editing the audit log: audit entries name people only by id, and an erased
 * person's id maps here to the anonymous reference of their erasure, which the audit log shows
 * in their place. The log itself stays append-only (its triggers are untouched).
 */
export class AuditErasures1765800000000 implements MigrationInterface {
  name = 'AuditErasures1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_erasures',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'anonymous_reference', type: 'varchar', length: '64' },
          timestampColumn(queryRunner, 'erased_at', { defaultNow: false }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_erasures');
  }
}
