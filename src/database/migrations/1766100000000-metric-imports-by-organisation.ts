import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The import page lists an organisation's recent imports, newest first: one index read on
 * (organisation_id, id), never a sort over every import.
 */
export class MetricImportsByOrganisation1766100000000 implements MigrationInterface {
  name = 'MetricImportsByOrganisation1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_metric_imports_organisation" ON "metric_imports" ("organisation_id", "id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_metric_imports_organisation"');
  }
}
