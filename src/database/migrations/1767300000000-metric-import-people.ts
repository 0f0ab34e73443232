import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people a running import has changed so far (issue 14: no statement whose cost grows with
 * the data). A crashed import's people were found by scanning metric_snapshots for its id: no
 * index holds import_id (another b-tree for every imported row), so at the national scale, 36
 * million rows, that scan held the server for seconds at start-up and on the recovery timer.
 * Each batch's transaction now adds the people it changed here; recovery reads them by the
 * primary key, and a finished import's rows are deleted. An import cut off before this
 * migration ran has none listed: its people catch up at the next daily roll.
 */
export class MetricImportPeople1767300000000 implements MigrationInterface {
  name = 'MetricImportPeople1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    await queryRunner.query(
      'CREATE TABLE "metric_import_people" (' +
        '"import_id" integer NOT NULL REFERENCES "metric_imports" ("id") ON DELETE CASCADE, ' +
        '"staff_id" integer NOT NULL, ' +
        'PRIMARY KEY ("import_id", "staff_id"))' +
        (sqlite ? ' WITHOUT ROWID' : ''),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "metric_import_people"');
  }
}
