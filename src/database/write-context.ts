import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

/** The write transaction being run; `tx` is set once the transaction has begun. */
export interface WriteContext {
  tx?: EntityManager;
}

/**
 * Which write transaction the current code runs inside, if any: TransactionRunner.run sets it
 * around its transaction (BEGIN to COMMIT) and everything the work awaits (derived handlers,
 * loaders it calls). On SQLite the connection router (sqlite-read-connection.ts) sends a
 * statement to the write connection only from inside; everything else reads committed data on
 * the read-only connection.
 */
const current = new AsyncLocalStorage<WriteContext>();

export function inWriteContext<T>(context: WriteContext, work: () => Promise<T>): Promise<T> {
  return current.run(context, work);
}

/** The write transaction this code runs in, or undefined outside one. */
export function currentWriteContext(): WriteContext | undefined {
  return current.getStore();
}
