import { AuthenticatedUser, COMMS_ADMIN_ROLE } from './authenticated-user';

export const NATIONAL_ADMIN_ROLE = 'Comms.NationalAdmin';

/**
 * The one place that decides where a communications role may act. Every admin operation asks
 * here, never reads roles or `organisationId` itself: an organisation-scoped thing needs
 * Comms.Admin of that organisation (trusted membership only), an NHS-wide thing (null) needs
 * Comms.NationalAdmin.
 */
export function isNationalAdmin(user: AuthenticatedUser): boolean {
  return user.roles.includes(NATIONAL_ADMIN_ROLE);
}

/** The organisation whose communications team this person acts for, or null when none. */
export function administeredOrganisationId(user: AuthenticatedUser): number | null {
  if (!user.roles.includes(COMMS_ADMIN_ROLE)) return null;
  return user.staff.organisationId ?? null;
}

/** Whether this person may administer what belongs to `organisationId` (null: NHS-wide). */
export function mayAdminister(user: AuthenticatedUser, organisationId: number | null): boolean {
  if (isNationalAdmin(user)) return true;
  if (organisationId === null) return false;
  return administeredOrganisationId(user) === organisationId;
}
