import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, idColumn, isSqlite, timestampColumn } from './column-helpers';

/**
 * Communities, leaders and following (issue 6).
 *
 * Counters (`member_count`, `follower_count`, `following_count`) are kept in the same transaction
 * as every join/leave/follow/unfollow: a profile or community card must show its counts in
 * constant time, and COUNT(*) over a popular person's followers at 10 million follows costs
 * milliseconds per row of the page, which a 10 ms profile cannot afford.
 */
export class CommunitiesLeadersFollows1764300000000 implements MigrationInterface {
  name = 'CommunitiesLeadersFollows1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'communities',
        columns: [
          idColumn(),
          { name: 'slug', type: 'varchar', length: '80', isUnique: true },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'scope', type: 'varchar', length: '16', default: "'NHS_WIDE'" },
          { name: 'organisation_id', type: 'integer', isNullable: true },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'hashtag', type: 'varchar', length: '100', isNullable: true },
          // JSON array of {label, url}: a handful per community, always read whole
          { name: 'links', type: 'text', isNullable: true },
          { name: 'member_count', type: 'integer', default: 0 },
          timestampColumn(queryRunner, 'archived_at', { nullable: true, defaultNow: false }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [foreignKey('organisation_id', 'organisations')],
        indices: [
          { name: 'IDX_communities_organisation', columnNames: ['organisation_id'] },
          { name: 'IDX_communities_name', columnNames: ['name', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'community_memberships',
        columns: [
          { name: 'community_id', type: 'integer', isPrimary: true },
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'role', type: 'varchar', length: '16', default: "'MEMBER'" },
          timestampColumn(queryRunner, 'joined_at'),
        ],
        foreignKeys: [
          foreignKey('community_id', 'communities'),
          foreignKey('staff_id', 'staff_members'),
        ],
        indices: [
          // "my communities", the directory's community filter, shared-community suggestions
          { name: 'IDX_community_memberships_staff', columnNames: ['staff_id', 'community_id'] },
          // a members page in join order (keyset), and the organisers/champions of a community
          {
            name: 'IDX_community_memberships_joined',
            columnNames: ['community_id', 'joined_at', 'staff_id'],
          },
          { name: 'IDX_community_memberships_role', columnNames: ['community_id', 'role'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leaders',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'statement', type: 'text', isNullable: true },
          { name: 'featured_order', type: 'integer' },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [foreignKey('staff_id', 'staff_members')],
        indices: [{ name: 'IDX_leaders_featured', columnNames: ['featured_order', 'staff_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'follows',
        columns: [
          { name: 'follower_id', type: 'integer', isPrimary: true },
          { name: 'followee_id', type: 'integer', isPrimary: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          foreignKey('follower_id', 'staff_members'),
          foreignKey('followee_id', 'staff_members'),
        ],
        indices: [
          // "following" newest first, and the most recent followees of my follows (suggestions)
          {
            name: 'IDX_follows_following',
            columnNames: ['follower_id', 'created_at', 'followee_id'],
          },
          // "followers" newest first; also serves followee lookups and the FK cascade
          {
            name: 'IDX_follows_followers',
            columnNames: ['followee_id', 'created_at', 'follower_id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'follow_suggestion_dismissals',
        columns: [
          { name: 'staff_id', type: 'integer', isPrimary: true },
          { name: 'dismissed_id', type: 'integer', isPrimary: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          foreignKey('staff_id', 'staff_members'),
          foreignKey('dismissed_id', 'staff_members'),
        ],
        indices: [
          { name: 'IDX_follow_suggestion_dismissals_dismissed', columnNames: ['dismissed_id'] },
        ],
      }),
    );
    // Plain ALTER TABLE ADD COLUMN on both drivers: TypeORM's SQLite addColumn rebuilds the whole
    // table, which would drop triggers or virtual-table links other features hang on staff_members.
    const trueValue = isSqlite(queryRunner) ? '1' : 'true';
    await queryRunner.query(
      `ALTER TABLE staff_members ADD COLUMN suggestible boolean NOT NULL DEFAULT ${trueValue}`,
    );
    await queryRunner.query(
      'ALTER TABLE staff_members ADD COLUMN follower_count integer NOT NULL DEFAULT 0',
    );
    await queryRunner.query(
      'ALTER TABLE staff_members ADD COLUMN following_count integer NOT NULL DEFAULT 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['following_count', 'follower_count', 'suggestible']) {
      await queryRunner.query(`ALTER TABLE staff_members DROP COLUMN ${column}`);
    }
    for (const table of [
      'follow_suggestion_dismissals',
      'follows',
      'leaders',
      'community_memberships',
      'communities',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
