/** Why a request naming an organisation or one of its places was refused (`extensions.reason`). */
export enum OrganisationErrorReason {
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  DEPARTMENT_NOT_FOUND = 'DEPARTMENT_NOT_FOUND',
  SITE_NOT_FOUND = 'SITE_NOT_FOUND',
  PLACE_NAME_TAKEN = 'PLACE_NAME_TAKEN',
  NOT_YOUR_ORGANISATIONS_PLACES = 'NOT_YOUR_ORGANISATIONS_PLACES',
}
