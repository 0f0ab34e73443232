import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runSql } from '../database/portable-sql';
import { AccountVisibility, VerificationStatus } from '../social-accounts/social-account.entity';
import { DashboardSnapshot, SnapshotDimension } from './dashboard-snapshot.entity';

/** The counted columns of a snapshot row. */
export const FIGURES = [
  'people',
  'listed',
  'withAccount',
  'withVerified',
  'accounts',
  'verifiedAccounts',
  'posts',
  'engagements',
] as const;
export type Figures = Record<(typeof FIGURES)[number], number>;
export interface SnapshotGroup extends Figures {
  dimension: SnapshotDimension;
  groupKey: string;
  label: string | null;
}

const COLUMN: Record<(typeof FIGURES)[number], string> = {
  people: 'people',
  listed: 'listed',
  withAccount: 'with_account',
  withVerified: 'with_verified',
  accounts: 'accounts',
  verifiedAccounts: 'verified_accounts',
  posts: 'posts',
  engagements: 'engagements',
};
const SUMS = FIGURES.map((f) => `COALESCE(SUM(d.${COLUMN[f]}), 0) AS "${f}"`).join(', ');
const ROWS_PER_INSERT = 200;

/** The figures of every active member of one organisation, per person, then grouped. */
const PEOPLE_OF_ORGANISATION = `
  WITH people AS (
    SELECT s.id, s.site_id, s.department_id, s.staff_group,
           CASE WHEN s.listed = :yes THEN 1 ELSE 0 END AS listed,
           COUNT(a.id) AS accounts,
           SUM(CASE WHEN a.verification_status = :verified THEN 1 ELSE 0 END) AS verified
    FROM staff_members s
    LEFT JOIN social_accounts a ON a.staff_id = s.id AND a.visibility <> :onlyMe
    WHERE s.organisation_id = :org AND s.active = :yes
    GROUP BY s.id, s.site_id, s.department_id, s.staff_group, s.listed
  )`;
const PERSON_SUMS = `COUNT(*) AS people, COALESCE(SUM(p.listed), 0) AS listed,
  COALESCE(SUM(CASE WHEN p.accounts > 0 THEN 1 ELSE 0 END), 0) AS with_account,
  COALESCE(SUM(CASE WHEN p.verified > 0 THEN 1 ELSE 0 END), 0) AS with_verified,
  COALESCE(SUM(p.accounts), 0) AS accounts, COALESCE(SUM(p.verified), 0) AS verified_accounts`;
const GROUPS_SQL = `${PEOPLE_OF_ORGANISATION}
  SELECT 'ORGANISATION' AS dimension, '' AS group_key, NULL AS label, ${PERSON_SUMS} FROM people p
  UNION ALL
  SELECT 'SITE', COALESCE(CAST(p.site_id AS varchar(64)), ''), MAX(si.name), ${PERSON_SUMS}
    FROM people p LEFT JOIN sites si ON si.id = p.site_id GROUP BY p.site_id
  UNION ALL
  SELECT 'DEPARTMENT', COALESCE(CAST(p.department_id AS varchar(64)), ''), MAX(de.name), ${PERSON_SUMS}
    FROM people p LEFT JOIN departments de ON de.id = p.department_id GROUP BY p.department_id
  UNION ALL
  SELECT 'STAFF_GROUP', COALESCE(p.staff_group, ''), NULL, ${PERSON_SUMS}
    FROM people p GROUP BY p.staff_group`;
const PLATFORMS_SQL = `
  SELECT a.platform AS group_key, COUNT(DISTINCT s.id) AS people, COUNT(*) AS accounts,
         COUNT(DISTINCT CASE WHEN a.verification_status = :verified THEN s.id END) AS with_verified,
         SUM(CASE WHEN a.verification_status = :verified THEN 1 ELSE 0 END) AS verified_accounts
  FROM staff_members s
  JOIN social_accounts a ON a.staff_id = s.id AND a.visibility <> :onlyMe
  WHERE s.organisation_id = :org AND s.active = :yes
  GROUP BY a.platform`;
