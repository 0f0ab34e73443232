import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { WriteContext } from '../../database/write-context';

/** The request being served: its logger, made the first time anything logs in it. */
export interface RequestScope {
  readonly logger: Logger;
}

/**
 * Where the code running runs: the request it serves (logging), the write transaction it is
 * inside (write-context.ts) and whether it is a drain of deferred work (deferred-drainer.ts).
 * Each part is set and read by its own module alone; a frame is never changed, only replaced
 * for the work run under it, so each part behaves as if it had a store of its own.
 *
 * One store, not one per part: on Node 20 every AsyncLocalStorage in use runs its own propagation
 * on every promise made anywhere, each adding a property to the promise, and three of them cost
 * 7.6% of a profile request's main thread (docs/benchmarks.md, "The cost of a request").
 */
class Frame {
  constructor(
    readonly request: RequestScope | undefined,
    readonly write: WriteContext | undefined,
    readonly draining: boolean,
  ) {}
}

const storage = new AsyncLocalStorage<Frame>();

/** Runs work as part of the request, the other parts as they are. */
export function runInRequest<T>(request: RequestScope, work: () => T): T {
  const now = storage.getStore();
  return storage.run(new Frame(request, now?.write, now?.draining ?? false), work);
}

/** Runs work inside the write transaction `write`, the other parts as they are. */
export function runInWrite<T>(write: WriteContext, work: () => T): T {
  const now = storage.getStore();
  return storage.run(new Frame(now?.request, write, now?.draining ?? false), work);
}

/** Runs work as a drain of deferred work, the other parts as they are. */
export function runDraining<T>(work: () => T): T {
  const now = storage.getStore();
  return storage.run(new Frame(now?.request, now?.write, true), work);
}

export const currentRequest = (): RequestScope | undefined => storage.getStore()?.request;
export const currentWrite = (): WriteContext | undefined => storage.getStore()?.write;
export const isDraining = (): boolean => storage.getStore()?.draining ?? false;
