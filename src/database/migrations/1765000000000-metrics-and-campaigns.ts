import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, idColumn, timestampColumn } from './column-helpers';

/**
 * Metric snapshots, their imports, and campaigns (issue 11).
 *
 * A snapshot is one account's figures for one Europe/London calendar day from one source
 * (IMPORT, SELF_REPORTED, FETCHED): the primary key (social_account_id, day, source) is what an
 * import upserts on, so importing the same file twice changes nothing. `day` is text
 * 'YYYY-MM-DD' on both dialects: it compares and sorts as a date, and a London day never shifts
 * with the server's zone. `staff_id` is copied from the account so scores read a person's
 * figures by (staff_id, day) without a join.
 */
export class MetricsAndCampaigns1765000000000 implements MigrationInterface {
  name = 'MetricsAndCampaigns1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'metric_snapshots',
        columns: [
          { name: 'social_account_id', type: 'integer', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'source', type: 'varchar', length: '16', isPrimary: true },
          { name: 'staff_id', type: 'integer' },
          { name: 'followers', type: 'integer' },
          { name: 'following', type: 'integer', isNullable: true },
          { name: 'posts', type: 'integer', isNullable: true },
          { name: 'engagements', type: 'integer', isNullable: true },
          { name: 'import_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'recorded_at'),
        ],
        foreignKeys: [foreignKey('social_account_id', 'social_accounts')],
        indices: [{ name: 'IDX_metric_snapshots_staff_day', columnNames: ['staff_id', 'day'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'metric_imports',
        columns: [
          idColumn(),
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'campaign_id', type: 'integer', isNullable: true },
          { name: 'organisation_id', type: 'integer', isNullable: true },
          { name: 'imported_by_staff_id', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'rows_read', type: 'integer', default: 0 },
          { name: 'rows_accepted', type: 'integer', default: 0 },
          { name: 'rows_unchanged', type: 'integer', default: 0 },
          { name: 'rows_rejected', type: 'integer', default: 0 },
          // JSON array of { line, reason }: read whole with the report
          { name: 'rejected', type: 'text', default: "'[]'" },
          // JSON array of the header's column names the import did not use
          { name: 'ignored_columns', type: 'text', default: "'[]'" },
          timestampColumn(queryRunner, 'started_at'),
          timestampColumn(queryRunner, 'finished_at', { nullable: true, defaultNow: false }),
        ],
        indices: [{ name: 'IDX_metric_imports_status', columnNames: ['status'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'hashtag', type: 'varchar', length: '100' },
          { name: 'starts_on', type: 'varchar', length: '10' },
          { name: 'ends_on', type: 'varchar', length: '10' },
          // NULL: NHS-wide
          { name: 'organisation_id', type: 'integer', isNullable: true },
          { name: 'created_by_staff_id', type: 'integer' },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [foreignKey('organisation_id', 'organisations')],
        indices: [
          { name: 'IDX_campaigns_organisation', columnNames: ['organisation_id'] },
          { name: 'IDX_campaigns_starts_on', columnNames: ['starts_on', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_participants',
        columns: [
          { name: 'campaign_id', type: 'integer', isPrimary: true },
          { name: 'staff_id', type: 'integer', isPrimary: true },
          timestampColumn(queryRunner, 'joined_at'),
        ],
        foreignKeys: [
          foreignKey('campaign_id', 'campaigns'),
          foreignKey('staff_id', 'staff_members'),
        ],
        indices: [
          { name: 'IDX_campaign_participants_staff', columnNames: ['staff_id', 'campaign_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_activity',
        columns: [
          { name: 'campaign_id', type: 'integer', isPrimary: true },
          { name: 'social_account_id', type: 'integer', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'staff_id', type: 'integer' },
          { name: 'posts', type: 'integer' },
          { name: 'engagements', type: 'integer' },
          { name: 'import_id', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          foreignKey('campaign_id', 'campaigns'),
          foreignKey('social_account_id', 'social_accounts'),
        ],
        indices: [
          {
            name: 'IDX_campaign_activity_staff',
            columnNames: ['campaign_id', 'staff_id', 'day'],
          },
          { name: 'IDX_campaign_activity_account', columnNames: ['social_account_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'campaign_activity',
      'campaign_participants',
      'campaigns',
      'metric_imports',
      'metric_snapshots',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