const PARTICIPANTS_SQL = `
  SELECT p.campaign_id, MAX(c.name) AS label, COUNT(*) AS people
  FROM staff_members s
  JOIN campaign_participants p ON p.staff_id = s.id
  JOIN campaigns c ON c.id = p.campaign_id
  WHERE s.organisation_id = :org AND s.active = :yes
  GROUP BY p.campaign_id`;
const ACTIVITY_SQL = `
  SELECT ca.campaign_id, COALESCE(SUM(ca.posts), 0) AS posts,
         COALESCE(SUM(ca.engagements), 0) AS engagements
  FROM staff_members s
  JOIN campaign_participants p ON p.staff_id = s.id
  JOIN campaign_activity ca ON ca.campaign_id = p.campaign_id AND ca.staff_id = s.id
  WHERE s.organisation_id = :org AND s.active = :yes
  GROUP BY ca.campaign_id`;

type Raw = Record<string, string | number | null>;
const n = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** The only place with SQL for the dashboard's snapshots. */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async countStaff(): Promise<number> {
    const { rows } = await runSql<Raw>(this.manager, 'SELECT COUNT(*) AS n FROM staff_members', {});
    return n(rows[0]?.n);
  }

  /**
   * Today's figures of one organisation, counted from its own people only (the organisation
   * index bounds every statement to one organisation's staff, however big the NHS).
   */
  async count(tx: EntityManager, organisationId: number): Promise<SnapshotGroup[]> {
    const params = {
      org: organisationId,
      yes: true,
      verified: VerificationStatus.VERIFIED,
      onlyMe: AccountVisibility.ONLY_ME,
    };
    // one after another: a transaction is one connection
    const groups = await runSql<Raw>(tx, GROUPS_SQL, params);
    const platforms = await runSql<Raw>(tx, PLATFORMS_SQL, params);
    const participants = await runSql<Raw>(tx, PARTICIPANTS_SQL, params);
    const activity = await runSql<Raw>(tx, ACTIVITY_SQL, params);
    const zero = (): Figures => Object.fromEntries(FIGURES.map((f) => [f, 0])) as Figures;
    const out: SnapshotGroup[] = groups.rows.map((r) => ({
      ...zero(),
      dimension: String(r.dimension) as SnapshotDimension,
      groupKey: String(r.group_key ?? ''),
      label: r.label === null || r.label === undefined ? null : String(r.label),
      people: n(r.people),
      listed: n(r.listed),
      withAccount: n(r.with_account),
      withVerified: n(r.with_verified),
      accounts: n(r.accounts),
      verifiedAccounts: n(r.verified_accounts),
    }));
    for (const r of platforms.rows) {
      out.push({
        ...zero(),
        dimension: SnapshotDimension.PLATFORM,
        groupKey: String(r.group_key),
        label: null,
        people: n(r.people),
        withAccount: n(r.people),
        withVerified: n(r.with_verified),
        accounts: n(r.accounts),
        verifiedAccounts: n(r.verified_accounts),
      });
    }
    const done = new Map(activity.rows.map((r) => [n(r.campaign_id), r]));
    for (const r of participants.rows) {
      const a = done.get(n(r.campaign_id));
      out.push({
        ...zero(),
        dimension: SnapshotDimension.CAMPAIGN,
        groupKey: String(n(r.campaign_id)),
        label: r.label === null ? null : String(r.label),
        people: n(r.people),
        posts: n(a?.posts),
        engagements: n(a?.engagements),
      });
    }
    return out;
  }

  /** Replaces one organisation's figures for one day: running it again the same day rewrites them. */
  async write(
    tx: EntityManager,
    organisationId: number,
    day: string,
    groups: readonly SnapshotGroup[],
  ): Promise<void> {
    await tx.delete(DashboardSnapshot, { organisationId, day });
    for (let i = 0; i < groups.length; i += ROWS_PER_INSERT) {
      await tx.insert(
        DashboardSnapshot,
        groups.slice(i, i + ROWS_PER_INSERT).map((g) => ({ ...g, organisationId, day })),
      );
    }
  }

  /** Organisations without a snapshot for this day. */
  async organisationsMissing(day: string): Promise<number[]> {
    const { rows } = await runSql<Raw>(
      this.manager,
      `SELECT o.id FROM organisations o
       WHERE NOT EXISTS (SELECT 1 FROM dashboard_snapshots d
         WHERE d.organisation_id = o.id AND d.day = :day AND d.dimension = :whole AND d.group_key = '')
       ORDER BY o.id`,
      { day, whole: SnapshotDimension.ORGANISATION },
    );
    return rows.map((r) => n(r.id));
  }

  /** The last day with figures in [from, to], for one organisation or any (null). */
  async latestDay(organisationId: number | null, from: string, to: string): Promise<string | null> {
    const { rows } = await runSql<Raw>(
      this.manager,
      `SELECT MAX(d.day) AS day FROM dashboard_snapshots d
       WHERE d.dimension = :whole AND d.day >= :from AND d.day <= :to
       ${organisationId === null ? '' : 'AND d.organisation_id = :org'}`,
      { whole: SnapshotDimension.ORGANISATION, from, to, org: organisationId },
    );
    return rows[0]?.day ? String(rows[0].day) : null;
  }

  /**
   * One day's groups: one organisation's rows as written, or (null) every organisation's summed
   * by group — NHS-wide there are no sites or departments, but each organisation is a group.
   */
  async groupsOn(organisationId: number | null, day: string): Promise<SnapshotGroup[]> {
    if (organisationId !== null) {
      const { rows } = await runSql<Raw>(
        this.manager,
        `SELECT d.dimension, d.group_key, d.label, ${SUMS} FROM dashboard_snapshots d
         WHERE d.organisation_id = :org AND d.day = :day
         GROUP BY d.dimension, d.group_key, d.label`,
        { org: organisationId, day },
      );
      return rows.map(asGroup);
    }
    const summed = await runSql<Raw>(
      this.manager,
      `SELECT d.dimension, d.group_key, MAX(d.label) AS label, ${SUMS} FROM dashboard_snapshots d
       WHERE d.dimension IN (:...dimensions) AND d.day = :day
       GROUP BY d.dimension, d.group_key`,
      {
        dimensions: [
          SnapshotDimension.ORGANISATION,
          SnapshotDimension.STAFF_GROUP,
          SnapshotDimension.PLATFORM,
          SnapshotDimension.CAMPAIGN,
        ],
        day,
      },
    );
    const byOrganisation = await runSql<Raw>(
      this.manager,
      `SELECT 'BY_ORGANISATION' AS dimension, CAST(d.organisation_id AS varchar(64)) AS group_key,
              o.name AS label, ${SUMS}
       FROM dashboard_snapshots d JOIN organisations o ON o.id = d.organisation_id
       WHERE d.dimension = :whole AND d.day = :day
       GROUP BY d.organisation_id, o.name`,
      { whole: SnapshotDimension.ORGANISATION, day },
    );
    return [...summed.rows, ...byOrganisation.rows].map(asGroup);
  }

  /** The whole organisation's (or NHS's) figures, day by day in [from, to]. */
  async history(
    organisationId: number | null,
    from: string,
    to: string,
  ): Promise<(Figures & { day: string })[]> {
    const { rows } = await runSql<Raw>(
      this.manager,
      `SELECT d.day, ${SUMS} FROM dashboard_snapshots d
       WHERE d.dimension = :whole AND d.day >= :from AND d.day <= :to
       ${organisationId === null ? '' : 'AND d.organisation_id = :org'}
       GROUP BY d.day ORDER BY d.day`,
      { whole: SnapshotDimension.ORGANISATION, from, to, org: organisationId },
    );
    return rows.map((r) => ({ day: String(r.day), ...figuresOf(r) }));
  }
}

function figuresOf(r: Raw): Figures {
  return Object.fromEntries(FIGURES.map((f) => [f, n(r[f])])) as Figures;
}

function asGroup(r: Raw): SnapshotGroup {
  return {
    dimension: String(r.dimension) as SnapshotDimension,
    groupKey: String(r.group_key ?? ''),
    label: r.label === null || r.label === undefined ? null : String(r.label),
    ...figuresOf(r),
  };
}
