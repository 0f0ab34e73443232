/**
 * Lets the event loop serve what is waiting (sockets, timers) before going on: better-sqlite3's
 * statements are synchronous, so long work on the main thread runs in steps with this between.
 */
export const yieldToLoop = (): Promise<void> =>
  new Promise<void>((resolve) => setImmediate(resolve));
