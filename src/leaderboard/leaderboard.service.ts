import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { StaffService } from '../staff/staff.service';
import { Connection, decodeCursor, toConnection } from '../common/graphql/connection';
import { lockName } from '../database/locks';
import { TransactionRunner } from '../database/transaction-runner';
import { yieldToLoop } from '../database/yield-to-loop';
import { administeredOrganisationId, mayAdminister } from '../identity/admin-scope';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { badgesByRule, BadgeKind } from './badges';
import { boardName, boardsFor, BoardScope, campaignPeriod, TeamKind } from './boards';
import { LeaderboardEvents } from './leaderboard-events';
import { LeaderboardErrorReason } from './leaderboard.errors';
import { ChunkPeople, CHUNK_PEOPLE } from '../database/chunk-people';
import { CountTotals } from './score-counts';
import {
  chunks,
  Contender,
  EntryRow,
  LeaderboardRepository,
  PageRow,
  ScoreRow,
} from './leaderboard.repository';
import {
  computeScore,
  DEFAULT_WEIGHTS,
  MAX_WEIGHT,
  ScorePart,
  ScoreWeights,
  WEIGHT_NAMES,
} from './score';
import { segmentStarts, standInRows } from './figure-segments';
import {
  CampaignTaking,
  hasFiguresBy,
  oneFigurePerDay,
  scoreInputsFor,
  SnapshotRow,
} from './score-inputs';
import {
  campaignRange,
  DayRange,
  LeaderboardWindow,
  londonToday,
  rollingRanges,
  ROLLING_WINDOWS,
  WindowRanges,
} from './windows';

/** One place on a board as the viewer may see it. */
export interface LeaderboardPlace {
  rank: number;
  score: number;
  movement: number | null;
  /** null when the viewer may not see who it is */
  staffId: number | null;
  isMe: boolean;
  breakdown: { component: string; points: number; detail: string | null }[];
}

export interface LeaderboardQuery {
  window: LeaderboardWindow;
  campaignId?: number | null;
  filter?: BoardScope | null;
}

const DAY_KEY = 'day';
/** The day a chunked roll is under way to ('' when none is). */
const ROLLING_KEY = 'rolling';
const periodsOf = (boards: Iterable<string>) => [...boards].map((board) => board.split('|')[0]);
const HOUR_MS = 60 * 60 * 1000;
/**
 * Up to this many people a roll found at start-up, before the server listens, is one rebuild;
 * past it, or while the server serves, chunks (rollInChunks).
 */
export const AUTO_REBUILD_LIMIT = 50_000;
/**
 * PostgreSQL: people re-scored per transaction in the chunked roll. Its statements and COMMIT run
 * in the database's own processes, not on the event loop, whose share of a chunk (the scoring
 * arithmetic, the rows built between statements) is served in steps whatever the chunk's size;
 * a bigger chunk is fewer round trips and commits. The same as a refresh's chunk there
 * (CHUNK_PEOPLE.most). On SQLite the roll's chunks are sized by their COMMIT (ChunkPeople).
 */
const ROLL_PEOPLE_POSTGRES = CHUNK_PEOPLE.most;

/** People scored per step of the full rebuild (each step one short hold of the event loop). */
const REBUILD_CHUNK = 250;
/** Figures (metric snapshots) summarised per statement when scoring, at most (one person aside). */
const FIGURES_PER_READ = 8_000;
/** People whose figures the first read of a chunk asks for. */
const FIRST_READ_PEOPLE = 10;
/** The longest the score arithmetic runs before serving the event loop. */
const SCORING_STRETCH_MS = 20;
/** Every window these people are scored over: the rolling ones and their campaigns' so far. */
function windowsOf(
  rolling: readonly { ranges: WindowRanges }[],
  campaigns: ReadonlyMap<number, readonly CampaignTaking[]>,
  staffIds: readonly number[],
  today: string,
): DayRange[] {
  const windows = rolling.flatMap(({ ranges }) => [ranges.current, ranges.previous ?? []].flat());
  for (const staffId of staffIds) {
    for (const campaign of campaigns.get(staffId) ?? []) {
      if (campaign.startsOn > today) continue;
      windows.push(campaignRange(campaign.startsOn, campaign.endsOn, today).current);
    }
  }
  return windows;
}

/**
 * The owner of scores, ranks, weights and boards. Scores are derived values: handlers
 * (scores.derived.ts) call `refresh` for the people a change touched, inside the writing
 * transaction; `recomputeAll` rebuilds everything and gives the same answer.
 */
