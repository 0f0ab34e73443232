import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, timestampColumn } from './column-helpers';

/** What SCIM provisioning says about a person beyond the staff record: names, emails, raw HR values. */
export class ScimProvisioning1764100000000 implements MigrationInterface {
  name = 'ScimProvisioning1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'scim_profiles',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'given_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'family_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'emails', type: 'text', isNullable: true },
          { name: 'department', type: 'varchar', length: '200', isNullable: true },
          { name: 'organization', type: 'varchar', length: '200', isNullable: true },
          { name: 'organisation_managed', type: 'boolean', default: false },
          timestampColumn(queryRunner, 'deleted_at', { nullable: true, defaultNow: false }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [foreignKey('staff_id', 'staff_members')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('scim_profiles');
  }
}
