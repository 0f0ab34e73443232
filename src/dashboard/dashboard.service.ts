import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { ForbiddenError, InvalidInputError } from '../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import {
  administeredOrganisationId,
  isNationalAdmin,
  mayAdminister,
} from '../identity/admin-scope';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { LeaderboardPlace, LeaderboardService } from '../leaderboard/leaderboard.service';
import { LeaderboardWindow } from '../leaderboard/windows';
import { addDays, dayNumber, londonDay } from '../metrics/london-day';
import { SnapshotDimension } from './dashboard-snapshot.entity';
import { DashboardErrorReason } from './dashboard.errors';
import { DashboardRepository, Figures, FIGURES, SnapshotGroup } from './dashboard.repository';

const HOUR_MS = 60 * 60 * 1000;
/** The dashboard's default range: the last 30 days. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range one request reads (a year and a day). */
export const MAX_RANGE_DAYS = 366;
/** Up to this many people, start-up waits for the day's snapshots; beyond, the timer takes them. */
export const SNAPSHOT_AT_START_LIMIT = 50_000;

export interface DashboardView {
  /** null: NHS-wide */
  organisationId: number | null;
  from: string;
  to: string;
  /** the day the figures are of: the last snapshot in the range (null: none yet) */
  day: string | null;
  groups: SnapshotGroup[];
  history: (Figures & { day: string })[];
}

/**
 * The comms dashboard. Adoption figures are never counted per request: a daily job
 * (`snapshotMissing`, at start-up and hourly; `npm run dashboard:snapshot` on demand) counts
 * each organisation's people on the read side and writes the day's rows to `dashboard_snapshots`
 * in a short transaction of its own; the dashboard reads those rows, a few hundred per organisation and day.
 */
