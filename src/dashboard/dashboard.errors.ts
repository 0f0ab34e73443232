/** Why a dashboard or advocates export request was refused (`extensions.reason`). */
export enum DashboardErrorReason {
  /** Comms.Admin sees only their own confirmed organisation's dashboard and advocates. */
  DASHBOARD_NOT_YOUR_ORGANISATION = 'DASHBOARD_NOT_YOUR_ORGANISATION',
  /** `from` or `to` is not a real YYYY-MM-DD day, or `from` is after `to`, or the range is too long. */
  DASHBOARD_BAD_RANGE = 'DASHBOARD_BAD_RANGE',
}
