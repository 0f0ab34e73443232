import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, idColumn, timestampColumn } from './column-helpers';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'organisations',
        columns: [
          idColumn(),
          { name: 'ods_code', type: 'varchar', length: '10', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'tenant_id', type: 'varchar', length: '64', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [{ columnNames: ['tenant_id'] }],
      }),
    );
    for (const name of ['sites', 'departments']) {
      await queryRunner.createTable(
        new Table({
          name,
          columns: [
            idColumn(),
            { name: 'organisation_id', type: 'integer' },
            { name: 'name', type: 'varchar', length: '200' },
          ],
          foreignKeys: [foreignKey('organisation_id', 'organisations')],
          indices: [{ columnNames: ['organisation_id', 'name'], isUnique: true }],
        }),
      );
    }
    await queryRunner.createTable(
      new Table({
        name: 'staff_members',
        columns: [
          idColumn(),
          { name: 'tenant_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'object_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'user_name', type: 'varchar', length: '320', isNullable: true },
          { name: 'external_id', type: 'varchar', length: '255', isNullable: true },
          { name: 'display_name', type: 'varchar', length: '200' },
          { name: 'job_title', type: 'varchar', length: '200', isNullable: true },
          { name: 'staff_group', type: 'varchar', length: '64', isNullable: true },
          { name: 'organisation_id', type: 'integer', isNullable: true },
          { name: 'site_id', type: 'integer', isNullable: true },
          { name: 'department_id', type: 'integer', isNullable: true },
          { name: 'pronouns', type: 'varchar', length: '50', isNullable: true },
          { name: 'bio', type: 'text', isNullable: true },
          { name: 'active', type: 'boolean', default: true },
          { name: 'is_comms_admin', type: 'boolean', default: false },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [
          foreignKey('organisation_id', 'organisations', 'SET NULL'),
          foreignKey('site_id', 'sites', 'SET NULL'),
          foreignKey('department_id', 'departments', 'SET NULL'),
        ],
        indices: [
          { columnNames: ['tenant_id', 'object_id'], isUnique: true },
          { columnNames: ['user_name'], isUnique: true },
          { columnNames: ['external_id'] },
          { columnNames: ['organisation_id'] },
          { columnNames: ['site_id'] },
          { columnNames: ['department_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'social_accounts',
        columns: [
          idColumn(),
          { name: 'staff_id', type: 'integer' },
          { name: 'platform', type: 'varchar', length: '16' },
          { name: 'handle', type: 'varchar', length: '255' },
          { name: 'handle_key', type: 'varchar', length: '255' },
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'purpose', type: 'varchar', length: '16', default: "'PROFESSIONAL'" },
          { name: 'visibility', type: 'varchar', length: '16', default: "'NHS_DIRECTORY'" },
          { name: 'verification_status', type: 'varchar', length: '16', default: "'UNVERIFIED'" },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [foreignKey('staff_id', 'staff_members')],
        indices: [
          { columnNames: ['platform', 'handle_key'], isUnique: true },
          { columnNames: ['staff_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'social_accounts',
      'staff_members',
      'departments',
      'sites',
      'organisations',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
