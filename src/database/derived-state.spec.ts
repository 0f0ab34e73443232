import type { EntityManager } from 'typeorm';
import { DerivedState, MAX_SETTLE_ROUNDS, touch } from './derived-state';

// Topics of this spec only: features declare theirs beside their writers.
declare module './derived-state' {
  interface ChangeTopics {
    'spec-a': number;
    'spec-b': number;
  }
}

const transaction = () => ({}) as EntityManager;

describe('DerivedState', () => {
  it('runs each topic’s handlers with everything touched, then what they touched, before commit', async () => {
    const derived = new DerivedState();
    const seen: string[] = [];
    derived.on('spec-a', 'doubles', async (tx, changes) => {
      seen.push(`a:${changes.join(',')}`);
      touch(
        tx,
        'spec-b',
        changes.map((n) => n * 2),
      );
    });
    derived.on('spec-b', 'records', async (_, changes) => {
      seen.push(`b:${changes.join(',')}`);
    });
    const tx = transaction();
    derived.begin(tx);
    touch(tx, 'spec-a', [1]);
    touch(tx, 'spec-a', [2, 3]);
    await derived.settle(tx);
    expect(seen).toEqual(['a:1,2,3', 'b:2,4,6']);
  });

  it('fails the transaction when handlers keep touching each other', async () => {
    const derived = new DerivedState();
    derived.on('spec-a', 'ping', async (tx) => touch(tx, 'spec-b', [1]));
    derived.on('spec-b', 'pong', async (tx) => touch(tx, 'spec-a', [1]));
    const tx = transaction();
    derived.begin(tx);
    touch(tx, 'spec-a', [1]);
    await expect(derived.settle(tx)).rejects.toThrow(
      `Derived state did not settle in ${MAX_SETTLE_ROUNDS} rounds`,
    );
  });

  it('refuses a touch outside TransactionRunner.run', () => {
    expect(() => touch(transaction(), 'spec-a', [1])).toThrow(/outside TransactionRunner.run/);
  });
});
