/** The coarse kind of failure: GraphQL `extensions.code` and an HTTP status. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'TIMEOUT';

/** What a client is told: the same in GraphQL `extensions` and in a REST error body. */
export interface ErrorExtensions {
  code: ErrorCode;
  /** Which rule was broken, from the owning feature's reason enum: clients switch on this. */
  reason: string;
  /** The input field at fault, when there is one: clients highlight it. */
  field?: string;
}

/**
 * A rule of the product was broken. Services throw these with a specific `reason` from their
 * feature's enum (see `social-account.errors.ts`; every reason is listed in docs/errors.md);
 * `describeError` is the one mapping to what clients see. Clients never parse `message`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly httpStatus: number;

  constructor(
    readonly reason: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  readonly httpStatus = 400;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly httpStatus = 404;
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly httpStatus = 403;
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  readonly httpStatus = 409;
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly httpStatus = 401;
}

/** Reasons that belong to no one feature. */
export enum CommonErrorReason {
  /** An input failed its declared validation (type, length, format); `field` names it. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** `after` (or another cursor) is not one this API issued. */
  INVALID_CURSOR = 'INVALID_CURSOR',
  /** Too many requests from this person or address: wait `Retry-After` seconds. */
  RATE_LIMITED = 'RATE_LIMITED',
}

/** The one mapping from a domain error to what clients see (GraphQL root and nested fields, REST). */
export function describeError(error: DomainError): ErrorExtensions {
  return {
    code: error.code,
    reason: error.reason,
    ...(error.field ? { field: error.field } : {}),
  };
}
