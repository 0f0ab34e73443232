import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { EntityManager, In, Repository } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { touch } from '../database/derived-state';
import { TransactionRunner } from '../database/transaction-runner';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import type { SocialAccount } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import type { StaffMember } from '../staff/staff-member.entity';
import { dayNumber, londonDay } from './london-day';
import './metric.changes';
import { MetricImportKind } from './metric-import.entity';
import {
  ImportKind,
  ImportReport,
  ImportSummary,
  MetricImportsService,
  parseCount,
} from './metric-imports.service';
import { MetricSnapshot, MetricSource } from './metric-snapshot.entity';
import { MetricsErrorReason } from './metrics.errors';
import { FetchedFigures, MetricsFetchers } from './metrics-fetcher';
import { MetricsRepository, SnapshotValues } from './metrics.repository';

export type Figures = {
  followers: number;
  following: number | null;
  posts: number | null;
  engagements: number | null;
};

/** My own figures for one of my accounts (self-report). */
export interface SelfReport extends Partial<Omit<Figures, 'followers'>> {
  accountId: number;
  /** Defaults to today in London. */
  day?: string | null;
  followers: number;
}

/** The columns of a metrics CSV besides platform, handle and date. */
export const METRICS_REQUIRED_COLUMNS = ['followers'];
export const METRICS_OPTIONAL_COLUMNS = ['following', 'posts', 'engagements'];

/**
 * Metric snapshots: the one writer of metric_snapshots. Every write (an import batch, a
 * self-report, a fetch) touches 'metrics' once with the people whose figures changed.
 */
@Injectable()
export class MetricsService {
  constructor(
    @InjectRepository(MetricSnapshot) private readonly snapshots: Repository<MetricSnapshot>,
    private readonly metrics: MetricsRepository,
    private readonly transactions: TransactionRunner,
    private readonly accounts: SocialAccountsService,
    private readonly imports: MetricImportsService,
    private readonly fetchers: MetricsFetchers,
  ) {
    imports.onRecover(MetricImportKind.METRICS, (tx, _campaignId, staffIds) =>
      touch(tx, 'metrics', [{ staffIds }]),
    );
  }

  /** `POST /api/imports/metrics`: see MetricImportsService for the streaming and the checks. */
  importCsv(user: AuthenticatedUser, source: Readable): Promise<ImportReport> {
    const kind: ImportKind<Figures> = {
      kind: MetricImportKind.METRICS,
      required: METRICS_REQUIRED_COLUMNS,
      figures: ['followers', 'following', 'posts', 'engagements'],
      optional: METRICS_OPTIONAL_COLUMNS,
      values: (field) => {
        const followers = parseCount('followers', field('followers'), true);
        if (typeof followers === 'string') return followers;
        const following = parseCount('following', field('following'), false);
        if (typeof following === 'string') return following;
        const posts = parseCount('posts', field('posts'), false);
        if (typeof posts === 'string') return posts;
        const engagements = parseCount('engagements', field('engagements'), false);
        if (typeof engagements === 'string') return engagements;
        return { followers: followers!, following, posts, engagements };
      },
      write: (tx, importId, rows) => this.metrics.upsert(tx, MetricSource.IMPORT, importId, rows),
      settle: (tx, staffIds) => touch(tx, 'metrics', [{ staffIds }]),
    };
    return this.imports.run(user, source, kind);
  }

  assertMayImport(user: AuthenticatedUser): void {
    this.imports.assertMayImport(user);
  }

  report(user: AuthenticatedUser, importId: number): Promise<ImportReport> {
    return this.imports.report(user, importId);
  }

  recentImports(user: AuthenticatedUser): Promise<ImportSummary[]> {
    return this.imports.recent(user);
  }

  /** Records my own figures for one of my accounts: SELF_REPORTED wherever shown. */
  async reportMine(me: StaffMember, input: SelfReport): Promise<MetricSnapshot> {
    const account = await this.accounts.findOfStaff(me.id, input.accountId);
    if (!account) {
      throw new NotFoundError(
        MetricsErrorReason.METRICS_ACCOUNT_NOT_FOUND,
        'You have no account with that id',
        'accountId',
      );
    }
    const today = londonDay();
    const day = input.day ?? today;
    if (dayNumber(day) === null) {
      throw new InvalidInputError(
        MetricsErrorReason.INVALID_FIGURES,
        'day must be a date written YYYY-MM-DD',
        'day',
      );
    }
    if (day > today) {
      throw new InvalidInputError(
        MetricsErrorReason.INVALID_FIGURES,
        `day ${day} is in the future (today is ${today} in London)`,
        'day',
      );
    }
    const figures: Figures = {
      followers: input.followers,
      following: input.following ?? null,
      posts: input.posts ?? null,
      engagements: input.engagements ?? null,
    };
    for (const [name, value] of Object.entries(figures)) {
      if (value !== null && (!Number.isInteger(value) || value < 0)) {
        throw new InvalidInputError(
          MetricsErrorReason.INVALID_FIGURES,
          `${name} must be a whole number, 0 or more`,
          name,
        );
      }
    }
    await this.write(MetricSource.SELF_REPORTED, [
      { accountId: account.id, staffId: me.id, day, ...figures },
    ]);
    return this.snapshots.findOneByOrFail({
      socialAccountId: account.id,
      day,
      source: MetricSource.SELF_REPORTED,
    });
  }

