import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { EntityManager, IsNull, LessThan, Or, Repository } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-error';
import { ChunkPeople } from '../database/chunk-people';
import { runSql } from '../database/portable-sql';
import { TransactionRunner } from '../database/transaction-runner';
import { yieldToLoop } from '../database/yield-to-loop';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app.config';
import { Inject } from '@nestjs/common';
import {
  administeredOrganisationId,
  isNationalAdmin,
  mayAdminister,
} from '../identity/admin-scope';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { normaliseHandle } from '../social-accounts/platforms/normalise-handle';
import { Platform, PLATFORM_LABELS } from '../social-accounts/platforms/platform';
import { AccountOwner, SocialAccountsService } from '../social-accounts/social-accounts.service';
import { AccountDayLines } from './account-day-lines';
import { ImportBatch, ImportFigures, ImportRow, ImportWindow } from './import-window';
import { csvRecordBatches } from './csv-stream';
import { dayNumber, londonDay } from './london-day';
import {
  MetricImport,
  MetricImportKind,
  MetricImportStatus,
  RejectedRow,
} from './metric-import.entity';
import { MetricsErrorReason } from './metrics.errors';

/** Rows written per transaction: big enough to be set-based (the event loop is served between statements). */
export const IMPORT_BATCH_ROWS = 20_000;
/** Rows a kind writes at a time (a statement's worth): a batch becomes objects this many at a time. */
const WRITE_CHUNK_ROWS = 500;
/**
 * People whose derived values (scores, ranks) catch up per transaction once an import's rows
 * are in, on PostgreSQL (its COMMIT is not on the event loop) and in a recovery.
 */
export const SETTLE_CHUNK = 2000;

/** How often a running import renews its heartbeat (even while its upload is stalled). */
export const IMPORT_HEARTBEAT_MS = 30_000;

/** A RUNNING import silent this long was cut off: its instance stopped. */
export const IMPORT_STALE_MS = 4 * IMPORT_HEARTBEAT_MS;
/** CSV rows parsed and checked between two turns of the event loop. */
const ROWS_BETWEEN_YIELDS = 1000;
/** Handles looked up per statement. */
const LOOKUP_CHUNK = 1000;
/** Rejected rows kept in a report (rowsRejected counts them all). */
export const MAX_REJECTED_LISTED = 50_000;
/** (platform, handle) → account entries kept between batches. */
const ACCOUNT_CACHE_LIMIT = 500_000;

/** One row that passed its own checks, before its account is known. */
interface ParsedRow<V> {
  line: number;
  platform: Platform;
  handle: string;
  handleKey: string;
  day: string;
  dayNumber: number;
  values: V;
}

/** What differs between a metrics import and a campaign activity import. */
export interface ImportKind<V extends ImportFigures> {
  kind: MetricImportKind;
  campaignId?: number;
  /** Columns beside platform, handle and date, required and optional (lower case). */
  required: string[];
  optional: string[];
  /** The names of a row's figures (`values` answers each of them). */
  figures: readonly (keyof V & string)[];
  /** The kind's own fields of a row (by column name), or why the row is refused. */
  values(field: (column: string) => string | undefined): V | string;
  /** A reason to refuse a day the generic checks accepted (a campaign's dates), or null. */
  refuseDay?(day: string): string | null;
  /**
   * Writes accepted rows (one per account and day, at most WRITE_CHUNK_ROWS: a batch is
   * written by several calls in its one transaction); answers how many rows changed something,
   * and whose they were.
   */
  write(tx: EntityManager, importId: number, rows: ImportRow<V>[]): Promise<ImportWrite>;
  /** Touches the kind's topic for these people (a chunk of those the import changed). */
  settle(tx: EntityManager, staffIds: number[]): void;
}

/** What a batch's write changed: how many rows, and the people they belong to (each at least once). */
export interface ImportWrite {
  changed: number;
  staffIds: number[];
}

/** Touches, in `tx`, everyone a crashed import changed (metric_import_people lists them). */
type ImportRecovery = (
  tx: EntityManager,
  record: { id: number; campaignId: number | null },
) => Promise<number[]>;

