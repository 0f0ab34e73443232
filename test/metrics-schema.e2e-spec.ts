import { TransactionRunner } from '../src/database/transaction-runner';
import { MetricsAndCampaigns1765000000000 } from '../src/database/migrations/1765000000000-metrics-and-campaigns';
import { MetricSnapshotsByAccount1767200000000 } from '../src/database/migrations/1767200000000-metric-snapshots-by-account';
import { MetricImportPeople1767300000000 } from '../src/database/migrations/1767300000000-metric-import-people';
import { createTestApp, TestApp } from './support/create-test-app';

const TABLES = [
  'metric_snapshots',
  'metric_imports',
  'campaigns',
  'campaign_participants',
  'campaign_activity',
];

/** The metrics and campaigns tables (migration 1765000000000): what the entities map, both ways. */
describe('metrics schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function withRunner<T>(
    work: (runner: ReturnType<typeof t.dataSource.createQueryRunner>) => Promise<T>,
  ) {
    const runner = t.dataSource.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  }

  it('every entity column exists in its table, and the tables have no column the entity misses', async () => {
    await withRunner(async (runner) => {
      for (const name of TABLES) {
        const table = await runner.getTable(name);
        expect(table).toBeDefined();
        const metadata = t.dataSource.getMetadata(name);
        expect(metadata.columns.map((c) => c.databaseName).sort()).toEqual(
          table!.columns.map((c) => c.name).sort(),
        );
        expect(metadata.primaryColumns.map((c) => c.databaseName).sort()).toEqual(
          table!.primaryColumns.map((c) => c.name).sort(),
        );
      }
    });
  });

  it('a figure is written to the table and its primary key only: no index by person (1767200000000), and down() puts it back', async () => {
    const indexNames = async (runner: ReturnType<typeof t.dataSource.createQueryRunner>) =>
      (await runner.getTable('metric_snapshots'))!.indices.map((i) => i.name);
    await withRunner(async (runner) => {
      expect(await indexNames(runner)).not.toContain('IDX_metric_snapshots_staff_day');
    });
    await t.app.get(TransactionRunner).run(async (tx) => {
      const runner = tx.queryRunner!;
      const migration = new MetricSnapshotsByAccount1767200000000();
      await migration.down(runner);
      expect(await indexNames(runner)).toContain('IDX_metric_snapshots_staff_day');
      await migration.up(runner);
      expect(await indexNames(runner)).not.toContain('IDX_metric_snapshots_staff_day');
    });
  });

  it('lists whom a running import has changed by import and person (1767300000000), its rows going with their import', async () => {
    await withRunner(async (runner) => {
      const table = (await runner.getTable('metric_import_people'))!;
      expect(table.primaryColumns.map((c) => c.name).sort()).toEqual(['import_id', 'staff_id']);
      expect(table.foreignKeys.map((fk) => [fk.referencedTableName, fk.onDelete])).toEqual([
        ['metric_imports', 'CASCADE'],
      ]);
    });
    await t.app.get(TransactionRunner).run(async (tx) => {
      const runner = tx.queryRunner!;
      const migration = new MetricImportPeople1767300000000();
      await migration.down(runner);
      expect(await runner.hasTable('metric_import_people')).toBe(false);
      await migration.up(runner);
      expect(await runner.hasTable('metric_import_people')).toBe(true);
    });
  });

  it('down() drops the tables and up() makes them again', async () => {
    // in a transaction of the app's one way to write (on SQLite the rest is read-only)
    await t.app.get(TransactionRunner).run(async (tx) => {
      const runner = tx.queryRunner!;
      const migration = new MetricsAndCampaigns1765000000000();
      // a later table refers to metric_imports: it goes first and comes back last
      const people = new MetricImportPeople1767300000000();
      await people.down(runner);
      await migration.down(runner);
      for (const name of TABLES) expect(await runner.hasTable(name)).toBe(false);
      await migration.up(runner);
      for (const name of TABLES) expect(await runner.hasTable(name)).toBe(true);
      const snapshots = await runner.getTable('metric_snapshots');
      expect(snapshots!.indices.map((i) => i.name)).toContain('IDX_metric_snapshots_staff_day');
      await people.up(runner);
    });
  });
});
