import { WriteQueue } from './write-queue';
import { yieldToLoop } from './yield-to-loop';

/** Queues `count` transactions at once, each recording its start and end; resolves when all did. */
const queueMany = async (
  queue: WriteQueue,
  count: number,
  log: string[],
  work: (i: number) => Promise<void> = async () => {},
) => {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      queue.run(async () => {
        log.push(`start ${i}`);
        await work(i);
        log.push(`end ${i}`);
      }),
    ),
  );
};

describe('WriteQueue', () => {
  it('runs one transaction at a time, in the order they asked, even when they wait inside', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    await queueMany(queue, 3, log, () => yieldToLoop());
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('hands over after a transaction fails', async () => {
    const queue = new WriteQueue();
    const failed = queue.run(() => Promise.reject(new Error('rolled back')));
    const next = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('rolled back');
    await expect(next).resolves.toBe('ran');
  });

  it('within its budget, the next queued transaction starts in the same task as the last ended', async () => {
    const queue = new WriteQueue(Number.POSITIVE_INFINITY);
    const log: string[] = [];
    const done = queueMany(queue, 3, log);
    setImmediate(() => log.push('a turn of the loop'));
    await done;
    await yieldToLoop();
    expect(log.indexOf('a turn of the loop')).toBe(log.length - 1);
  });

  it('once its budget is spent, the next queued transaction starts after a turn of the loop', async () => {
    const queue = new WriteQueue(0);
    const log: string[] = [];
    const turns = () => setImmediate(() => log.push('a turn of the loop'));
    const done = queueMany(queue, 3, log, async () => {
      turns();
    });
    await done;
    // each transaction's own immediate runs before the next transaction starts
    expect(log).toEqual([
      'start 0',
      'end 0',
      'a turn of the loop',
      'start 1',
      'end 1',
      'a turn of the loop',
      'start 2',
      'end 2',
    ]);
  });

  it('a newcomer does not overtake a transaction waiting for its turn of the loop', async () => {
    const queue = new WriteQueue(0);
    const log: string[] = [];
    const first = queue.run(async () => {
      log.push('first');
    });
    const second = queue.run(async () => {
      log.push('second');
    });
    await first;
    // the writer is free only in name: the second waits for its turn, the third behind it
    const third = queue.run(async () => {
      log.push('third');
    });
    await Promise.all([second, third]);
    expect(log).toEqual(['first', 'second', 'third']);
  });
});