/** People recorded per statement (metric_import_people). */
const PEOPLE_PER_STATEMENT = 500;

/** What `POST /api/imports/*` answers and `GET /api/imports/metrics/{id}` reads back. */
export interface ImportReport {
  importId: number;
  kind: MetricImportKind;
  campaignId: number | null;
  status: MetricImportStatus;
  rowsRead: number;
  rowsAccepted: number;
  rowsUnchanged: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  ignoredColumns: string[];
  startedAt: string;
  finishedAt: string | null;
}

/** A platform's names in lower case, and as the enum writes them (the usual spelling, no copy made). */
const PLATFORM_NAMES = new Map<string, Platform>([
  ...Object.values(Platform).map((p) => [p.toLowerCase(), p] as const),
  ...Object.values(Platform).map((p) => [p, p] as const),
  ['twitter', Platform.X],
]);

const BASE_COLUMNS = ['platform', 'handle', 'date'];

/** How many recent imports `GET /api/imports/metrics` lists. */
export const RECENT_IMPORTS = 20;

/** An import in the list of recent ones: its report without the rejected rows. */
export type ImportSummary = Omit<ImportReport, 'rejected'>;

/**
 * Runs CSV imports of figures: streamed, every row checked, accounts matched by platform and
 * any handle form the handle rules accept. Accepted rows wait in a window (ImportWindow, up to
 * IMPORT_WINDOW_ROWS) and are written from it in (account, day) order, in set-based batches of
 * IMPORT_BATCH_ROWS rows, each its own transaction. (A file usually lists a day of every account,
 * then the next: written in that order, each batch would touch the index page of nearly every
 * account it names, at 1.5 M staff ~5,500 pages a batch, most of them outside the cache.) An
 * import cut off by a crash has written whole batches only;
 * importing the file again finishes it, the rows already in counting as unchanged). The event
 * loop serves other requests between statements. Derived values (scores and ranks) catch up
 * once per import, not per batch: after the last batch, the people whose rows changed are
 * touched SETTLE_CHUNK at a time, each chunk its own transaction — so a person is re-scored once
 * however many of their rows the file holds. A running import renews its heartbeat every
 * IMPORT_HEARTBEAT_MS; one still RUNNING whose heartbeat is older than IMPORT_STALE_MS was cut
 * off by a crash (found at start-up and then on a timer, by whichever instance looks first —
 * never another instance's live import): the people its rows changed (each batch's transaction
 * adds them to metric_import_people, read by the import's id: its rows are never scanned)
 * are touched then, and it is marked FAILED.
 */
