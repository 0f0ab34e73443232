import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, isSqlite } from './column-helpers';

// What 1764200000000 and 1764500000000 created, copied here for down(): this file never changes.
const currentGuidance = (row: string) => `COALESCE(
  (SELECT g.id FROM guidance_documents g
    WHERE g.scope_key = COALESCE(${row}.organisation_id, 0) ORDER BY g.version DESC LIMIT 1),
  (SELECT g.id FROM guidance_documents g WHERE g.scope_key = 0 ORDER BY g.version DESC LIMIT 1))`;
const listedExpression = (row: string) =>
  `(${row}.active = true AND COALESCE(${row}.accepted_guidance_id = ${currentGuidance(row)},
    ${currentGuidance(row)} IS NULL))`;
const PG_STALE_COLUMNS = ['display_name', 'job_title', 'bio', 'organisation_id'];
const SQLITE_STALE_COLUMNS = [...PG_STALE_COLUMNS, 'site_id', 'department_id', 'staff_group'];
const SQLITE_TRIGGERS = [
  'staff_members_search_stale_after_update',
  'staff_members_listed_after_update',
  'staff_members_listed_after_insert',
];

/**
 * Derived values are kept by the app, in the writing transaction (src/database/derived-state.ts),
 * instead of by triggers and a catch-up before each search:
 *
 * - `listed` loses its triggers (SQLite) and trigger function (PostgreSQL): the guidance
 *   feature's listing rule is the one copy. Everyone's `listed` is recomputed here by the same
 *   rule the triggers held, so nothing changes.
 * - `search_stale`, its index and trigger go: nothing reads them any more.
 * - Follow counters and the suggestions opt-out move from staff_members (owned by staff) to
 *   `follow_stats`, owned by follows; a person with no row follows nobody, has no followers
 *   and may be suggested.
 */
export class DerivedStateInTheApp1764700000000 implements MigrationInterface {
  name = 'DerivedStateInTheApp1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = isSqlite(queryRunner);
    if (sqlite) {
      for (const trigger of SQLITE_TRIGGERS) {
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
      }
    } else {
      await queryRunner.query('DROP TRIGGER IF EXISTS staff_members_maintain ON staff_members');
      await queryRunner.query('DROP FUNCTION IF EXISTS staff_members_maintain()');
    }
    await queryRunner.query(
      `UPDATE staff_members SET listed = CASE WHEN ${listedExpression('staff_members')}
         THEN true ELSE false END`,
    );
    await queryRunner.query('DROP INDEX IDX_staff_search_stale');
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN search_stale');

    await queryRunner.createTable(
      new Table({
        name: 'follow_stats',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'follower_count', type: 'integer', default: 0 },
          { name: 'following_count', type: 'integer', default: 0 },
          { name: 'suggestible', type: 'boolean', default: true },
        ],
        foreignKeys: [foreignKey('staff_id', 'staff_members')],
      }),
    );
    await queryRunner.query(
      `INSERT INTO follow_stats (staff_id, follower_count, following_count, suggestible)
       SELECT id, follower_count, following_count, suggestible FROM staff_members
       WHERE follower_count <> 0 OR following_count <> 0 OR suggestible = false`,
    );
    for (const column of ['following_count', 'follower_count', 'suggestible']) {
      await queryRunner.query(`ALTER TABLE staff_members DROP COLUMN ${column}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sqlite = isSqlite(queryRunner);
    const [trueValue, falseValue] = sqlite ? ['1', '0'] : ['true', 'false'];
    // plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table (and drops its triggers)
    await queryRunner.query(
      `ALTER TABLE staff_members ADD COLUMN suggestible boolean NOT NULL DEFAULT ${trueValue}`,
    );
    for (const column of ['follower_count', 'following_count']) {
      await queryRunner.query(
        `ALTER TABLE staff_members ADD COLUMN ${column} integer NOT NULL DEFAULT 0`,
      );
    }
    await queryRunner.query(
      `UPDATE staff_members SET
         follower_count = COALESCE((SELECT f.follower_count FROM follow_stats f WHERE f.staff_id = staff_members.id), 0),
         following_count = COALESCE((SELECT f.following_count FROM follow_stats f WHERE f.staff_id = staff_members.id), 0),
         suggestible = COALESCE((SELECT f.suggestible FROM follow_stats f WHERE f.staff_id = staff_members.id), ${trueValue})`,
    );
    await queryRunner.dropTable('follow_stats');

    // every document is current (the app kept them): none stale
    await queryRunner.query(
      `ALTER TABLE staff_members ADD COLUMN search_stale boolean NOT NULL DEFAULT ${falseValue}`,
    );
    await queryRunner.query(
      'CREATE INDEX IDX_staff_search_stale ON staff_members (id) WHERE search_stale = true',
    );
    if (sqlite) {
      const setListed = `UPDATE staff_members SET listed = CASE WHEN ${listedExpression('staff_members')}
        THEN 1 ELSE 0 END WHERE id = NEW.id;`;
      await queryRunner.query(
        `CREATE TRIGGER staff_members_listed_after_insert AFTER INSERT ON staff_members
         BEGIN ${setListed} END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER staff_members_listed_after_update
         AFTER UPDATE OF active, organisation_id, accepted_guidance_id ON staff_members
         BEGIN ${setListed} END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER staff_members_search_stale_after_update
         AFTER UPDATE OF ${SQLITE_STALE_COLUMNS.join(', ')} ON staff_members
         WHEN ${SQLITE_STALE_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
         BEGIN UPDATE staff_members SET search_stale = 1 WHERE id = NEW.id; END`,
      );
      return;
    }
    await queryRunner.query(
      `CREATE FUNCTION staff_members_maintain() RETURNS trigger AS $$
       BEGIN
         NEW.listed := COALESCE(${listedExpression('NEW')}, false);
         IF TG_OP = 'INSERT' OR ${PG_STALE_COLUMNS.map(
           (c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`,
         ).join(' OR ')} THEN
           NEW.search_stale := true;
         END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    );
    await queryRunner.query(
      `CREATE TRIGGER staff_members_maintain
       BEFORE INSERT OR UPDATE OF active, accepted_guidance_id, ${PG_STALE_COLUMNS.join(', ')}
       ON staff_members FOR EACH ROW EXECUTE FUNCTION staff_members_maintain()`,
    );
  }
}
