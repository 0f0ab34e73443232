import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

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

/**
 * The registry of derived-state handlers. A feature that owns a derived value (a search
 * document, `listed`, a counter, a score) registers a handler on each topic it depends on, in
 * its provider's constructor or onModuleInit; see docs/architecture.md.
 */
@Injectable()
export class DerivedState {
  private readonly handlers = new Map<Topic, Registration[]>();

  /** `owner` names the derived value in errors: `'directory search document'`. */
  on<T extends Topic>(topic: T, owner: string, handler: ChangeHandler<T>): void {
    const list = this.handlers.get(topic) ?? [];
    list.push({ owner, handle: handler as Registration['handle'] });
    this.handlers.set(topic, list);
  }

  /** Opens the change log of a transaction TransactionRunner has just begun. */
  begin(tx: EntityManager): void {
    pendingByTransaction.set(tx, new Map());
  }

  /**
   * Runs the handlers of every topic touched, in the order topics were first touched, then of
   * any topic those handlers touched, until nothing is pending: all before commit, so derived
   * values commit (or roll back) with the writes they derive from.
   */
  async settle(tx: EntityManager): Promise<void> {
    const pending = pendingByTransaction.get(tx);
    if (!pending) return;
    for (let round = 1; pending.size > 0; round++) {
      if (round > MAX_SETTLE_ROUNDS) {
        throw new Error(
          `Derived state did not settle in ${MAX_SETTLE_ROUNDS} rounds; still touched: ${[...pending.keys()].join(', ')}`,
        );
      }
      const batch = [...pending];
      pending.clear();
      for (const [topic, changes] of batch) {
        for (const { handle } of this.handlers.get(topic) ?? []) await handle(tx, changes);
      }
    }
  }
}
