import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, idColumn, timestampColumn } from './column-helpers';

/**
 * Verification and trust (issue 12 items 1–4): verification requests with their optional proof
 * of ownership, an organisation's official accounts (reserved handles), and reports of a listing.
 * `social_accounts.verification_status` stays the account's current state (the directory's
 * verifiedOnly filter reads it); these tables keep who decided, how and when.
 */
export class VerificationAndTrust1765400000000 implements MigrationInterface {
  name = 'VerificationAndTrust1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'verification_requests',
        columns: [
          idColumn(),
          { name: 'account_id', type: 'integer' },
          { name: 'staff_id', type: 'integer' },
          // the handle asked about: a request for an account whose handle changed says nothing
          { name: 'handle_key', type: 'varchar', length: '255' },
          { name: 'status', type: 'varchar', length: '16', default: "'PENDING'" },
          { name: 'proof_code', type: 'varchar', length: '32' },
          { name: 'proof_method', type: 'varchar', length: '16', isNullable: true },
          timestampColumn(queryRunner, 'proof_checked_at', { nullable: true, defaultNow: false }),
          { name: 'decided_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'decided_at', { nullable: true, defaultNow: false }),
          { name: 'reason', type: 'text', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          foreignKey('account_id', 'social_accounts'),
          foreignKey('staff_id', 'staff_members'),
          foreignKey('decided_by_id', 'staff_members', 'SET NULL'),
        ],
        indices: [
          // the queue: pending requests, oldest first (keyset on id)
          { name: 'IDX_verification_requests_status', columnNames: ['status', 'id'] },
          { name: 'IDX_verification_requests_account', columnNames: ['account_id', 'id'] },
          { name: 'IDX_verification_requests_staff', columnNames: ['staff_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'official_accounts',
        columns: [
          idColumn(),
          { name: 'organisation_id', type: 'integer' },
          { name: 'platform', type: 'varchar', length: '16' },
          { name: 'handle', type: 'varchar', length: '255' },
          { name: 'handle_key', type: 'varchar', length: '255' },
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'label', type: 'varchar', length: '120', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'registered_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [
          foreignKey('organisation_id', 'organisations'),
          foreignKey('registered_by_id', 'staff_members', 'SET NULL'),
        ],
        indices: [
          // one handle is official for one organisation, and then nobody's own
          {
            name: 'IDX_official_accounts_handle',
            columnNames: ['platform', 'handle_key'],
            isUnique: true,
          },
          { name: 'IDX_official_accounts_organisation', columnNames: ['organisation_id', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'listing_reports',
        columns: [
          idColumn(),
          // null once the account is removed; the report and its outcome stay for the reporter
          { name: 'account_id', type: 'integer', isNullable: true },
          { name: 'subject_staff_id', type: 'integer' },
          { name: 'platform', type: 'varchar', length: '16' },
          { name: 'handle', type: 'varchar', length: '255' },
          { name: 'reporter_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'reason', type: 'text' },
          { name: 'status', type: 'varchar', length: '16', default: "'OPEN'" },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'resolved_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'resolved_at', { nullable: true, defaultNow: false }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          foreignKey('account_id', 'social_accounts', 'SET NULL'),
          foreignKey('subject_staff_id', 'staff_members'),
          foreignKey('reporter_id', 'staff_members'),
          foreignKey('resolved_by_id', 'staff_members', 'SET NULL'),
        ],
        indices: [
          { name: 'IDX_listing_reports_status', columnNames: ['status', 'id'] },
          { name: 'IDX_listing_reports_reporter', columnNames: ['reporter_id', 'id'] },
          { name: 'IDX_listing_reports_subject', columnNames: ['subject_staff_id'] },
          { name: 'IDX_listing_reports_account', columnNames: ['account_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('listing_reports');
    await queryRunner.dropTable('official_accounts');
    await queryRunner.dropTable('verification_requests');
  }
}
