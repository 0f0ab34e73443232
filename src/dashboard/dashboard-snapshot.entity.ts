import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a snapshot row counts: an organisation as a whole, or one group of it. */
export enum SnapshotDimension {
  ORGANISATION = 'ORGANISATION',
  SITE = 'SITE',
  DEPARTMENT = 'DEPARTMENT',
  STAFF_GROUP = 'STAFF_GROUP',
  PLATFORM = 'PLATFORM',
  CAMPAIGN = 'CAMPAIGN',
}

/**
 * One day's adoption figures of one organisation, as a whole (`ORGANISATION`, group key '') or
 * for one of its sites, departments, staff groups, platforms or campaigns (the group key is the
 * site, department or campaign id, the staff group or the platform; '' for "not given").
 * Written only by DashboardService's snapshot job; counts only, nobody's personal data.
 */
@Entity('dashboard_snapshots')
@Index('IDX_dashboard_snapshots_day', ['dimension', 'day', 'organisationId'])
export class DashboardSnapshot {
  @PrimaryColumn({ name: 'organisation_id', type: 'integer' })
  organisationId: number;

  /** A Europe/London day, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  dimension: SnapshotDimension;

  @PrimaryColumn({ name: 'group_key', type: 'varchar', length: 64 })
  groupKey: string;

  /** The site's, department's or campaign's name that day. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  label: string | null;

  /** Active staff (for a campaign: its participants; for a platform: people with an account there). */
  @Column({ type: 'integer', default: 0 })
  people: number;

  /** Of them, listed in the directory. */
  @Column({ type: 'integer', default: 0 })
  listed: number;

  @Column({ name: 'with_account', type: 'integer', default: 0 })
  withAccount: number;

  @Column({ name: 'with_verified', type: 'integer', default: 0 })
  withVerified: number;

  /** Accounts others can see (not "only me"). */
  @Column({ type: 'integer', default: 0 })
  accounts: number;

  @Column({ name: 'verified_accounts', type: 'integer', default: 0 })
  verifiedAccounts: number;

  /** Campaign activity of the organisation's participants. */
  @Column({ type: 'integer', default: 0 })
  posts: number;

  @Column({ type: 'integer', default: 0 })
  engagements: number;
}
