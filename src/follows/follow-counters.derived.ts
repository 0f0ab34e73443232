import { Injectable } from '@nestjs/common';
import { DerivedState } from '../database/derived-state';
import './follow.changes';
import { FollowsRepository } from './follows.repository';

/** Keeps follower and following counts in step with `follows`, in the same transaction. */
@Injectable()
export class FollowCounters {
  constructor(derived: DerivedState, follows: FollowsRepository) {
    derived.on('follows', 'follow counters', (tx, changes) => {
      const counts = new Map<number, { followers: number; following: number }>();
      const of = (id: number) => {
        let entry = counts.get(id);
        if (!entry) counts.set(id, (entry = { followers: 0, following: 0 }));
        return entry;
      };
      for (const { followerId, followeeId, delta, erasing } of changes) {
        if (followerId !== erasing) of(followerId).following += delta;
        if (followeeId !== erasing) of(followeeId).followers += delta;
      }
      return follows.adjustCounts(tx, counts);
    });
  }
}
