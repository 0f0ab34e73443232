import type { DataSource, EntityManager } from 'typeorm';
import { currentWrite, runInWrite } from '../common/context/async-context';

/** The write transaction being run; `tx` is set once the transaction has begun. */
export interface WriteContext {
  tx?: EntityManager;
}

/**
 * Which write transaction the current code runs inside, if any: TransactionRunner.run sets it
 * around its transaction (BEGIN to COMMIT) and everything the work awaits (derived handlers,
 * loaders it calls). On SQLite the connection router (sqlite-read-connection.ts) sends a
 * statement to the write connection only from inside; everything else reads committed data on
 * the read-only connection. Kept in the one async context store (common/context/async-context.ts).
 */
export function inWriteContext<T>(context: WriteContext, work: () => Promise<T>): Promise<T> {
  return runInWrite(context, work);
}

/** The write transaction this code runs in, or undefined outside one. */
export function currentWriteContext(): WriteContext | undefined {
  return currentWrite();
}

/**
 * PostgreSQL: a read made inside TransactionRunner.run through the ordinary read path
 * (`dataSource.manager`, a repository) would take another pooled connection, not see the
 * transaction's own writes, and, when every pooled connection is a transaction waiting on a
 * lock, never get one. Inside a write context, the data source hands out the transaction's own
 * runner instead (its release does nothing: the transaction releases it at commit).
 */
export function shareTransactionWithReads(dataSource: DataSource): void {
  if (dataSource.options.type !== 'postgres') return;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = currentWrite()?.tx?.queryRunner;
    if (!runner || runner.isReleased || !runner.isTransactionActive) return create(mode);
    return new Proxy(runner, {
      get: (target, property, receiver) =>
        property === 'release'
          ? () => Promise.resolve()
          : (Reflect.get(target, property, receiver) as unknown),
    });
  };
}
