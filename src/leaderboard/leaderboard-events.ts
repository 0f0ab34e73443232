import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { EntityManager } from 'typeorm';
import { InstanceBroadcast } from '../common/redis/instance-broadcast';
import { afterCommit } from '../database/transaction-runner';

/** News that the boards of some periods changed (WEEK, MONTH, QUARTER, ALL_TIME, C:<id>). */
export interface LeaderboardNews {
  periods: string[];
  changedAt: string;
}

// a bulk import or a busy tweetup makes one update a moment, not one per row
const GATHER_MS = 250;

const CHANNEL = 'leaderboard-updated';

/**
 * Tells live leaderboards (subscription leaderboardUpdated) that boards changed, once the change
 * has committed. With REDIS_URL every instance publishes to one channel and every subscriber,
 * on any instance, hears it; without it, news stays in this process.
 */
@Injectable()
export class LeaderboardEvents implements OnModuleInit, OnModuleDestroy {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly broadcast: InstanceBroadcast) {}

  onModuleInit(): void {
    this.broadcast.listen<LeaderboardNews>(CHANNEL, {
      message: (news) => this.local.emit('news', news),
    });
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Inside the writing transaction: these periods changed; subscribers hear once it commits. */
  changed(tx: EntityManager, periods: Iterable<string>): void {
    const list = [...new Set(periods)];
    if (list.length === 0) return;
    afterCommit(tx, () => {
      for (const period of list) this.pending.add(period);
      this.timer ??= setTimeout(() => this.flush(), GATHER_MS);
    });
  }

  private flush(): void {
    this.timer = null;
    const news: LeaderboardNews = {
      periods: [...this.pending].sort(),
      changedAt: new Date().toISOString(),
    };
    this.pending = new Set();
    // without Redis, or while it is away, this instance's own subscribers still hear it
    void this.broadcast.publish(CHANNEL, news);
  }

  /** Every piece of news from now on, until the iterator is closed (the client unsubscribes). */
  listen(): AsyncIterableIterator<LeaderboardNews> {
    const queue: LeaderboardNews[] = [];
    let waiting: ((result: IteratorResult<LeaderboardNews>) => void) | null = null;
    let done = false;
    const onNews = (news: LeaderboardNews) => {
      if (waiting) {
        waiting({ value: news, done: false });
        waiting = null;
      } else queue.push(news);
    };
    this.local.on('news', onNews);
    const stop = () => {
      done = true;
      this.local.off('news', onNews);
      waiting?.({ value: undefined, done: true });
      waiting = null;
    };
    const iterator: AsyncIterableIterator<LeaderboardNews> = {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: () => {
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
