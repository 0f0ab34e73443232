import { randomUUID } from 'node:crypto';
import { DEV_TENANT_ID } from '../src/identity/dev/dev-token.service';
import { FIRST_NAMES, LAST_NAMES, ROLES } from '../src/seed/demo-people';
import { SeededRandom } from '../src/common/seeded-random';

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

/** The bench's preset for a number of staff: fewer organisations below a tenth of the NHS. */
export function sizeFor(staff: number): DatasetSize {
  const scale = staff / NATIONAL.staff;
  return {
    ...NATIONAL,
    staff,
    organisations: Math.max(3, Math.round(NATIONAL.organisations * Math.min(1, scale * 10))),
  };
}

export const SITES_PER_ORG = 6;
/** Days of metric snapshots per account (30: ~36 million rows at national scale). */
export const SNAPSHOT_DAYS = 30;
export const DEPARTMENTS_PER_ORG = 40;
export const BENCH_COMMUNITIES = 50;

/** One table's rows: the columns, then each row's values in that order. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: Iterable<unknown[]>;
}

/**
 * The national dataset, table by table, from one seeded random stream: the same people,
 * accounts, figures and follows whichever database they are written to (SQLite or PostgreSQL).
 * The tables must be consumed in order (each one's rows are drawn from the stream as they are
 * read). `counts` fills in as the rows are read.
 */
export function datasetTables(size: DatasetSize, options: { listedColumn: boolean }) {
  const random = new SeededRandom(1948);
  const counts = { accounts: 0, snapshots: 0, follows: 0, memberships: 0 };
  // the owner of each account, by account id (ids are given in insertion order, from 1)
  const accountOwners: number[] = [0];
  const leaders = Array.from({ length: 200 }, (_, i) => 1 + i * Math.floor(size.staff / 200));

  function* organisations() {
    for (let o = 1; o <= size.organisations; o++)
      yield [o, `R${o.toString(36).toUpperCase().padStart(3, '0')}`, `Bench NHS Trust ${o}`];
  }
  function* sites() {
    for (let o = 1; o <= size.organisations; o++)
      for (let s = 0; s < SITES_PER_ORG; s++)
        yield [(o - 1) * SITES_PER_ORG + s + 1, o, `Site ${s + 1}`];
  }
  function* departments() {
    for (let o = 1; o <= size.organisations; o++)
      for (let d = 0; d < DEPARTMENTS_PER_ORG; d++)
        yield [(o - 1) * DEPARTMENTS_PER_ORG + d + 1, o, `Department ${d + 1}`];
  }

  const orgOf = (id: number) => 1 + (id % size.organisations);
  function* staff() {
    for (let id = 1; id <= size.staff; id++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const role = random.pick(ROLES);
      const o = orgOf(id);
      yield [
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
        1,
        0,
        ...(options.listedColumn ? [1] : []),
      ];
    }
  }

  const platforms = ['X', 'LINKEDIN', 'BLUESKY', 'MASTODON', 'INSTAGRAM'];
  function* accounts() {
    for (let id = 1; id <= size.staff; id++) {
      const count =
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
        counts.accounts++;
        accountOwners.push(id);
        yield [
          counts.accounts,
          id,
          platform,
          handle,
          handle.toLowerCase(),
          `https://example.org/${name}`,
          'PROFESSIONAL',
          visibility,
          random.chance(0.1) ? 'VERIFIED' : 'UNVERIFIED',
        ];
      }
    }
  }

  // Metric snapshots: every account, one imported row a day for SNAPSHOT_DAYS days ending
  // yesterday; followers spread over orders of magnitude, growing a little most days.
  const snapshotDays = Array.from({ length: SNAPSHOT_DAYS }, (_, d) =>
    new Date(Date.now() - (SNAPSHOT_DAYS - d) * 86_400_000).toISOString().slice(0, 10),
  );
  const recordedAt = new Date().toISOString().replace('T', ' ').slice(0, 23);
  function* snapshots() {
    for (let account = 1; account <= counts.accounts; account++) {
      const staffId = accountOwners[account];
      let followers = Math.floor(Math.exp(random.next() * 9));
      const following = Math.floor(Math.exp(random.next() * 6));
      const activity = random.next();
      for (const day of snapshotDays) {
        if (random.chance(0.6)) followers += random.int(3 + Math.floor(followers / 200));
        const posts = random.chance(activity) ? random.int(4) : 0;
        counts.snapshots++;
        yield [
          account,
          day,
          'IMPORT',
          staffId,
          followers,
          following,
          posts,
          posts * random.int(20),
          null,
          recordedAt,
        ];
      }
    }
  }

  // Follows: mostly within a department and organisation (people follow their colleagues), some
  // across the NHS, and a popular few (leaders) followed by many. In primary key order.
  const day = 86_400_000;
  const now = Date.now();
  const days = Array.from({ length: 365 }, (_, d) =>
    new Date(now - d * day).toISOString().replace('T', ' ').slice(0, 19),
  );
  function* follows() {
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
        counts.follows++;
        yield [follower, target, days[random.int(365)]];
      }
    }
  }

  function* communities() {
    for (let c = 1; c <= BENCH_COMMUNITIES; c++)
      yield [c, `community-${c}`, `Community ${c}`, 'NETWORK', 'NHS_WIDE', 'A bench community'];
  }
  function* memberships() {
    for (let id = 1; id <= size.staff; id++) {
      if (random.chance(0.4)) {
        counts.memberships++;
        yield [1 + random.int(BENCH_COMMUNITIES), id, 'MEMBER'];
      }
    }
  }
  function* benchLeaders() {
    for (const [i, id] of leaders.slice(0, 20).entries())
      yield [id, 'Chief Executive', 'Working out loud.', i + 1];
  }

  const tables: TableRows[] = [
    { table: 'organisations', columns: ['id', 'ods_code', 'name'], rows: organisations() },
    { table: 'sites', columns: ['id', 'organisation_id', 'name'], rows: sites() },
    { table: 'departments', columns: ['id', 'organisation_id', 'name'], rows: departments() },
    {
      table: 'staff_members',
      columns: [
        'id',
        'tenant_id',
        'object_id',
        'user_name',
        'display_name',
        'job_title',
        'staff_group',
        'organisation_id',
        'site_id',
        'department_id',
        'bio',
        'active',
        'is_comms_admin',
        ...(options.listedColumn ? ['listed'] : []),
      ],
      rows: staff(),
    },
    {
      table: 'social_accounts',
      columns: [
        'id',
        'staff_id',
        'platform',
        'handle',
        'handle_key',
        'url',
        'purpose',
        'visibility',
        'verification_status',
      ],
      rows: accounts(),
    },
    {
      table: 'metric_snapshots',
      columns: [
        'social_account_id',
        'day',
        'source',
        'staff_id',
        'followers',
        'following',
        'posts',
        'engagements',
        'import_id',
        'recorded_at',
      ],
      rows: snapshots(),
    },
    {
      table: 'follows',
      columns: ['follower_id', 'followee_id', 'created_at'],
      rows: follows(),
    },
    {
      table: 'communities',
      columns: ['id', 'slug', 'name', 'kind', 'scope', 'description'],
      rows: communities(),
    },
    {
      table: 'community_memberships',
      columns: ['community_id', 'staff_id', 'role'],
      rows: memberships(),
    },
    {
      table: 'leaders',
      columns: ['staff_id', 'title', 'statement', 'featured_order'],
      rows: benchLeaders(),
    },
  ];
  return { tables, counts };
}
