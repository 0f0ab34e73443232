import { DomainError, InvalidInputError } from '../common/errors/domain-error';

/** Why a metrics request or import was refused (`reason`). */
export enum MetricsErrorReason {
  /** The CSV lacks a required column (`field` names it); nothing was read. */
  IMPORT_MISSING_COLUMN = 'IMPORT_MISSING_COLUMN',
  /** The file is larger than IMPORT_MAX_BYTES (413). */
  IMPORT_TOO_LARGE = 'IMPORT_TOO_LARGE',
  /** The file is not UTF-8 (UTF-16, Latin-1 bytes, invalid sequences); UTF-8 with or without a BOM is accepted. */
  IMPORT_BAD_ENCODING = 'IMPORT_BAD_ENCODING',
  /** The request is not `text/csv` or `multipart/form-data` with a `file` field, or the file is empty. */
  IMPORT_NO_FILE = 'IMPORT_NO_FILE',
  /** No import with that id that you may read. */
  IMPORT_NOT_FOUND = 'IMPORT_NOT_FOUND',
  /** Only the communications team imports figures. */
  IMPORT_NOT_ADMIN = 'IMPORT_NOT_ADMIN',
  /** A self-reported figure is negative, not a whole number, or the day is not a past or present London day. */
  INVALID_FIGURES = 'INVALID_FIGURES',
  /** No account of yours with that id. */
  METRICS_ACCOUNT_NOT_FOUND = 'METRICS_ACCOUNT_NOT_FOUND',
}

/** A file over the documented size limit: HTTP 413. */
export class ImportTooLargeError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  readonly httpStatus = 413;

  constructor(limit: number) {
    super(
      MetricsErrorReason.IMPORT_TOO_LARGE,
      `The file is over the import limit of ${limit.toLocaleString('en-GB')} bytes. Split it into smaller files.`,
      'file',
    );
  }
}

/** Anything but UTF-8: refused with what to do about it. */
export class ImportEncodingError extends InvalidInputError {
  constructor(what: string) {
    super(
      MetricsErrorReason.IMPORT_BAD_ENCODING,
      `The file is ${what}. Save it as "CSV UTF-8" (with or without a byte order mark) and import it again.`,
      'file',
    );
  }
}
