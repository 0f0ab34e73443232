/** Why a request naming an organisation or one of its places was refused (`extensions.reason`). */
export enum OrganisationErrorReason {
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  DEPARTMENT_NOT_FOUND = 'DEPARTMENT_NOT_FOUND',
}
