import { DomainError } from '../common/errors/domain-error';

export enum DatabaseErrorReason {
  /** A read ran past READ_TIME_BUDGET_MS and was stopped (narrow it, or try again later). */
  READ_TOO_SLOW = 'READ_TOO_SLOW',
}

/**
 * A read outside a write transaction ran past the read budget (READ_TIME_BUDGET_MS) and was
 * stopped: on SQLite its worker thread was terminated and replaced, on PostgreSQL
 * `statement_timeout` cancelled it. HTTP 503: the request was fine, the server would not spend
 * that long on it.
 */
export class ReadTooSlowError extends DomainError {
  readonly code = 'TIMEOUT';
  readonly httpStatus = 503;

  constructor(readonly budgetMs: number) {
    super(
      DatabaseErrorReason.READ_TOO_SLOW,
      `This took longer than the ${budgetMs / 1000} seconds the server allows for one read, so it was stopped. Try a narrower search, or try again later.`,
    );
  }
}