@Injectable()
export class MetricImportsService implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @InjectRepository(MetricImport) private readonly imports: Repository<MetricImport>,
    private readonly transactions: TransactionRunner,
    private readonly accounts: SocialAccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly recoveries = new Map<MetricImportKind, ImportRecovery>();

  /**
   * A kind says how to touch the people a crashed import of it changed (its topic), so their
   * derived values catch up at start-up.
   */
  onRecover(
    kind: MetricImportKind,
    settle: (tx: EntityManager, campaignId: number | null, staffIds: number[]) => void,
  ): void {
    this.recoveries.set(kind, async (tx, record) => {
      const { rows } = await runSql<{ staff_id: number | string }>(
        tx,
        'SELECT staff_id FROM metric_import_people WHERE import_id = :importId ORDER BY staff_id',
        { importId: record.id },
      );
      const staffIds = rows.map((row) => Number(row.staff_id));
      for (let i = 0; i < staffIds.length; i += SETTLE_CHUNK) {
        settle(tx, record.campaignId, staffIds.slice(i, i + SETTLE_CHUNK));
      }
      await forgetPeople(tx, record.id);
      return staffIds;
    });
  }

  private recoveryTimer: NodeJS.Timeout | null = null;

  async onApplicationBootstrap(): Promise<void> {
    await this.recoverCutOff();
    this.recoveryTimer = setInterval(() => {
      this.recoverCutOff().catch(() => undefined); // tried again on the next tick
    }, IMPORT_STALE_MS);
    this.recoveryTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
  }

  /**
   * Settles and fails every import cut off by a crash: RUNNING with a heartbeat older than
   * IMPORT_STALE_MS. The conditional update claims each one, so of two instances looking at once
   * only one recovers it. Answers how many it recovered.
   */
  async recoverCutOff(): Promise<number> {
    const silentSince = new Date(Date.now() - IMPORT_STALE_MS);
    const cutOff = await this.imports.findBy({
      status: MetricImportStatus.RUNNING,
      heartbeatAt: Or(IsNull(), LessThan(silentSince)),
    });
    let recovered = 0;
    for (const record of cutOff) {
      recovered += await this.transactions.run(async (tx) => {
        const claimed = await tx.update(
          MetricImport,
          { id: record.id, status: MetricImportStatus.RUNNING },
          { status: MetricImportStatus.FAILED, finishedAt: new Date() },
        );
        if (!claimed.affected) return 0;
        await this.recoveries.get(record.kind)?.(tx, record);
        return 1;
      });
    }
    return recovered;
  }

  private beat(importId: number): Promise<void> {
    return this.transactions.run(async (tx) => {
      await tx.update(
        MetricImport,
        { id: importId, status: MetricImportStatus.RUNNING },
        { heartbeatAt: new Date() },
      );
    });
  }

  /** Refuses anyone but the communications team (before a byte of the file is read). */
  assertMayImport(user: AuthenticatedUser): void {
    if (!isNationalAdmin(user) && administeredOrganisationId(user) === null) {
      throw new ForbiddenError(
        MetricsErrorReason.IMPORT_NOT_ADMIN,
        'Only the communications team (Comms.Admin) imports figures',
      );
    }
  }

  async report(user: AuthenticatedUser, importId: number): Promise<ImportReport> {
    this.assertMayImport(user);
    const found = await this.imports.findOneBy({ id: importId });
    if (!found || !mayAdminister(user, found.organisationId)) {
      throw new NotFoundError(MetricsErrorReason.IMPORT_NOT_FOUND, 'No such import', 'importId');
    }
    return toReport(found);
  }

  /**
   * The imports of the importer's own scope, newest first: a Comms.Admin's organisation's, or
   * the national team's (a national admin's imports belong to no organisation).
   */
  async recent(user: AuthenticatedUser): Promise<ImportSummary[]> {
    this.assertMayImport(user);
    const scope = importScope(user);
    const rows = await this.imports.find({
      where: { organisationId: scope === null ? IsNull() : scope },
      order: { id: 'DESC' },
      take: RECENT_IMPORTS,
    });
    return rows.map((row) => {
      const { rejected: _rejected, ...summary } = toReport(row);
      return summary;
    });
  }

  async run<V extends ImportFigures>(
    user: AuthenticatedUser,
    source: Readable,
    kind: ImportKind<V>,
  ): Promise<ImportReport> {
    this.assertMayImport(user);
    const scope = importScope(user);
    const rejected: RejectedRow[] = [];
    let rowsRejected = 0;
    const reject = (line: number, reason: string) => {
      rowsRejected += 1;
      if (rejected.length < MAX_REJECTED_LISTED) rejected.push({ line, reason });
    };
    let malformed = 0;
    // the spreadsheet row of the record being read: the header is line 1
    let line = 0;
    let consumed = 0;
    const skips: { afterRecords: number; code?: string; message: string }[] = [];
    const batches = csvRecordBatches(source, this.config.importMaxBytes, (afterRecords, error) =>
      skips.push({ afterRecords, code: error.code, message: error.message }),
    );
    const takeSkips = (upTo: number) => {
      while (skips.length > 0 && skips[0].afterRecords <= upTo) {
        const error = skips.shift()!;
        malformed += 1;
        line += 1;
        reject(
          line,
          error.code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'A quote opened on this line is never closed: the rest of the file from here could not be read'
            : `This line is not well-formed CSV (${error.message})`,
        );
      }
    };

    let record: MetricImport | null = null;
    let columns: Map<string, number> | null = null;
    let rowsRead = 0;
    let rowsAccepted = 0;
    let rowsUnchanged = 0;
    // per platform: a handle as written → its normal form (or why it is refused), and a handle
    // key → its account (null: none)
    const handles = new Map<Platform, Map<string, NormalHandle | string>>();
    const owners = new Map<Platform, Map<string, AccountOwner | null>>();
    const days = new Map<string, number | null>();
    const seen = new AccountDayLines();
    const changedStaff = new Set<number>();
    // rows checked, waiting for their batch's accounts to be looked up
    let pending: ParsedRow<V>[] = [];
    const window = new ImportWindow<V>(this.config.importWindowRows, kind.figures);
    const dayTexts = new Map<number, string>();
    const today = londonDay();

    /** Matches the rows read since the last batch to their accounts, into the window. */
    const match = async () => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      await this.resolve(batch, owners);
      for (let i = 0; i < batch.length; i++) {
        // matching 20,000 rows in one task would hold the event loop
        if (i > 0 && i % ROWS_BETWEEN_YIELDS === 0) await yieldToLoop();
        const row = batch[i];
        const owner = owners.get(row.platform)!.get(row.handleKey);
        if (!owner || (scope !== null && owner.organisationId !== scope)) {
          reject(
            row.line,
            `No ${PLATFORM_LABELS[row.platform]} account ${row.handle} is registered in Staff Voices` +
              (scope !== null ? ' by anyone in your organisation' : ''),
          );
          continue;
        }
        const earlier = seen.claim(owner.accountId, row.dayNumber, row.line);
        if (earlier !== 0) {
          reject(row.line, `The same account and date as line ${earlier}`);
          continue;
        }
        if (!dayTexts.has(row.dayNumber)) dayTexts.set(row.dayNumber, row.day);
        window.add(owner.accountId, owner.staffId, row.dayNumber, row.values);
      }
      window.endRun();
      // a full window is written now, not when the file's next rows come
      if (window.wouldOverflow(IMPORT_BATCH_ROWS)) await writeWindow();
      trimCache(owners);
      trimCache(handles);
      // matching a batch and sorting it are each tens of ms on a busy machine
      await yieldToLoop();
    };

    /** Writes the window's rows in (account, day) order, a batch a transaction. */
    const writeWindow = async () => {
      for (const batch of window.drain(IMPORT_BATCH_ROWS, (day) => dayTexts.get(day)!)) {
        await writeBatch(batch);
        // let /health and everyone else's requests in between batches
        await yieldToLoop();
      }
    };

    /** One batch, its own transaction, with the import's counts so far. */
    const writeBatch = async (batch: ImportBatch<V>) => {
      const importId = record!.id;
      const written = await this.transactions.run(async (tx) => {
        const result: ImportWrite = { changed: 0, staffIds: [] };
        let first = true;
        for (const rows of batch.chunks(WRITE_CHUNK_ROWS)) {
          // better-sqlite3 is synchronous: serve waiting requests between statements
          if (!first) await yieldToLoop();
          first = false;
          const chunk = await kind.write(tx, importId, rows);
          result.changed += chunk.changed;
          for (const id of chunk.staffIds) result.staffIds.push(id);
        }
        const fresh = new Set<number>();
        for (const id of result.staffIds) if (!changedStaff.has(id)) fresh.add(id);
        await recordPeople(tx, importId, [...fresh]);
        await tx.update(MetricImport, importId, {
          rowsRead: rowsRead + malformed,
          rowsAccepted: rowsAccepted + result.changed,
          rowsUnchanged: rowsUnchanged + batch.length - result.changed,
          rowsRejected,
          heartbeatAt: new Date(),
        });
        return result;
      });
      for (const id of written.staffIds) changedStaff.add(id);
      rowsAccepted += written.changed;
      rowsUnchanged += batch.length - written.changed;
    };

    // the record being checked: one reader of its fields for every row
    let current: string[] = [];
    const field = (name: string) => {
      const value = current[columns!.get(name) ?? -1]?.trim();
      return value === undefined || value === '' ? undefined : value;
    };

    let heartbeat: NodeJS.Timeout | null = null;
    try {
      for await (const ready of batches) {
        for (const fields of ready) {
          takeSkips(consumed);
          consumed += 1;
          line += 1;
          if (fields.length === 1 && fields[0].trim() === '') continue; // a blank line
          if (!columns) {
            columns = this.header(fields, kind);
            record = await this.start(user, scope, kind, [...ignoredOf(fields, kind)]);
            const importId = record.id;
            heartbeat = setInterval(() => {
              this.beat(importId).catch(() => undefined); // the next beat tries again
            }, IMPORT_HEARTBEAT_MS);
            heartbeat.unref();
            continue;
          }
          rowsRead += 1;
          // a chunk's records come at once: without this the loop would hold the event loop for
          // a whole batch of checking
          if (rowsRead % ROWS_BETWEEN_YIELDS === 0) await yieldToLoop();
          current = fields;
          const row = parseBase<V>(line, field, handles, days, today);
          if (typeof row === 'string') {
            reject(line, row);
            continue;
          }
          const dayRefusal = kind.refuseDay?.(row.day) ?? null;
          if (dayRefusal) {
            reject(line, dayRefusal);
            continue;
          }
          const values = kind.values(field);
          if (typeof values === 'string') {
            reject(line, values);
            continue;
          }
          row.values = values;
          pending.push(row);
          if (pending.length >= IMPORT_BATCH_ROWS) await match();
        }
      }
      takeSkips(Infinity);
      if (!columns) {
        throw new InvalidInputError(
          MetricsErrorReason.IMPORT_NO_FILE,
          'The file is empty: it needs a header row naming the columns',
          'file',
        );
      }
      await match();
      await writeWindow();
      await this.settle(kind, changedStaff);
    } catch (error) {
      if (heartbeat) clearInterval(heartbeat);
      // the upload's stream ends with the loop over it (a throw inside it closes the generator)
      await batches.return(undefined);
      if (record) {
        // what was written stays (whole batches): its derived values catch up all the same
        await this.settle(kind, changedStaff);
        await this.finish(record.id, MetricImportStatus.FAILED, {
          rowsRead: rowsRead + malformed,
          rowsAccepted,
          rowsUnchanged,
          rowsRejected,
          rejected,
        });
      }
      throw error;
    }
    if (heartbeat) clearInterval(heartbeat);
    const done = await this.finish(record!.id, MetricImportStatus.COMPLETED, {
      rowsRead: rowsRead + malformed,
      rowsAccepted,
      rowsUnchanged,
      rowsRejected,
      rejected,
    });
    return toReport(done);
  }

  /**
   * Touches the kind's topic for everyone the import changed, a chunk a transaction. On SQLite a
   * chunk is as many people as keep its COMMIT within CHUNK_STEP_MS (settlePeople): the
   * re-scoring writes some 24 WAL pages a person, all of them in that one COMMIT on the event
   * loop (531 people's was the import's longest block, 110-140 ms at load 2-3); on PostgreSQL
   * SETTLE_CHUNK.
   */
  private async settle<V extends ImportFigures>(
    kind: ImportKind<V>,
    staffIds: Set<number>,
  ): Promise<void> {
    const ids = [...staffIds].sort((a, b) => a - b);
    staffIds.clear();
    const sqlite = this.transactions.isSqlite;
    for (let i = 0; i < ids.length;) {
      const chunk = ids.slice(i, i + (sqlite ? this.settlePeople.size : SETTLE_CHUNK));
      i += chunk.length;
      await this.transactions.run(async (tx) => kind.settle(tx, chunk), {
        timeCommit: (ms) => {
          if (sqlite) this.settlePeople.took(chunk.length, ms);
        },
      });
      await yieldToLoop();
    }
  }

  /** SQLite: people settled per transaction, learned across imports (settle). */
  private readonly settlePeople = new ChunkPeople();

  private header<V extends ImportFigures>(
    fields: string[],
    kind: ImportKind<V>,
  ): Map<string, number> {
    const columns = new Map<string, number>();
    fields.forEach((name, index) => {
      const key = name.trim().toLowerCase();
      if (!columns.has(key)) columns.set(key, index);
    });
    for (const name of [...BASE_COLUMNS, ...kind.required]) {
      if (!columns.has(name)) {
        throw new InvalidInputError(
          MetricsErrorReason.IMPORT_MISSING_COLUMN,
          `The file has no "${name}" column. The header row must name: ${[...BASE_COLUMNS, ...kind.required].join(', ')}` +
            (kind.optional.length ? ` (and may name ${kind.optional.join(', ')})` : ''),
          name,
        );
      }
    }
    return columns;
  }

  private async start<V extends ImportFigures>(
    user: AuthenticatedUser,
    scope: number | null,
    kind: ImportKind<V>,
    ignoredColumns: string[],
  ): Promise<MetricImport> {
    return this.transactions.run((tx) =>
      tx.save(
        tx.create(MetricImport, {
          kind: kind.kind,
          campaignId: kind.campaignId ?? null,
          organisationId: scope,
          importedByStaffId: user.staff.id,
          status: MetricImportStatus.RUNNING,
          rowsRead: 0,
          rowsAccepted: 0,
          rowsUnchanged: 0,
          rowsRejected: 0,
          rejected: [],
          ignoredColumns,
          startedAt: new Date(),
          finishedAt: null,
          heartbeatAt: new Date(),
        }),
      ),
    );
  }

  private async finish(
    id: number,
    status: MetricImportStatus,
    counts: Pick<
      MetricImport,
      'rowsRead' | 'rowsAccepted' | 'rowsUnchanged' | 'rowsRejected' | 'rejected'
    >,
  ): Promise<MetricImport> {
    counts.rejected.sort((a, b) => a.line - b.line);
    return this.transactions.run(async (tx) => {
      // settled by now: nobody is left for a recovery to catch up
      await forgetPeople(tx, id);
      await tx.update(MetricImport, id, { ...counts, status, finishedAt: new Date() });
      return tx.findOneByOrFail(MetricImport, { id });
    });
  }

  /** Looks up, a chunk of handles per statement, the accounts of a batch not already known. */
  private async resolve<V>(
    batch: ParsedRow<V>[],
    owners: Map<Platform, Map<string, AccountOwner | null>>,
  ) {
    const missing = new Map<Platform, Set<string>>();
    for (const row of batch) {
      let known = owners.get(row.platform);
      if (!known) owners.set(row.platform, (known = new Map()));
      if (known.has(row.handleKey)) continue;
      let keys = missing.get(row.platform);
      if (!keys) missing.set(row.platform, (keys = new Set()));
      keys.add(row.handleKey);
    }
    for (const [platform, keySet] of missing) {
      const known = owners.get(platform)!;
      const keys = [...keySet];
      for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
        const chunk = keys.slice(i, i + LOOKUP_CHUNK);
        for (const key of chunk) known.set(key, null);
        for (const owner of await this.accounts.findByHandleKeys(platform, chunk)) {
          known.set(owner.handleKey, owner);
        }
      }
    }
  }
}

