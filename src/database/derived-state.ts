import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { runSql } from './portable-sql';

/**
 * What a transaction can record that it touched, and what each change carries. Every feature
 * that writes declares its own topics beside its service, by declaration merging (no import of
 * the feature from here):
 *
 *   declare module '../database/derived-state' {
 *     interface ChangeTopics { 'social-accounts': SocialAccountChange }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the features
export interface ChangeTopics {}

export type Topic = keyof ChangeTopics;

/** Brings one derived value up to date for the changes of a topic, inside the writing transaction. */
export type ChangeHandler<T extends Topic> = (
  tx: EntityManager,
  changes: readonly ChangeTopics[T][],
) => Promise<void>;

/**
 * Brings one derived value up to date for these keys (staff ids, say), after the writes that
 * queued them have committed, in a transaction of its own (DeferredDrainer). It reads what is
 * committed now, so running it twice, or for keys nothing changed, gives the same answer.
 */
export type DeferredHandler = (tx: EntityManager, keys: readonly number[]) => Promise<void>;

/** Deferred work registered once by name (`derived.deferred`), queued from topics (`later`). */
export interface DeferredWork {
  readonly name: string;
  readonly handle: DeferredHandler;
}

/** The durable queue of deferred work: one row per (work, key), however many changes name it. */
export const DEFERRED_TABLE = 'deferred_work';
/** Keys written per statement when a transaction queues deferred work (a bulk import, say). */
const KEYS_PER_STATEMENT = 5_000;

/** A derived value's handlers run over and over when they keep touching topics: a bug. */
export const MAX_SETTLE_ROUNDS = 8;

const pendingByTransaction = new WeakMap<EntityManager, Map<Topic, unknown[]>>();

/**
 * Records that this transaction changed these things. The owners of derived values registered
 * on the topic bring them up to date before the transaction commits (DerivedState.settle, run
 * by TransactionRunner), so no writer reindexes or recounts anything itself. Only inside
 * TransactionRunner.run: a write anywhere else would leave derived values behind.
 */
export function touch<T extends Topic>(
  tx: EntityManager,
  topic: T,
  changes: readonly ChangeTopics[T][],
): void {
  const pending = pendingByTransaction.get(tx);
  if (!pending) {
    throw new Error(
      `touch('${topic}') outside TransactionRunner.run: derived values would go stale`,
    );
  }
  if (changes.length === 0) return;
  const list = pending.get(topic);
  if (list) list.push(...changes);
  else pending.set(topic, [...changes]);
}

interface Registration {
  owner: string;
  handle: (tx: EntityManager, changes: readonly unknown[]) => Promise<void>;
}

interface LaterRegistration {
  work: DeferredWork;
  keysOf: (changes: readonly unknown[]) => readonly number[];
}

/** Which deferred work a transaction queued (settle's answer; the drainer is told at commit). */
export type QueuedWork = ReadonlySet<string>;

/**
 * The registry of derived-state handlers. A feature that owns a derived value (a search
 * document, `listed`, a counter, a score) registers a handler on each topic it depends on, in
 * its provider's constructor or onModuleInit; see docs/architecture.md.
 */
@Injectable()
export class DerivedState {
  private readonly handlers = new Map<Topic, Registration[]>();
  private readonly laterHandlers = new Map<Topic, LaterRegistration[]>();
  private readonly works = new Map<string, DeferredWork>();

  /** `owner` names the derived value in errors: `'directory search document'`. */
  on<T extends Topic>(topic: T, owner: string, handler: ChangeHandler<T>): void {
    const list = this.handlers.get(topic) ?? [];
    list.push({ owner, handle: handler as Registration['handle'] });
    this.handlers.set(topic, list);
  }

  /**
   * Names work to run after commit rather than inside the writing transaction, for a derived
   * value that may lag its inputs by a moment (DeferredDrainer says how long) and is costly to
   * bring up to date. Queue it from topics with `later`.
   */
  deferred(name: string, handle: DeferredHandler): DeferredWork {
    if (this.works.has(name)) throw new Error(`Deferred work '${name}' is registered twice`);
    const work = { name, handle };
    this.works.set(name, work);
    return work;
  }

