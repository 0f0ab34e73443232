import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, idColumn, isSqlite, timestampColumn } from './column-helpers';

/**
 * Guidance acceptance, the directory's `listed` flag and its search index (issue 5).
 *
 * `listed` (active and has accepted the current guidance, or none applies) is kept by triggers
 * on every insert and every change of active/organisation/acceptance, whoever writes the row
 * (sign-in, SCIM, profile), and by the publisher in the same transaction as a new version; the
 * directory filters on one indexed column instead of joining guidance at 1.5 million rows.
 *
 * The search index holds one document per person; hidden handles are never in it, and
 * organisation-only handles only as tokens tagged with the owner's organisation (see
 * src/directory/search-text.ts). Feature services rebuild a person's document in the same
 * transaction; `search_stale` (set on insert and, by trigger, on a change of name, job title,
 * bio or organisation) lets the directory catch up with writers that do not.
 */

// The guidance that applies to the staff_members row in scope: their organisation's latest
// version, else the NHS-wide latest (scope 0). Mirrors StaffRepository.refreshListing.
const currentGuidance = (row: string) => `COALESCE(
  (SELECT g.id FROM guidance_documents g
    WHERE g.scope_key = COALESCE(${row}.organisation_id, 0) ORDER BY g.version DESC LIMIT 1),
  (SELECT g.id FROM guidance_documents g WHERE g.scope_key = 0 ORDER BY g.version DESC LIMIT 1))`;
const listedExpression = (row: string) =>
  `(${row}.active = true AND COALESCE(${row}.accepted_guidance_id = ${currentGuidance(row)},
    ${currentGuidance(row)} IS NULL))`;