@Injectable()
export class LeaderboardService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LeaderboardService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: LeaderboardRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: LeaderboardEvents,
    private readonly staff: StaffService,
  ) {}

  /**
   * SQLite: people in a refresh's next chunk, from how long the last chunk's entries read took
   * (every statement of a chunk grows with its people), learned across refreshes.
   */
  private readonly refreshPeople = new ChunkPeople();
  /**
   * SQLite: people in the roll's next transaction, from how long the last one's COMMIT took: the
   * pages a chunk wrote go into the WAL there, some 24 pages a person at 20,000 staff (each entry
   * moves in the two score-ordered indexes), in one statement.
   */
  private readonly rollPeople = new ChunkPeople();

  /** Comms.Admin of the person's organisation awards (or takes back) a badge. */
  async setBadge(
    user: AuthenticatedUser,
    staffId: number,
    kind: BadgeKind,
    awarded: boolean,
  ): Promise<void> {
    const [person] = await this.staff.findByIds([staffId]);
    if (!person || !person.active) {
      throw new NotFoundError(
        LeaderboardErrorReason.BADGE_PERSON_NOT_FOUND,
        'No such member of staff',
        'staffId',
      );
    }
    if (!mayAdminister(user, person.organisationId)) {
      throw new ForbiddenError(
        LeaderboardErrorReason.NOT_ADMIN_OF_ORGANISATION,
        'Only the communications team of their organisation may award their badges',
        'staffId',
      );
    }
    await this.transactions.run((tx) =>
      awarded
        ? this.repository.awardBadge(tx, staffId, kind, user.staff.id)
        : this.repository.revokeBadge(tx, staffId, kind),
    );
  }

  badgesOf(staffIds: readonly number[]) {
    return this.repository.badgesOf(staffIds);
  }

  /** Windows roll daily: rebuild at start-up when the day has moved on, then check hourly. */
  async onApplicationBootstrap(): Promise<void> {
    await this.rollIfNewDay({ serving: false });
    this.timer = setInterval(() => {
      this.rollIfNewDay({ serving: true }).catch((error) => this.logger.error(error));
    }, HOUR_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.stopRolling();
  }

  /** Stops a chunked roll between two chunks (the next check, or a rebuild, finishes it). */
  async stopRolling(): Promise<void> {
    this.stopping = true;
    await this.rolling;
  }

  private stopping = false;

  /**
   * `serving`: the server is answering requests. A rebuild in one transaction holds the event
   * loop for seconds in its big statements (its one INSERT … SELECT of every entry, SQLite's
   * index builds: 3.7 s at 20,000 people) and every write meanwhile, so it is only done before
   * the server listens.
   */
  async rollIfNewDay({ serving }: { serving: boolean }): Promise<boolean> {
    const stored = await this.repository.readState(this.repository.manager, DAY_KEY);
    const today = londonToday();
    if (this.rolling) return false;
    // a chunked roll cut off (a restart) is picked up again
    const unfinished = await this.repository.readState(this.repository.manager, ROLLING_KEY);
    if (stored === today && unfinished !== today) return false;
    // up to AUTO_REBUILD_LIMIT people a rebuild in one transaction takes seconds; past it, it
    // would hold every write (and, on SQLite, start-up) for minutes: the roll runs in chunks
    // in the background instead
    const people = await this.repository.countStaff();
    if (!serving && people <= AUTO_REBUILD_LIMIT) {
      await this.transactions.run((tx) => this.recomputeAll(tx, today));
      return true;
    }
    this.logger.log(`Rolling the leaderboards to ${today} for ${people} people, in chunks`);
    this.rolling = this.rollInChunks(today)
      .catch((error) => this.logger.error(error))
      .finally(() => (this.rolling = null));
    return true;
  }

  /** The roll in progress, if any (tests and the command line wait for it). */
  rolling: Promise<unknown> | null = null;

  /**
   * The daily roll at national scale: the day moves first (so every change from now on scores
   * for the new day), then everyone is re-scored a chunk of people a transaction, the event loop
   * served between chunks; no transaction holds more than a chunk of people. On SQLite a chunk
   * is as many people as keep its COMMIT within CHUNK_STEP_MS (rollPeople); on PostgreSQL,
   * ROLL_PEOPLE_POSTGRES. A rank is read from its board's score counts, so each chunk's places
   * are right as it commits; until a person's chunk comes, their entry is yesterday's.
   */
  async rollInChunks(today: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await lockName(tx, 'leaderboard');
      await this.moveDay(tx, today);
      await this.repository.writeState(tx, ROLLING_KEY, today);
    });
    const sqlite = this.transactions.isSqlite;
    for (let after = 0; ;) {
      if (this.stopping) return;
      const size = sqlite ? this.rollPeople.size : ROLL_PEOPLE_POSTGRES;
      const ids = await this.repository.staffIdsAfter(this.repository.manager, after, size);
      if (ids.length === 0) break;
      await this.transactions.run((tx) => this.refresh(tx, ids), {
        // recomputed if lost: ROLLING_KEY, durable since the first transaction, stays until the
        // last chunk's FULL commit below, whose fsync makes every chunk before it durable too
        recomputable: true,
        timeCommit: (ms) => {
          if (sqlite) this.rollPeople.took(ids.length, ms);
        },
      });
      after = ids[ids.length - 1];
      // the chunk's pages copied into the file off the loop: the next COMMIT starts the WAL
      // again instead of checkpointing in it
      await this.transactions.checkpointed();
      await yieldToLoop();
    }
    await this.transactions.run((tx) => this.repository.writeState(tx, ROLLING_KEY, ''));
  }

  /** The day the boards are computed for (the last rebuild's), so every entry shares one day. */
  private async dayOf(tx: EntityManager): Promise<string> {
    const today = londonToday();
    // the stored day only ever moves on to today: once it is today, it stays so until midnight
    if (this.dayReached === today) return today;
    const stored = (await this.repository.readState(tx, DAY_KEY)) ?? today;
    this.dayReached = stored;
    return stored;
  }

  /** The stored day last read, when it was today (dayOf). */
  private dayReached: string | null = null;

  private async moveDay(tx: EntityManager, day: string): Promise<void> {
    this.dayReached = null;
    await this.repository.writeState(tx, DAY_KEY, day);
  }

  /**
   * Rebuilds every score and board from scratch (npm run leaderboard:recompute): everyone is
   * scored REBUILD_CHUNK people a step (their scores written, their boards' counts and team sums
   * added up here), then every entry is written from the scores in one statement
   * (writeRebuiltEntries) and the counts after it. Logs how long each part took.
   */
  async recomputeAll(tx: EntityManager, today = londonToday()): Promise<void> {
    const phases: string[] = [];
    let phaseStarted = performance.now();
    const phase = (name: string) => {
      const now = performance.now();
      phases.push(`${name} ${((now - phaseStarted) / 1000).toFixed(1)} s`);
      phaseStarted = now;
    };
    await lockName(tx, 'leaderboard');
    await this.repository.forgetEverything(tx);
    await this.moveDay(tx, today);
    await this.repository.writeState(tx, ROLLING_KEY, '');
    const rebuild = await this.repository.startRebuild(tx);
    phase('emptied');
    const ids = await this.repository.allStaffIds(tx);
    const totals = new CountTotals();
    for (const chunk of chunks(ids, REBUILD_CHUNK)) {
      totals.add(await this.scorePeople(tx, chunk, today));
      await yieldToLoop();
    }
    phase(`scored ${ids.length} people`);
    const { periods, kinds } = await this.repository.rebuildKinds(tx);
    await this.repository.writeRebuiltEntries(
      tx,
      periods.flatMap((period) =>
        kinds.flatMap((kind) => boardsFor(period, kind).map((board) => ({ period, kind, board }))),
      ),
    );
    phase('entries');
    await this.repository.writeRebuiltCounts(tx, totals.countRows(), totals.teamRows());
    phase('counts');
    await this.repository.endRebuild(tx, rebuild);
    phase('indexes');
    this.logger.log(`Leaderboards rebuilt: ${phases.join(', ')}`);
    this.events.changed(tx, periodsOf(totals.boards()));
  }

  /**
   * Brings these people's scores, and their entries and the score counts of every board they
   * were or are on, up to date (LeaderboardRepository.placeEntries): a chunk of people at a time,
   * the event loop served between the steps.
   */
  async refresh(tx: EntityManager, staffIds: readonly number[]): Promise<void> {
    const ids = [...new Set(staffIds)].sort((a, b) => a - b);
    if (ids.length === 0) return;
    // one re-scoring at a time: concurrent ones would move the same score counts in different
    // orders and deadlock (PostgreSQL); SQLite already runs one transaction at a time
    await lockName(tx, 'leaderboard');
    const today = await this.dayOf(tx);
    const boards = new Set<string>();
    for (let start = 0; start < ids.length;) {
      // PostgreSQL's statements do not run on the event loop: its chunks stay 500 people
      const size = this.transactions.isSqlite ? this.refreshPeople.size : CHUNK_PEOPLE.most;
      const chunk = ids.slice(start, start + size);
      start += chunk.length;
      const began = performance.now();
      const held = await this.repository.entriesOf(tx, chunk);
      if (this.transactions.isSqlite)
        this.refreshPeople.took(chunk.length, performance.now() - began);
      await this.repository.forgetScores(tx, chunk);
      await yieldToLoop();
      const fresh = await this.scorePeople(tx, chunk, today);
      await yieldToLoop();
      for (const board of await this.repository.placeEntries(tx, held, fresh)) boards.add(board);
      await yieldToLoop();
    }
    if (boards.size) this.events.changed(tx, periodsOf(boards));
  }

  /**
   * Erasure: the person leaves every board now (entries, scores, badges) and those boards'
   * counts lose them, in the erasure's transaction.
   */
  async forgetPerson(tx: EntityManager, staffId: number): Promise<void> {
    await lockName(tx, 'leaderboard');
    const held = await this.repository.entriesOf(tx, [staffId]);
    await this.repository.forgetScores(tx, [staffId]);
    await this.repository.forgetBadges(tx, staffId);
    const boards = await this.repository.placeEntries(tx, held, []);
    if (boards.size) this.events.changed(tx, periodsOf(boards));
  }

  /** Everyone in an organisation (null: everyone), after guidance there changed. */
  async refreshOrganisation(tx: EntityManager, organisationId: number | null): Promise<void> {
    await this.refresh(tx, await this.repository.staffIdsOfOrganisation(tx, organisationId));
  }

  /** Writes scores for people with none; returns their entries, to be placed on the boards. */
  private async scorePeople(
    tx: EntityManager,
    staffIds: readonly number[],
    today: string,
  ): Promise<EntryRow[]> {
    const everyone = await this.repository.contenders(tx, staffIds);
    const everyoneIds = everyone.map((p) => p.staffId);
    const campaigns = everyoneIds.length
      ? await this.repository.campaignsTaken(tx, everyoneIds)
      : new Map<number, never[]>();
    await this.repository.writeRuleBadges(
      tx,
      staffIds,
      everyone.flatMap((person) =>
        badgesByRule(person, campaigns.get(person.staffId)?.length ?? 0).map((kind) => ({
          staffId: person.staffId,
          kind,
        })),
      ),
    );
    const people = everyone.filter((p) => p.eligible);
    if (people.length === 0) return [];
    const ids = people.map((p) => p.staffId);
    const rolling = ROLLING_WINDOWS.map(({ window, days }) => ({
      period: window as string,
      ranges: rollingRanges(days, today),
    }));
    const starts = segmentStarts(windowsOf(rolling, campaigns, ids, today));
    // one after another: a transaction is one connection, which runs one statement at a time.
    // At most FIGURES_PER_READ figures summarised a statement (one person is read whatever they
    // hold), the loop served between. An import may have given some people years of figures and
    // their neighbours a month, so the last read's average can be far out: a capped count says
    // whether the next people fit, and halves them until they do.
    const snapshots = new Map<number, SnapshotRow[]>();
    for (let start = 0, people = FIRST_READ_PEOPLE; start < ids.length;) {
      let few = ids.slice(start, start + people);
      while (
        few.length > 1 &&
        (await this.repository.figureCountUpTo(tx, few, FIGURES_PER_READ)) > FIGURES_PER_READ
      ) {
        few = few.slice(0, Math.ceil(few.length / 2));
      }
      let figures = 0;
      for (const [staffId, segments] of await this.repository.figureSegments(tx, few, starts)) {
        snapshots.set(staffId, standInRows(segments));
        for (const segment of segments) figures += segment.days;
      }
      start += few.length;
      // as many as this read's figures say would fit, at most twice as many
      const fit = Math.floor((FIGURES_PER_READ * few.length) / Math.max(1, figures));
      people = Math.max(1, Math.min(2 * few.length, fit));
      await yieldToLoop();
    }
    const activity = await this.repository.campaignActivity(tx, ids);
    const weights = await this.weightsByOrganisation(tx, people);
    await yieldToLoop();
    const scores: ScoreRow[] = [];
    const entries: EntryRow[] = [];
    let served = performance.now();
    for (const person of people) {
      if (performance.now() - served > SCORING_STRETCH_MS) {
        await yieldToLoop();
        served = performance.now();
      }
      const rows = oneFigurePerDay(snapshots.get(person.staffId) ?? []);
      const taken = campaigns.get(person.staffId) ?? [];
      const done = activity.get(person.staffId) ?? [];
      const personWeights = weights(person.organisationId);
      const periods = rolling.map(({ period, ranges }) => ({ period, ranges, taken, done }));
      for (const campaign of taken) {
        if (campaign.startsOn > today) continue;
        periods.push({
          period: campaignPeriod(campaign.campaignId),
          ranges: campaignRange(campaign.startsOn, campaign.endsOn, today),
          taken: [campaign],
          done: done.filter((a) => a.campaignId === campaign.campaignId),
        });
      }
      for (const { period, ranges, taken: inPeriod, done: doneInPeriod } of periods) {
        const now = computeScore(
          scoreInputsFor(ranges.current, rows, person, inPeriod, doneInPeriod),
          personWeights,
        );
        const before =
          ranges.previous && hasFiguresBy(rows, ranges.previous.to)
            ? computeScore(
                scoreInputsFor(ranges.previous, rows, person, inPeriod, doneInPeriod),
                personWeights,
              ).score
            : null;
        scores.push({
          period,
          staffId: person.staffId,
          score: now.score,
          prevScore: before,
          breakdown: now.breakdown,
        });
        for (const board of boardsFor(period, person)) {
          entries.push({
            board,
            period,
            staffId: person.staffId,
            score: now.score,
            prevScore: before,
            sortName: person.displayName,
            organisationId: person.organisationId,
            siteId: person.siteId,
            departmentId: person.departmentId,
          });
        }
      }
    }
    await this.repository.insertScores(tx, scores);
    return entries;
  }

  private async weightsByOrganisation(
    tx: EntityManager,
    people: readonly Contender[],
  ): Promise<(organisationId: number | null) => ScoreWeights> {
    const ids = people.map((p) => p.organisationId).filter((id): id is number => id !== null);
    const stored = await this.repository.weights(tx, ids);
    const nhs = { ...DEFAULT_WEIGHTS, ...stored.get(0) };
    return (organisationId) =>
      organisationId === null ? nhs : { ...nhs, ...stored.get(organisationId) };
  }

  /** The weights that apply in an organisation (null: NHS-wide). */
  async weightsFor(organisationId: number | null): Promise<ScoreWeights> {
    const stored = await this.repository.weights(
      this.repository.manager,
      organisationId === null ? [] : [organisationId],
    );
    return {
      ...DEFAULT_WEIGHTS,
      ...stored.get(0),
      ...(organisationId === null ? {} : stored.get(organisationId)),
    };
  }

  /** Comms.Admin of the organisation (a national admin for NHS-wide) changes its weights. */
  async updateWeights(
    user: AuthenticatedUser,
    organisationId: number | null,
    changes: Partial<ScoreWeights>,
  ): Promise<ScoreWeights> {
    if (!mayAdminister(user, organisationId)) {
      throw new ForbiddenError(
        LeaderboardErrorReason.NOT_ADMIN_OF_ORGANISATION,
        'Only that organisation’s communications team may change its leaderboard weights',
        'organisationId',
      );
    }
    for (const name of WEIGHT_NAMES) {
      const value = changes[name];
      if (value === undefined || value === null) continue;
      if (!Number.isInteger(value) || value < 0 || value > MAX_WEIGHT) {
        throw new InvalidInputError(
          LeaderboardErrorReason.WEIGHT_OUT_OF_RANGE,
          `${name} must be a whole number from 0 to ${MAX_WEIGHT}`,
          name,
        );
      }
    }
    const current = await this.weightsFor(organisationId);
    const next: ScoreWeights = { ...current };
    for (const name of WEIGHT_NAMES) {
      const value = changes[name];
      if (value !== undefined && value !== null) next[name] = value;
    }
    await this.transactions.run(async (tx) => {
      await this.repository.saveWeights(tx, organisationId ?? 0, { ...next }, user.staff.id);
      await this.refreshOrganisation(tx, organisationId);
    });
    return next;
  }

  periodOf(query: LeaderboardQuery): string {
    const isCampaign = query.window === LeaderboardWindow.CAMPAIGN;
    const hasCampaign = query.campaignId !== undefined && query.campaignId !== null;
    if (isCampaign !== hasCampaign) {
      throw new InvalidInputError(
        LeaderboardErrorReason.CAMPAIGN_WINDOW_NEEDS_CAMPAIGN,
        isCampaign
          ? 'The CAMPAIGN window needs a campaignId'
          : 'campaignId goes with the CAMPAIGN window only',
        'campaignId',
      );
    }
    return hasCampaign ? campaignPeriod(query.campaignId!) : query.window;
  }

  boardOf(query: LeaderboardQuery): string {
    return boardName(this.periodOf(query), query.filter ?? {});
  }

  /** A page of a board: a keyset read at any depth, ranks and size from the score counts. */
  async page(
    user: AuthenticatedUser,
    query: LeaderboardQuery,
    first: number,
    after?: string | null,
  ): Promise<Connection<LeaderboardPlace>> {
    const board = this.boardOf(query);
    const key = after ? decodeCursor(after, ['int', 'string', 'id']) : null;
    const { rows, totalCount } = await this.repository.page(
      board,
      first,
      key ? { score: key[0], sortName: key[1], staffId: key[2] } : null,
    );
    const places = rows.map((row) => ({ row, place: this.asSeenBy(user, row) }));
    const connection = toConnection(places, first, totalCount, ({ row }) => [
      row.score,
      row.sortName,
      row.staffId,
    ]);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ ...edge, node: edge.node.place })),
    };
  }

  /** The viewer's own place, opted in or not; null when they are not on that board. */
  async myPosition(
    user: AuthenticatedUser,
    query: LeaderboardQuery,
  ): Promise<(LeaderboardPlace & { outOf: number }) | null> {
    const board = this.boardOf(query);
    const found = await this.repository.entryOf(board, user.staff.id);
    return found ? { ...this.asSeenBy(user, found.row), outOf: found.totalCount } : null;
  }

  /**
   * Named when the person opted in, when it is the viewer, or when the viewer is in the
   * communications team of the person's own organisation. Otherwise anonymous: no one, and no
   * figure that could tell a small team who it is (points only).
   */
  private asSeenBy(user: AuthenticatedUser, row: PageRow): LeaderboardPlace {
    const isMe = row.staffId === user.staff.id;
    const ownTeam =
      row.organisationId !== null && administeredOrganisationId(user) === row.organisationId;
    const named = isMe || row.showOnLeaderboard || ownTeam;
    const breakdown = (JSON.parse(row.breakdown) as ScorePart[]).map((part) => ({
      component: part.component,
      points: part.points,
      detail: named ? part.detail : null,
    }));
    return {
      rank: row.rank,
      score: row.score,
      movement: row.prevRank === null ? null : row.prevRank - row.rank,
      staffId: named ? row.staffId : null,
      isMe,
      breakdown,
    };
  }

  /** Rising stars: who gained most points on this board since the previous window. */
  async risingStars(
    user: AuthenticatedUser,
    query: LeaderboardQuery,
    first: number,
  ): Promise<LeaderboardPlace[]> {
    const rows = await this.repository.risers(this.boardOf(query), first);
    return rows.map((row) => this.asSeenBy(user, row));
  }

  /**
   * Departments or sites of an organisation, or organisations NHS-wide, compared by the average
   * score of the people ranked in them (never totals: a big team does not win by being big).
   */
  async teams(
    query: LeaderboardQuery,
    kind: TeamKind,
    organisationId: number | null,
  ): Promise<
    { rank: number; teamId: number; name: string; averageScore: number; people: number }[]
  > {
    const period = this.periodOf(query);
    const board = boardName(period, kind === 'organisation' ? {} : { organisationId });
    const teams = await this.repository.teams(board, kind);
    let rank = 0;
    let previous: number | null = null;
    return teams.map((team, i) => {
      const averageScore = Math.round(team.average * 10) / 10;
      if (averageScore !== previous) rank = i + 1;
      previous = averageScore;
      return { rank, teamId: team.id, name: team.name, averageScore, people: team.people };
    });
  }

  /** For tests and the rebuild command: every entry of every board. */
  snapshotOfEverything(tx: EntityManager): Promise<unknown[]> {
    return this.repository.everything(tx);
  }
}