/**
 * Adds, in a batch's transaction, the people it changed for the first time in this import, so a
 * recovery finds them by the import's id without scanning its rows.
 */
async function recordPeople(
  tx: EntityManager,
  importId: number,
  staffIds: number[],
): Promise<void> {
  const sqlite = tx.connection.options.type === 'better-sqlite3';
  for (let start = 0; start < staffIds.length; start += PEOPLE_PER_STATEMENT) {
    const chunk = staffIds.slice(start, start + PEOPLE_PER_STATEMENT);
    const values = chunk.map((_, r) => (sqlite ? '(?, ?)' : `($${r * 2 + 1}, $${r * 2 + 2})`));
    await tx.query(
      `INSERT INTO metric_import_people (import_id, staff_id) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
      chunk.flatMap((staffId) => [importId, staffId]),
    );
  }
}

function forgetPeople(tx: EntityManager, importId: number) {
  return runSql(tx, 'DELETE FROM metric_import_people WHERE import_id = :importId', { importId });
}

function ignoredOf<V extends ImportFigures>(fields: string[], kind: ImportKind<V>): Set<string> {
  const known = new Set([...BASE_COLUMNS, ...kind.required, ...kind.optional]);
  return new Set(fields.map((f) => f.trim()).filter((f) => f && !known.has(f.toLowerCase())));
}

interface NormalHandle {
  handle: string;
  handleKey: string;
}

/** Empties a per-platform cache grown past ACCOUNT_CACHE_LIMIT entries in all. */
function trimCache<T>(cache: Map<Platform, Map<string, T>>): void {
  let size = 0;
  for (const entries of cache.values()) size += entries.size;
  if (size > ACCOUNT_CACHE_LIMIT) cache.clear();
}

/**
 * platform, handle and date: the same checks for every kind. Answers the row (its values and
 * account filled in later), or why it is refused.
 */
function parseBase<V>(
  line: number,
  field: (name: string) => string | undefined,
  handles: Map<Platform, Map<string, NormalHandle | string>>,
  days: Map<string, number | null>,
  today: string,
): ParsedRow<V> | string {
  const platformText = field('platform');
  if (!platformText) return 'platform is blank';
  const platform =
    PLATFORM_NAMES.get(platformText) ?? PLATFORM_NAMES.get(platformText.toLowerCase());
  if (!platform)
    return `"${platformText}" is not a platform (one of ${Object.values(Platform).join(', ')})`;
  const input = field('handle');
  if (!input) return 'handle is blank';
  let known = handles.get(platform);
  if (!known) handles.set(platform, (known = new Map()));
  let handle = known.get(input);
  if (handle === undefined) {
    try {
      const normalised = normaliseHandle(platform, input);
      handle = { handle: normalised.handle, handleKey: normalised.handleKey };
    } catch (error) {
      handle = `handle: ${(error as Error).message}`;
    }
    known.set(input, handle);
  }
  if (typeof handle === 'string') return handle;
  const day = field('date');
  if (!day) return 'date is blank';
  let number = days.get(day);
  if (number === undefined) {
    number = dayNumber(day);
    if (days.size < ACCOUNT_CACHE_LIMIT) days.set(day, number);
  }
  if (number === null) return `date "${day}" is not a date written YYYY-MM-DD`;
  if (day > today) return `date ${day} is in the future (today is ${today} in London)`;
  return {
    line,
    platform,
    handle: handle.handle,
    handleKey: handle.handleKey,
    day,
    dayNumber: number,
    values: undefined as unknown as V,
  };
}

const MAX_COUNT = 2_147_483_647;

/** The value of 1 to 10 ASCII digits, or null (what /^\d{1,10}$/ accepts, without a RegExp a field). */
function digitsValue(text: string): number | null {
  const length = text.length;
  if (length === 0 || length > 10) return null;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return value;
}

/** A count column: a non-negative whole number; blank is null unless required. */
export function parseCount(
  name: string,
  text: string | undefined,
  required: boolean,
): number | null | string {
  if (text === undefined) return required ? `${name} is blank` : null;
  const value = digitsValue(text);
  if (value !== null) return value <= MAX_COUNT ? value : `${name} ${text} is too large`;
  if (/^-\s*\d/.test(text)) return `${name} ${text} is negative: counts are 0 or more`;
  return `${name} "${text}" is not a whole number`;
}

/** Whose an import is: the administered organisation, or null for the national team. */
function importScope(user: AuthenticatedUser): number | null {
  return isNationalAdmin(user) ? null : administeredOrganisationId(user);
}

function toReport(row: MetricImport): ImportReport {
  return {
    importId: row.id,
    kind: row.kind,
    campaignId: row.campaignId,
    status: row.status,
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    rowsUnchanged: row.rowsUnchanged,
    rowsRejected: row.rowsRejected,
    rejected: row.rejected,
    ignoredColumns: row.ignoredColumns,
    startedAt: new Date(row.startedAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
  };
}
