import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The comms dashboard's daily adoption figures: one row per day, organisation, dimension
 * (the organisation as a whole, a site, a department, a staff group, a platform, a campaign) and
 * group. Counts only, nobody's personal data; written by the daily snapshot job, read by the
 * dashboard, so no request counts staff itself.
 */
export class DashboardSnapshots1766200000000 implements MigrationInterface {
  name = 'DashboardSnapshots1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const count = (name: string) => ({ name, type: 'integer', default: 0 });
    await queryRunner.createTable(
      new Table({
        name: 'dashboard_snapshots',
        columns: [
          { name: 'organisation_id', type: 'integer', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'dimension', type: 'varchar', length: '16', isPrimary: true },
          { name: 'group_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'label', type: 'varchar', length: '200', isNullable: true },
          count('people'),
          count('listed'),
          count('with_account'),
          count('with_verified'),
          count('accounts'),
          count('verified_accounts'),
          count('posts'),
          count('engagements'),
        ],
        indices: [
          {
            name: 'IDX_dashboard_snapshots_day',
            columnNames: ['dimension', 'day', 'organisation_id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dashboard_snapshots');
  }
}