  /**
   * Asks each registered fetcher for today's figures of these accounts and records what they
   * answer as FETCHED; accounts whose platform has no fetcher are skipped. Answers how many
   * snapshots were recorded.
   */
  async fetch(accounts: readonly SocialAccount[]): Promise<number> {
    const day = londonDay();
    const rows: SnapshotValues[] = [];
    for (const account of accounts) {
      const fetcher = this.fetchers.for(account.platform);
      if (!fetcher) continue;
      const figures: FetchedFigures | null = await fetcher.fetch(account.handle, account.url);
      if (!figures) continue;
      rows.push({
        accountId: account.id,
        staffId: account.staffId,
        day,
        followers: figures.followers,
        following: figures.following ?? null,
        posts: figures.posts ?? null,
        engagements: figures.engagements ?? null,
      });
    }
    await this.write(MetricSource.FETCHED, rows);
    return rows.length;
  }

  /**
   * Each account's figures on its latest day (an imported or fetched figure before a
   * self-reported one of the same day), in the order of `accountIds`.
   */
  async latestByAccountIds(accountIds: readonly number[]): Promise<(MetricSnapshot | null)[]> {
    if (accountIds.length === 0) return [];
    const rows = await this.snapshots
      .createQueryBuilder('s')
      .where({ socialAccountId: In([...accountIds]) })
      .andWhere(
        's.day = (SELECT MAX(l.day) FROM metric_snapshots l WHERE l.social_account_id = s.social_account_id)',
      )
      .getMany();
    const rank = (s: MetricSnapshot) => (s.source === MetricSource.SELF_REPORTED ? 1 : 0);
    const byAccount = new Map<number, MetricSnapshot>();
    for (const row of rows) {
      const held = byAccount.get(row.socialAccountId);
      if (!held || rank(row) < rank(held)) byAccount.set(row.socialAccountId, row);
    }
    return accountIds.map((id) => byAccount.get(id) ?? null);
  }

  /**
   * Each account's figures day by day from `since` (a London day) to today, oldest first, one
   * per day: an imported or fetched figure before a self-reported one of the same day. In the
   * order of `accountIds`.
   */
  async historyByAccountIds(
    accountIds: readonly number[],
    since: string,
  ): Promise<MetricSnapshot[][]> {
    if (accountIds.length === 0) return [];
    const rows = await this.snapshots
      .createQueryBuilder('s')
      .where({ socialAccountId: In([...accountIds]) })
      .andWhere('s.day >= :since', { since })
      .orderBy('s.social_account_id')
      .addOrderBy('s.day')
      .getMany();
    const rank = (s: MetricSnapshot) => (s.source === MetricSource.SELF_REPORTED ? 1 : 0);
    const byAccount = new Map<number, Map<string, MetricSnapshot>>();
    for (const row of rows) {
      const days = byAccount.get(row.socialAccountId) ?? new Map<string, MetricSnapshot>();
      byAccount.set(row.socialAccountId, days);
      const held = days.get(row.day);
      if (!held || rank(row) < rank(held)) days.set(row.day, row);
    }
    return accountIds.map((id) =>
      [...(byAccount.get(id)?.values() ?? [])].sort((a, b) => a.day.localeCompare(b.day)),
    );
  }

  /**
   * Records figures inside the caller's transaction (the demo seed, a test world), set-based,
   * touching 'metrics' once: answers how many rows changed something.
   */
  async recordSnapshots(
    tx: EntityManager,
    source: MetricSource,
    rows: readonly SnapshotValues[],
  ): Promise<number> {
    let changed = 0;
    const staffIds = new Set<number>();
    for (let i = 0; i < rows.length; i += 5000) {
      const written = await this.metrics.upsert(tx, source, null, rows.slice(i, i + 5000));
      changed += written.changed;
      for (const id of written.staffIds) staffIds.add(id);
    }
    if (staffIds.size > 0) touch(tx, 'metrics', [{ staffIds: [...staffIds] }]);
    return changed;
  }

  private async write(source: MetricSource, rows: SnapshotValues[]): Promise<void> {
    if (rows.length === 0) return;
    await this.transactions.run((tx) => this.recordSnapshots(tx, source, rows));
  }
}
