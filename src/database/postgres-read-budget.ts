import { DataSource, QueryFailedError } from 'typeorm';
import { ReadTooSlowError } from './database.errors';

// query_canceled, and the message PostgreSQL gives when statement_timeout (not a person) cancels
const QUERY_CANCELED = '57014';
const BY_STATEMENT_TIMEOUT = /statement timeout/;

export function isStatementTimeout(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; message?: unknown } | undefined;
  return (
    driverError?.code === QUERY_CANCELED &&
    typeof driverError.message === 'string' &&
    BY_STATEMENT_TIMEOUT.test(driverError.message)
  );
}

/**
 * PostgreSQL's side of the read budget: every pooled connection starts with `statement_timeout`
 * = READ_TIME_BUDGET_MS (data-source-options.ts), write transactions lift it for themselves
 * (`SET LOCAL`, TransactionRunner), migrations run without it (database.module.ts), and a read
 * it cancels is answered as on SQLite: ReadTooSlowError, reason READ_TOO_SLOW.
 */
export function boundPostgresReads(dataSource: DataSource, budgetMs: number): void {
  if (dataSource.options.type !== 'postgres') return;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = (async (...args: Parameters<typeof query>) => {
      try {
        return await query(...args);
      } catch (error) {
        if (isStatementTimeout(error)) throw new ReadTooSlowError(budgetMs);
        throw error;
      }
    }) as typeof runner.query;
    return runner;
  };
}
