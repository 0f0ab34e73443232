/** Why an audit log request was refused (`extensions.reason`). */
export enum AuditErrorReason {
  /** The audit log needs Comms.Admin of a confirmed organisation, or Comms.NationalAdmin. */
  AUDIT_LOG_FORBIDDEN = 'AUDIT_LOG_FORBIDDEN',
}
