declare module '../database/derived-state' {
  interface ChangeTopics {
    /** Someone followed (+1) or stopped following (-1) someone (touched by FollowsService). */
    follows: {
      followerId: number;
      followeeId: number;
      delta: 1 | -1;
      /** The side being erased (FollowsService.eraseAllOf): its own counters are gone with it. */
      erasing?: number;
    };
  }
}

export {};
