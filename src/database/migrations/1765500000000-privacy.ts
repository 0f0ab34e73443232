import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { isSqlite, timestampColumn } from './column-helpers';

/**
 * Privacy rights: when a leaver was deactivated (their retention period runs from then), and
 * the erased identities a token issued before the erasure may not bring back.
 */
export class Privacy1765500000000 implements MigrationInterface {
  name = 'Privacy1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = isSqlite(queryRunner) ? 'datetime' : 'timestamp';
    // plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table and drops its triggers
    await queryRunner.query(`ALTER TABLE staff_members ADD COLUMN deactivated_at ${type} NULL`);
    // leavers from before: their retention period runs from their record's last change
    await queryRunner.query(
      'UPDATE staff_members SET deactivated_at = updated_at WHERE active = false',
    );
    await queryRunner.createTable(
      new Table({
        name: 'erased_identities',
        columns: [
          // SHA-256 of "tenant:oid": the person's identity cannot be read back from it
          { name: 'identity_key', type: 'varchar', length: '64', isPrimary: true },
          timestampColumn(queryRunner, 'erased_at', { defaultNow: false }),
        ],
        indices: [{ name: 'IDX_erased_identities_erased_at', columnNames: ['erased_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('erased_identities');
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN deactivated_at');
  }
}