  /**
   * On changes of `topic`, queues `work` for the keys `keysOf` names: inside the writing
   * transaction only the keys are written (DEFERRED_TABLE, one statement), so they commit, or
   * roll back, with the change; the work itself runs after commit, coalesced with other
   * transactions' keys.
   */
  later<T extends Topic>(
    topic: T,
    work: DeferredWork,
    keysOf: (changes: readonly ChangeTopics[T][]) => readonly number[],
  ): void {
    const list = this.laterHandlers.get(topic) ?? [];
    list.push({ work, keysOf: keysOf as LaterRegistration['keysOf'] });
    this.laterHandlers.set(topic, list);
  }

  /** Every deferred work, by name (the drainer runs them). */
  deferredWorks(): readonly DeferredWork[] {
    return [...this.works.values()];
  }

  private readonly queuedListeners: ((queued: QueuedWork) => void)[] = [];

  /** The drainer hears here of every commit that queued deferred work. */
  onQueuedCommitted(listener: (queued: QueuedWork) => void): void {
    this.queuedListeners.push(listener);
  }

  /** TransactionRunner, once a transaction that queued deferred work has committed. */
  committed(queued: QueuedWork): void {
    if (queued.size === 0) return;
    for (const listener of this.queuedListeners) listener(queued);
  }

  /** Opens the change log of a transaction TransactionRunner has just begun. */
  begin(tx: EntityManager): void {
    pendingByTransaction.set(tx, new Map());
  }

  /**
   * Runs the handlers of every topic touched, in the order topics were first touched, then of
   * any topic those handlers touched, until nothing is pending: all before commit, so derived
   * values commit (or roll back) with the writes they derive from. Deferred work (`later`) is
   * queued first in each round, before the handlers that run now take their locks; returns the
   * names of the work queued, for the drainer to hear of once the transaction commits.
   */
  async settle(tx: EntityManager): Promise<QueuedWork> {
    const queued = new Set<string>();
    const pending = pendingByTransaction.get(tx);
    if (!pending) return queued;
    for (let round = 1; pending.size > 0; round++) {
      if (round > MAX_SETTLE_ROUNDS) {
        throw new Error(
          `Derived state did not settle in ${MAX_SETTLE_ROUNDS} rounds; still touched: ${[...pending.keys()].join(', ')}`,
        );
      }
      const batch = [...pending];
      pending.clear();
      const keys = new Map<DeferredWork, Set<number>>();
      for (const [topic, changes] of batch) {
        for (const { work, keysOf } of this.laterHandlers.get(topic) ?? []) {
          const set = keys.get(work) ?? new Set<number>();
          for (const key of keysOf(changes)) set.add(key);
          keys.set(work, set);
        }
      }
      for (const [work, set] of keys) {
        if (set.size === 0) continue;
        await queueKeys(tx, work.name, set);
        queued.add(work.name);
      }
      for (const [topic, changes] of batch) {
        for (const { handle } of this.handlers.get(topic) ?? []) await handle(tx, changes);
      }
    }
    return queued;
  }
}

/**
 * Insert-or-touch, never insert-or-ignore: on PostgreSQL the update locks a key already queued
 * until this transaction commits, so a drainer cannot take it meanwhile (FOR UPDATE SKIP LOCKED
 * skips it), re-score from what it reads before this change is visible, and delete it. Keys in
 * ascending order, so writers touching the same keys lock them in one order.
 */
async function queueKeys(tx: EntityManager, work: string, keys: ReadonlySet<number>) {
  const sorted = [...keys].sort((a, b) => a - b);
  for (let start = 0; start < sorted.length; start += KEYS_PER_STATEMENT) {
    const few = sorted.slice(start, start + KEYS_PER_STATEMENT);
    const parameters: Record<string, unknown> = { work };
    const rows = few.map((key, i) => {
      parameters[`k${i}`] = key;
      return `(:work, :k${i}, 1)`;
    });
    await runSql(
      tx,
      `INSERT INTO ${DEFERRED_TABLE} (work_name, item_key, touches) VALUES ${rows.join(', ')}
       ON CONFLICT (work_name, item_key) DO UPDATE SET touches = ${DEFERRED_TABLE}.touches + 1`,
      parameters,
    );
  }
}