export class GuidanceAndDirectory1764200000000 implements MigrationInterface {
  name = 'GuidanceAndDirectory1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = isSqlite(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'guidance_documents',
        columns: [
          idColumn(),
          // null: NHS-wide guidance, for people whose organisation has published none
          { name: 'organisation_id', type: 'integer', isNullable: true },
          // organisation_id or 0: a NOT NULL key so (scope, version) is unique on both drivers
          { name: 'scope_key', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'summary', type: 'text' },
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'published_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'published_at'),
        ],
        foreignKeys: [
          foreignKey('organisation_id', 'organisations'),
          foreignKey('published_by_id', 'staff_members', 'SET NULL'),
        ],
        indices: [
          {
            name: 'IDX_guidance_documents_scope_version',
            columnNames: ['scope_key', 'version'],
            isUnique: true,
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'guidance_acceptances',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'guidance_id', type: 'integer', isPrimary: true },
          timestampColumn(queryRunner, 'accepted_at'),
        ],
        foreignKeys: [
          foreignKey('staff_id', 'staff_members'),
          foreignKey('guidance_id', 'guidance_documents'),
        ],
        indices: [{ name: 'IDX_guidance_acceptances_guidance', columnNames: ['guidance_id'] }],
      }),
    );

    // Plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table (and drops its triggers).
    const falseValue = sqlite ? '0' : 'false';
    await queryRunner.query(
      `ALTER TABLE staff_members ADD COLUMN listed boolean NOT NULL DEFAULT ${falseValue}`,
    );
    await queryRunner.query(
      // no foreign key: SQLite cannot drop a column that has one (down), and documents are kept
      'ALTER TABLE staff_members ADD COLUMN accepted_guidance_id integer NULL',
    );
    const trueValue = sqlite ? '1' : 'true';
    await queryRunner.query(
      `ALTER TABLE staff_members ADD COLUMN search_stale boolean NOT NULL DEFAULT ${trueValue}`,
    );
    // No guidance exists yet, so everyone active is listed.
    await queryRunner.query(`UPDATE staff_members SET listed = active`);
    await queryRunner.query(
      'CREATE INDEX IDX_staff_search_stale ON staff_members (id) WHERE search_stale = true',
    );
    const searchColumns = ['display_name', 'job_title', 'bio', 'organisation_id'];
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
         AFTER UPDATE OF ${searchColumns.join(', ')} ON staff_members
         WHEN ${searchColumns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
         BEGIN UPDATE staff_members SET search_stale = 1 WHERE id = NEW.id; END`,
      );
    } else {
      await queryRunner.query(
        `CREATE FUNCTION staff_members_maintain() RETURNS trigger AS $$
         BEGIN
           NEW.listed := COALESCE(${listedExpression('NEW')}, false);
           IF TG_OP = 'INSERT' OR ${searchColumns
             .map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`)
             .join(' OR ')} THEN
             NEW.search_stale := true;
           END IF;
           RETURN NEW;
         END $$ LANGUAGE plpgsql`,
      );
      await queryRunner.query(
        `CREATE TRIGGER staff_members_maintain
         BEFORE INSERT OR UPDATE OF active, accepted_guidance_id, ${searchColumns.join(', ')}
         ON staff_members FOR EACH ROW EXECUTE FUNCTION staff_members_maintain()`,
      );
    }

    // Directory pages walk these in name order (keyset), one per filter, only over listed people.
    const listedIndex = (name: string, columns: string[]) =>
      queryRunner.query(
        `CREATE INDEX ${name} ON staff_members (${columns.join(', ')}) WHERE listed = true`,
      );
    await listedIndex('IDX_staff_listed_name', ['display_name', 'id']);
    await listedIndex('IDX_staff_listed_organisation', ['organisation_id', 'display_name', 'id']);
    await listedIndex('IDX_staff_listed_site', ['site_id', 'display_name', 'id']);
    await listedIndex('IDX_staff_listed_department', ['department_id', 'display_name', 'id']);
    await listedIndex('IDX_staff_listed_group', ['staff_group', 'display_name', 'id']);
    await queryRunner.query(
      'CREATE INDEX IDX_social_accounts_staff_platform ON social_accounts (staff_id, platform, verification_status)',
    );

    if (sqlite) {
      // Contentless: the index only (no second copy of every bio); rows deleted by rowid = staff id.
      await queryRunner.query(
        `CREATE VIRTUAL TABLE staff_search USING fts5(name, title, handles, bio,` +
          ` content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')`,
      );
      // Erasure deletes people directly: their search document goes with them.
      await queryRunner.query(
        `CREATE TRIGGER staff_search_after_staff_delete AFTER DELETE ON staff_members` +
          ` BEGIN DELETE FROM staff_search WHERE rowid = OLD.id; END`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE staff_search (` +
          ` staff_id integer PRIMARY KEY REFERENCES staff_members(id) ON DELETE CASCADE,` +
          ` document tsvector NOT NULL)`,
      );
      await queryRunner.query(
        'CREATE INDEX IDX_staff_search_document ON staff_search USING GIN (document)',
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      for (const trigger of [
        'staff_search_after_staff_delete',
        'staff_members_search_stale_after_update',
        'staff_members_listed_after_update',
        'staff_members_listed_after_insert',
      ]) {
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
      }
    } else {
      await queryRunner.query('DROP TRIGGER IF EXISTS staff_members_maintain ON staff_members');
      await queryRunner.query('DROP FUNCTION IF EXISTS staff_members_maintain()');
    }
    await queryRunner.query('DROP INDEX IDX_staff_search_stale');
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN search_stale');
    await queryRunner.query('DROP TABLE staff_search');
    await queryRunner.query('DROP INDEX IDX_social_accounts_staff_platform');
    for (const name of [
      'IDX_staff_listed_group',
      'IDX_staff_listed_department',
      'IDX_staff_listed_site',
      'IDX_staff_listed_organisation',
      'IDX_staff_listed_name',
    ]) {
      await queryRunner.query(`DROP INDEX ${name}`);
    }
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN accepted_guidance_id');
    await queryRunner.query('ALTER TABLE staff_members DROP COLUMN listed');
    await queryRunner.dropTable('guidance_acceptances');
    await queryRunner.dropTable('guidance_documents');
  }
}
