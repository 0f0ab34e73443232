/** Why sign-in or an identity request was refused (`extensions.reason`). */
export enum IdentityErrorReason {
  /** No bearer token, or one that is not valid here (the message says why). */
  SIGN_IN_REQUIRED = 'SIGN_IN_REQUIRED',
  /** A leaver: deactivated by provisioning. */
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  /** The person erased their data; this token is from before: sign in again. */
  ACCOUNT_ERASED = 'ACCOUNT_ERASED',
  /** The operation needs the app role Comms.Admin. */
  COMMS_ADMIN_REQUIRED = 'COMMS_ADMIN_REQUIRED',
  /** An app-only token (no `scp`, or `idtyp` app): applications are not people. */
  APP_ONLY_TOKEN = 'APP_ONLY_TOKEN',
  /** A delegated token without the API's scope (ENTRA_REQUIRED_SCOPE) in `scp`. */
  SCOPE_MISSING = 'SCOPE_MISSING',
  /** No such organisation claim, or one of an organisation the viewer does not administer. */
  CLAIM_NOT_FOUND = 'CLAIM_NOT_FOUND',
  /** The claim was already confirmed, refused or withdrawn. */
  CLAIM_NOT_PENDING = 'CLAIM_NOT_PENDING',
  /** An admin operation on an organisation that is not the admin's confirmed one. */
  NOT_YOUR_ORGANISATION_CLAIMS = 'NOT_YOUR_ORGANISATION_CLAIMS',
  /** Provisioning or the sign-in tenant sets this person's organisation. */
  ORGANISATION_SET_BY_EMPLOYER = 'ORGANISATION_SET_BY_EMPLOYER',
}
