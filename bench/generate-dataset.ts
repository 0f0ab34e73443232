import 'reflect-metadata';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { londonToday } from '../src/leaderboard/windows';
import { DemoRandom } from '../src/seed/demo-random';
import { FIRST_NAMES, LAST_NAMES, ROLES } from '../src/seed/demo-people';
import { DEV_TENANT_ID } from '../src/identity/dev/dev-token.service';
import { rebuildSqliteSearchIndex } from './rebuild-search-index';

export interface DatasetSize {
  staff: number;
  organisations: number;
  accountsPerStaff: number;
  followsPerStaff: number;
}

export const NATIONAL: DatasetSize = {
  staff: 1_500_000,
  organisations: 220,
  accountsPerStaff: 0.8,
  followsPerStaff: 6.7,
};

const SITES_PER_ORG = 6;
/** Days of metric snapshots per account (30: ~36 million rows at national scale). */
const SNAPSHOT_DAYS = 30;
const DEPARTMENTS_PER_ORG = 40;

/**
 * Builds a national-scale SQLite database: migrations through TypeORM (the real schema), then
 * bulk inserts through better-sqlite3 in a few large transactions. Returns the file path.
 */
export async function generateDataset(
  path: string,
  size: DatasetSize,
  log = console.log,
): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const started = Date.now();
  const step = (what: string) => log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const dataSource = new DataSource({ ...dataSourceOptions({ type: 'sqlite', path: building }) });
  await dataSource.initialize(); // runs the migrations
  await dataSource.destroy();
  step('schema migrated');

  const db = new Database(building);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('foreign_keys = OFF');
  const random = new DemoRandom(1948);
  // Bulk load without secondary indexes and triggers, then build them once: sorting into a
  // fresh b-tree is many times faster than maintaining it row by row.
  const derived = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const { type, name } of derived) db.exec(`DROP ${type.toUpperCase()} "${name}"`);

  db.transaction(() => {
    const org = db.prepare('INSERT INTO organisations (id, ods_code, name) VALUES (?, ?, ?)');
    const site = db.prepare('INSERT INTO sites (id, organisation_id, name) VALUES (?, ?, ?)');
    const dept = db.prepare('INSERT INTO departments (id, organisation_id, name) VALUES (?, ?, ?)');
    for (let o = 1; o <= size.organisations; o++) {
      org.run(o, `R${o.toString(36).toUpperCase().padStart(3, '0')}`, `Bench NHS Trust ${o}`);
      for (let s = 0; s < SITES_PER_ORG; s++)
        site.run((o - 1) * SITES_PER_ORG + s + 1, o, `Site ${s + 1}`);
      for (let d = 0; d < DEPARTMENTS_PER_ORG; d++)
        dept.run((o - 1) * DEPARTMENTS_PER_ORG + d + 1, o, `Department ${d + 1}`);
    }
  })();
  step(`${size.organisations} organisations`);

  const staffColumns = db.prepare("SELECT name FROM pragma_table_info('staff_members')").all() as {
    name: string;
  }[];
  const hasListed = staffColumns.some((c) => c.name === 'listed');
  const insertStaff = db.prepare(
    `INSERT INTO staff_members (id, tenant_id, object_id, user_name, display_name, job_title, staff_group,
       organisation_id, site_id, department_id, bio, active, is_comms_admin${hasListed ? ', listed' : ''})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0${hasListed ? ', 1' : ''})`,
  );
  const orgOf = (id: number) => 1 + (id % size.organisations);
  db.transaction(() => {
    for (let id = 1; id <= size.staff; id++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const role = random.pick(ROLES);
      const o = orgOf(id);
      insertStaff.run(
        id,
        DEV_TENANT_ID,
        randomUUID(),
        `${first}.${last}.${id}@nhs.net`.toLowerCase(),
        `${first} ${last}`,
        random.pick(role.titles),
        role.staffGroup,
        o,
        (o - 1) * SITES_PER_ORG + 1 + random.int(SITES_PER_ORG),
        (o - 1) * DEPARTMENTS_PER_ORG + 1 + random.int(DEPARTMENTS_PER_ORG),
        random.chance(0.5) ? 'Proud to work in the NHS. Views my own.' : null,
      );
    }
  })();
  step(`${size.staff.toLocaleString()} staff`);

  const platforms = ['X', 'LINKEDIN', 'BLUESKY', 'MASTODON', 'INSTAGRAM'];
  const insertAccount = db.prepare(
    `INSERT INTO social_accounts (staff_id, platform, handle, handle_key, url, purpose, visibility, verification_status)
     VALUES (?, ?, ?, ?, ?, 'PROFESSIONAL', ?, ?)`,
  );
  let accounts = 0;
  // the owner of each account, by account id (ids are given in insertion order, from 1)
  const accountOwners: number[] = [0];
  db.transaction(() => {
    for (let id = 1; id <= size.staff; id++) {
      let count =
        Math.floor(size.accountsPerStaff) + (random.chance(size.accountsPerStaff % 1) ? 1 : 0);
      for (let a = 0; a < count && a < platforms.length; a++) {
        const platform = platforms[a];
        const name = `staff${id}`;
        const handle =
          platform === 'MASTODON'
            ? `@${name}@mastodon.social`
            : platform === 'BLUESKY'
              ? `${name}.bsky.social`
              : `@${name}`;
        const visibility = random.chance(0.9)
          ? 'NHS_DIRECTORY'
          : random.chance(0.5)
            ? 'ORGANISATION'
            : 'ONLY_ME';
        insertAccount.run(
          id,
          platform,
          handle,
          handle.toLowerCase(),
          `https://example.org/${name}`,
          visibility,
          random.chance(0.1) ? 'VERIFIED' : 'UNVERIFIED',
        );
        accounts++;
        accountOwners.push(id);
      }
      count = 0;
    }
  })();
  step(`${accounts.toLocaleString()} accounts`);

  // Metric snapshots: every account, one imported row a day for SNAPSHOT_DAYS days ending
  // yesterday; followers spread over orders of magnitude, growing a little most days.
  const insertSnapshot = db.prepare(
    `INSERT INTO metric_snapshots (social_account_id, day, source, staff_id, followers, following, posts, engagements, import_id, recorded_at)
     VALUES (?, ?, 'IMPORT', ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const snapshotDays = Array.from({ length: SNAPSHOT_DAYS }, (_, d) =>
    new Date(Date.now() - (SNAPSHOT_DAYS - d) * 86_400_000).toISOString().slice(0, 10),
  );
  const recordedAt = new Date().toISOString().replace('T', ' ').slice(0, 23);
  let snapshots = 0;
  db.transaction(() => {
    for (let account = 1; account <= accounts; account++) {
      const staffId = accountOwners[account];
      let followers = Math.floor(Math.exp(random.next() * 9));
      const following = Math.floor(Math.exp(random.next() * 6));
      const activity = random.next();
      for (const day of snapshotDays) {
        if (random.chance(0.6)) followers += random.int(3 + Math.floor(followers / 200));
        const posts = random.chance(activity) ? random.int(4) : 0;
        insertSnapshot.run(
          account,
          day,
          staffId,
          followers,
          following,
          posts,
          posts * random.int(20),
          recordedAt,
        );
        snapshots++;
      }
    }
  })();
  step(`${snapshots.toLocaleString()} metric snapshots`);

  // Follows: mostly within a department and organisation (people follow their colleagues), some
  // across the NHS, and a popular few (leaders) followed by many. Inserted in primary key order.
  const insertFollow = db.prepare(
    'INSERT OR IGNORE INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?)',
  );
  const leaders = Array.from({ length: 200 }, (_, i) => 1 + i * Math.floor(size.staff / 200));
  let follows = 0;
  const day = 86_400_000;
  const now = Date.now();
  const days = Array.from({ length: 365 }, (_, d) =>
    new Date(now - d * day).toISOString().replace('T', ' ').slice(0, 19),
  );
  db.transaction(() => {
    for (let follower = 1; follower <= size.staff; follower++) {
      const n = Math.round(size.followsPerStaff * 2 * random.next());
      const targets = new Set<number>();
      for (let k = 0; k < n; k++) {
        const r = random.next();
        const target =
          r < 0.6
            ? Math.max(
                1,
                Math.min(size.staff, follower + (random.int(4000) - 2000) * size.organisations),
              )
            : r < 0.85
              ? 1 + random.int(size.staff)
              : random.pick(leaders);
        if (target !== follower) targets.add(target);
      }
      for (const target of [...targets].sort((a, b) => a - b)) {
        const when = days[random.int(365)];
        follows += insertFollow.run(follower, target, when).changes;
      }
    }
  })();
  step(`${follows.toLocaleString()} follows`);

  for (const { sql } of derived.filter((d) => d.type === 'index')) db.exec(sql);
  step(`${derived.length} indexes rebuilt`);

  db.exec(`
    INSERT INTO follow_stats (staff_id, following_count, follower_count)
    SELECT id, (SELECT COUNT(*) FROM follows WHERE follower_id = staff_members.id),
               (SELECT COUNT(*) FROM follows WHERE followee_id = staff_members.id)
    FROM staff_members;
  `);
  step('follow counters');

  const insertCommunity = db.prepare(
    "INSERT INTO communities (id, slug, name, kind, scope, description) VALUES (?, ?, ?, 'NETWORK', 'NHS_WIDE', ?)",
  );
  const insertMember = db.prepare(
    "INSERT OR IGNORE INTO community_memberships (community_id, staff_id, role) VALUES (?, ?, 'MEMBER')",
  );
  db.transaction(() => {
    for (let c = 1; c <= 50; c++)
      insertCommunity.run(c, `community-${c}`, `Community ${c}`, 'A bench community');
    for (let id = 1; id <= size.staff; id++) {
      if (random.chance(0.4)) insertMember.run(1 + random.int(50), id);
    }
    db.exec(
      'UPDATE communities SET member_count = (SELECT COUNT(*) FROM community_memberships m WHERE m.community_id = communities.id)',
    );
    const insertLeader = db.prepare(
      'INSERT INTO leaders (staff_id, title, statement, featured_order) VALUES (?, ?, ?, ?)',
    );
    leaders
      .slice(0, 20)
      .forEach((id, i) => insertLeader.run(id, 'Chief Executive', 'Working out loud.', i + 1));
  })();
  step('communities and leaders');

  for (const { sql } of derived.filter((d) => d.type === 'trigger')) db.exec(sql);
  log(`  ${rebuildSqliteSearchIndex(db).toLocaleString()} search documents`);
  // the boards are for today: the rebuild command's start-up need not roll them first
  db.prepare("INSERT INTO leaderboard_state (key, value) VALUES ('day', ?)").run(londonToday());
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  // scores, ranks and boards by the app itself: the built rebuild command on the new file
  const rebuilt = spawnSync(
    process.execPath,
    [join(__dirname, '..', 'dist', 'cli', 'leaderboard-recompute.command.js')],
    {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${building}`,
        AUTH_MODE: 'dev',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: 'false',
      },
      stdio: 'inherit',
    },
  );
  if (rebuilt.status !== 0) throw new Error('the leaderboard rebuild failed');
  step('leaderboards built (npm run leaderboard:recompute)');
  const check = new Database(building);
  check.exec('ANALYZE');
  check.close();
  renameSync(building, path);
  step(`dataset ready at ${path}`);
  return path;
}
