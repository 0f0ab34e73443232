import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, idColumn, isSqlite, timestampColumn } from './column-helpers';

const REFUSE = 'audit_log is append-only: entries are never changed or removed';

/**
 * Issue 9 items 3, 4 and 6, issue 12 item 5.
 *
 * - `organisation_claims`: a self-chosen organisation is a claim its communications team confirms
 *   or refuses; `staff_members.organisation_id` holds only a trusted organisation.
 * - `staff_members.is_national_admin`: the app role Comms.NationalAdmin, as the last token said
 *   (like `is_comms_admin`), so the development sign-in can mint one.
 * - `scim_profiles.tenant_id`: the tenant whose provisioning made the record; a first sign-in
 *   links to it only from that tenant, on the immutable object id.
 * - `leaders.organisation_id`: each organisation curates its own leaders; null is the national list.
 * - `audit_log`: append-only; a trigger refuses UPDATE and DELETE on both databases.
 */
export class TrustedOrganisationsAndAudit1765100000000 implements MigrationInterface {
  name = 'TrustedOrganisationsAndAudit1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = isSqlite(queryRunner);
    // plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table and drops its triggers
    await queryRunner.query(
      'ALTER TABLE staff_members ADD COLUMN is_national_admin boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE scim_profiles ADD COLUMN tenant_id varchar(64) NULL');
    await queryRunner.query('ALTER TABLE leaders ADD COLUMN organisation_id integer NULL');
    await queryRunner.query(
      'CREATE INDEX "IDX_leaders_organisation_order" ON "leaders" ("organisation_id", "featured_order", "staff_id")',
    );
    await queryRunner.createTable(
      new Table({
        name: 'organisation_claims',
        columns: [
          idColumn(),
          { name: 'staff_id', type: 'integer' },
          { name: 'organisation_id', type: 'integer' },
          { name: 'site_id', type: 'integer', isNullable: true },
          { name: 'department_id', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '16', default: "'PENDING'" },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'decided_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'decided_at', { nullable: true, defaultNow: false }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          foreignKey('staff_id', 'staff_members'),
          foreignKey('organisation_id', 'organisations'),
          foreignKey('site_id', 'sites', 'SET NULL'),
          foreignKey('department_id', 'departments', 'SET NULL'),
        ],
        indices: [
          // the queue: an organisation's pending claims, oldest first
          {
            name: 'IDX_organisation_claims_queue',
            columnNames: ['organisation_id', 'status', 'id'],
          },
          { name: 'IDX_organisation_claims_staff', columnNames: ['staff_id', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          idColumn(),
          timestampColumn(queryRunner, 'at'),
          // an id only (no name): an erased person leaves an anonymous reference
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'actor_kind', type: 'varchar', length: '16', default: "'PERSON'" },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'target_type', type: 'varchar', length: '64' },
          { name: 'target_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'organisation_id', type: 'integer', isNullable: true },
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
        ],
        indices: [
          { name: 'IDX_audit_log_organisation', columnNames: ['organisation_id', 'id'] },
          { name: 'IDX_audit_log_action', columnNames: ['action', 'id'] },
          { name: 'IDX_audit_log_actor', columnNames: ['actor_id', 'id'] },
          { name: 'IDX_audit_log_target', columnNames: ['target_type', 'target_id', 'id'] },
        ],
      }),
    );
    if (sqlite) {
      for (const event of ['UPDATE', 'DELETE']) {
        await queryRunner.query(
          `CREATE TRIGGER audit_log_refuse_${event.toLowerCase()} BEFORE ${event} ON audit_log
           BEGIN SELECT RAISE(ABORT, '${REFUSE}'); END`,
        );
      }
    } else {
      await queryRunner.query(
        `CREATE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
         BEGIN RAISE EXCEPTION '${REFUSE}'; END $$ LANGUAGE plpgsql`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_log_refuse_change BEFORE UPDATE OR DELETE ON audit_log
         FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_log_refuse_truncate BEFORE TRUNCATE ON audit_log
         FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_refuse_update');
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_refuse_delete');
    } else {
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_refuse_change ON audit_log');
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_refuse_truncate ON audit_log');
      await queryRunner.query('DROP FUNCTION IF EXISTS audit_log_refuse_change()');
    }
    await queryRunner.dropTable('audit_log');
    await queryRunner.dropTable('organisation_claims');
    await queryRunner.query('DROP INDEX "IDX_leaders_organisation_order"');
    await queryRunner.query('ALTER TABLE leaders DROP COLUMN organisation_id');
    await queryRunner.query('ALTER TABLE scim_profiles DROP COLUMN tenant_id');
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN is_national_admin');
  }
}
