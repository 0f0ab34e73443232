import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `deferred_work`: derived values brought up to date after commit (DerivedState.later) queue
 * their keys here inside the writing transaction, so a crash between commit and the re-score
 * loses nothing; the drainer deletes a batch as it runs it (DeferredDrainer).
 */
export class DeferredWork1767100000000 implements MigrationInterface {
  name = 'DeferredWork1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE deferred_work (
      work_name varchar(64) NOT NULL,
      item_key integer NOT NULL,
      touches integer NOT NULL DEFAULT 1,
      PRIMARY KEY (work_name, item_key)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE deferred_work');
  }
}
