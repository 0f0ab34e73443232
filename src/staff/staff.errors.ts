/** Why a request about people or their profile was refused (`extensions.reason`). */
export enum StaffErrorReason {
  /** No such person, or one the viewer may not see (a leaver, someone not listed). */
  STAFF_NOT_FOUND = 'STAFF_NOT_FOUND',
  /** The site chosen is not one of the person's organisation. */
  SITE_NOT_IN_ORGANISATION = 'SITE_NOT_IN_ORGANISATION',
  /** The department chosen is not one of the person's organisation. */
  DEPARTMENT_NOT_IN_ORGANISATION = 'DEPARTMENT_NOT_IN_ORGANISATION',
}
