import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isDraining, runDraining } from '../common/context/async-context';
import { DEFERRED_TABLE, DeferredWork, DerivedState } from './derived-state';
import { runSql } from './portable-sql';
import { TransactionRunner } from './transaction-runner';

/**
 * The shortest time from the start of one drain to the start of the next. Idle, a commit's keys
 * are drained at once; under a stream of writes, each drain takes everything queued since the
 * last began, so many writes share one transaction of re-scoring. A drain that ran longer than
 * half of this is followed by a pause as long as it ran (the drainer has at most half of the
 * writer's time), so under load drains come less often and each takes more keys.
 */
export const DRAIN_INTERVAL_MS = 100;
/** Keys taken per transaction: a bulk write's thousands are drained a batch at a time. */
export const DRAIN_BATCH = 200;
/** After a drain failed (its keys stay queued), the wait before the next try. */
const RETRY_MS = 1_000;

/**
 * Whether the code running is a drain of deferred work (for counting a request's own statements
 * apart from the drains that run beside it).
 */
export function inDeferredDrain(): boolean {
  return isDraining();
}

/**
 * Runs deferred work (DerivedState.deferred / later) after commit: takes a batch of queued keys
 * and runs the work's handler for them in one TransactionRunner.run transaction, which deletes
 * them as it takes them, so they leave the queue only if the work commits; repeats until the
 * queue is empty. Started at boot, which drains whatever a stopped or crashed instance left.
 *
 * Several instances on PostgreSQL: a batch is chosen `FOR UPDATE SKIP LOCKED`, so two drainers
 * never take the same key, and a key a writer has queued but not yet committed (the writer's
 * upsert locks it) is left for the drain that writer's commit starts. On SQLite transactions
 * already run one at a time (TransactionRunner's queue), the drainer's among them.
 */
@Injectable()
export class DeferredDrainer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeferredDrainer.name);
  private stopped = true;
  /** The drains under way or waited for, until nothing is queued here. */
  private cycle: Promise<void> | null = null;
  /** Whether `cycle` still runs: cleared in the same step as its last look at `again`. */
  private active = false;
  /** The drain under way has taken (or is taking) its first batch: later keys wait for the next. */
  private taking = false;
  /** A commit queued work after the drain under way took its first batch: drain again. */
  private again = false;
  /** When the last drain's first transaction had the writer (performance.now()). */
  private lastStart = -DRAIN_INTERVAL_MS;
  /** When the last drain's last transaction ended, and how long it had the writer. */
  private lastEnd = -DRAIN_INTERVAL_MS;
  private lastRan = 0;
  private wake: { timer: NodeJS.Timeout; resolve: () => void } | null = null;

  constructor(
    private readonly derived: DerivedState,
    private readonly transactions: TransactionRunner,
  ) {
    derived.onQueuedCommitted(() => this.kick());
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Drains from now on, beginning with whatever is queued. */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  /**
   * Stops after the batch under way (shutdown; a test that leaves keys queued, as a crash
   * would). What is queued stays queued for the next start.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp();
    while (this.active) await this.cycle;
  }

  /** Resolves once this instance has drained everything queued and committed so far. */
  async idle(): Promise<void> {
    while (this.active) await this.cycle;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.active) {
      // keys committed before the drain's first take are in its batch (SQLite runs one
      // transaction at a time; on PostgreSQL the take reads after that commit); later ones may not be
      if (this.taking) this.again = true;
      return;
    }
    this.active = true;
    this.cycle = this.drainWhileQueued();
  }

  private async drainWhileQueued(): Promise<void> {
    let failed = false;
    try {
      do {
        this.again = false;
        const wait = failed ? RETRY_MS : this.nextStart() - performance.now();
        // a fresh turn of the event loop at least: the committing request answers first
        await this.sleep(Math.max(0, wait));
        if (this.stopped) return;
        try {
          await this.drainAll();
          failed = false;
        } catch (error) {
          this.logger.error(error);
          failed = true;
        } finally {
          this.taking = false;
        }
      } while ((this.again || failed) && !this.stopped);
    } finally {
      // in the same step as the last look at `again` (no await between): a kick from now on
      // starts a new cycle, none is lost between this one's end and its promise settling
      this.active = false;
    }
  }

  /**
   * DRAIN_INTERVAL_MS after the last drain began, and at least as long after its last
   * transaction ended as that one ran. Timed from when the drain had the writer, not from when it
   * asked: a drain that waited in SQLite's queue behind requests would otherwise start the next
   * at once, with the few keys committed meanwhile.
   */
  private nextStart(): number {
    return Math.max(this.lastStart + DRAIN_INTERVAL_MS, this.lastEnd + this.lastRan);
  }

  private async drainAll(): Promise<void> {
    for (const work of this.derived.deferredWorks()) {
      for (;;) {
        let began = 0;
        const taken = await runDraining(() =>
          this.transactions.run(
            async (tx) => {
              began = performance.now();
              if (!this.taking) {
                this.taking = true;
                this.lastStart = began;
              }
              const keys = await takeBatch(tx, work, DRAIN_BATCH);
              if (keys.length) await work.handle(tx, keys);
              return keys.length;
            },
            // what a drain writes is computed again from committed data if its commit is lost,
            // and so are its keys, deleted in the same transaction
            { recomputable: true },
          ),
        );
        this.lastEnd = performance.now();
        this.lastRan = this.lastEnd - began;
        if (taken < DRAIN_BATCH || this.stopped) break;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = { timer, resolve };
    });
  }

  private wakeUp(): void {
    if (!this.wake) return;
    clearTimeout(this.wake.timer);
    this.wake.resolve();
    this.wake = null;
  }
}

/** Deletes and returns up to `limit` queued keys of the work, in the caller's transaction. */
async function takeBatch(tx: EntityManager, work: DeferredWork, limit: number): Promise<number[]> {
  const skipLocked = tx.connection.options.type === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  const { rows } = await runSql<{ item_key: number | string }>(
    tx,
    `DELETE FROM ${DEFERRED_TABLE} WHERE work_name = :work AND item_key IN (
       SELECT item_key FROM ${DEFERRED_TABLE} WHERE work_name = :work
       ORDER BY item_key LIMIT :limit ${skipLocked}
     ) RETURNING item_key`,
    { work: work.name, limit },
  );
  return rows.map((row) => Number(row.item_key)).sort((a, b) => a - b);
}