@Injectable()
export class DashboardService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DashboardService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly repository: DashboardRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly leaderboard: LeaderboardService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.repository.countStaff()) <= SNAPSHOT_AT_START_LIMIT) {
      await this.snapshotMissing();
    }
    this.timer = setInterval(() => {
      this.snapshotMissing().catch((error) => this.logger.error(error));
    }, HOUR_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  today(): string {
    return londonDay(this.clock.now());
  }

  /** Whose dashboard: the team's own organisation; a national admin may name one, or take all (null). */
  scopeFor(user: AuthenticatedUser, organisationId: number | null | undefined): number | null {
    if (organisationId !== undefined && organisationId !== null) {
      if (!mayAdminister(user, organisationId)) throw notYours();
      return organisationId;
    }
    if (isNationalAdmin(user)) return null;
    const own = administeredOrganisationId(user);
    if (own === null) throw notYours();
    return own;
  }

  /**
   * Counts one organisation now and writes it as `day`'s figures (again the same day: rewritten).
   * Counted outside the write transaction, from the last committed state (on SQLite in the read
   * workers, off the event loop), so the write itself is one short transaction.
   */
  async snapshot(
    organisationId: number,
    day = this.today(),
    alsoInTheWrite?: (tx: EntityManager) => Promise<void>,
  ): Promise<void> {
    const groups = await this.repository.count(this.repository.manager, organisationId);
    await this.transactions.run(async (tx) => {
      await this.repository.write(tx, organisationId, day, groups);
      await alsoInTheWrite?.(tx);
    });
  }

  /**
   * The daily job: every organisation without figures for today gets them, one transaction
   * each (so no write waits long, at any size). Returns how many it took; one run at a time.
   */
  snapshotMissing(day = this.today()): Promise<number> {
    this.running ??= (async () => {
      try {
        const missing = await this.repository.organisationsMissing(day);
        for (const organisationId of missing) await this.snapshot(organisationId, day);
        return missing.length;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /**
   * The dashboard's "count again" button: one organisation's figures for today, counted now
   * (the team's own; a national admin names one). Bounded by that organisation's people, like
   * the daily job; NHS-wide figures are the organisations' sums, so they follow. Audited.
   */
  async refresh(user: AuthenticatedUser, organisationId: number | null | undefined) {
    const scope = organisationId ?? administeredOrganisationId(user);
    if (scope === null || !mayAdminister(user, scope)) throw notYours();
    const day = this.today();
    await this.snapshot(scope, day, (tx) =>
      this.audit.record(tx, {
        actorId: user.staff.id,
        action: 'dashboard.refresh',
        targetType: 'organisation',
        targetId: scope,
        organisationId: scope,
        after: { day },
      }),
    );
    return { organisationId: scope, day };
  }

  /** On demand (the command line): these organisations' figures again. */
  async snapshotOrganisations(organisationIds: readonly number[], day = this.today()) {
    for (const organisationId of organisationIds) await this.snapshot(organisationId, day);
  }

  /**
   * The demo's history: today's figures of an organisation, scaled down day by day into the
   * past as if adoption had grown to today's over `days` days (the demo seed says so).
   */
  async writeDemoHistory(tx: EntityManager, organisationId: number, days: number): Promise<void> {
    const today = this.today();
    const groups = await this.repository.count(tx, organisationId);
    await this.repository.write(tx, organisationId, today, groups);
    for (let back = 1; back < days; back++) {
      const share = 1 - (0.5 * back) / days;
      const scaled = groups.map((g) => {
        const out = { ...g };
        for (const f of FIGURES) {
          if (f === 'people') continue;
          out[f] = Math.floor(g[f] * share);
        }
        return out;
      });
      await this.repository.write(tx, organisationId, addDays(today, -back), scaled);
    }
  }

  /** The dashboard as the viewer may see it, for [from, to] (default: the last 30 days). */
  async dashboard(
    user: AuthenticatedUser,
    organisationId: number | null | undefined,
    from?: string | null,
    to?: string | null,
  ): Promise<DashboardView> {
    const scope = this.scopeFor(user, organisationId);
    const range = this.rangeOf(from, to);
    const day = await this.repository.latestDay(scope, range.from, range.to);
    const [groups, history] = await Promise.all([
      day ? this.repository.groupsOn(scope, day) : Promise.resolve([]),
      this.repository.history(scope, range.from, range.to),
    ]);
    return { organisationId: scope, ...range, day, groups, history };
  }

  /** Top advocates: the leaderboard's own page, so its consent rule decides who is named. */
  topAdvocates(
    user: AuthenticatedUser,
    organisationId: number | null,
    window: LeaderboardWindow,
    first: number,
  ): Promise<LeaderboardPlace[]> {
    return this.leaderboard
      .page(user, { window, filter: organisationId === null ? {} : { organisationId } }, first)
      .then((page) => page.edges.map((edge) => edge.node));
  }

  private rangeOf(from?: string | null, to?: string | null): { from: string; to: string } {
    const end = to ?? this.today();
    const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
    const [a, b] = [dayNumber(start), dayNumber(end)];
    if (a === null || b === null) {
      throw new InvalidInputError(
        DashboardErrorReason.DASHBOARD_BAD_RANGE,
        'Enter dates as YYYY-MM-DD, for example 2026-03-01',
        a === null ? 'from' : 'to',
      );
    }
    if (a > b) {
      throw new InvalidInputError(
        DashboardErrorReason.DASHBOARD_BAD_RANGE,
        'The start date must be on or before the end date',
        'from',
      );
    }
    if (b - a + 1 > MAX_RANGE_DAYS) {
      throw new InvalidInputError(
        DashboardErrorReason.DASHBOARD_BAD_RANGE,
        `Choose at most ${MAX_RANGE_DAYS} days`,
        'from',
      );
    }
    return { from: start, to: end };
  }
}

export const groupsOf = (groups: readonly SnapshotGroup[], dimension: SnapshotDimension | string) =>
  groups.filter((g) => g.dimension === dimension);

function notYours() {
  return new ForbiddenError(
    DashboardErrorReason.DASHBOARD_NOT_YOUR_ORGANISATION,
    'Your communications team can see only its own organisation’s dashboard and advocates',
    'organisationId',
  );
}
