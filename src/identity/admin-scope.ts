import { AuthenticatedUser, COMMS_ADMIN_ROLE } from './authenticated-user';

export const NATIONAL_ADMIN_ROLE = 'Comms.NationalAdmin';

/**
 * The one place that decides where a communications role may act. Every admin operation asks
 * here, never reads roles or `organisationId` itself:
 *
 * - an organisation's thing needs Comms.Admin of that organisation, and the organisation must be
 *   the person's trusted one (`staff.organisationId` holds only a trusted organisation: from
 *   SCIM, the tenant map, or a claim its communications team confirmed; a pending claim is
 *   elsewhere and grants nothing);
 * - an NHS-wide thing (null) needs Comms.NationalAdmin;
 * - a national admin may also act inside any organisation (to confirm a trust's first
 *   communications officer, or step in when a trust has none); that is recorded in the audit log
 *   like every admin action.
 */
export function isNationalAdmin(user: AuthenticatedUser): boolean {
  return user.roles.includes(NATIONAL_ADMIN_ROLE);
}

/** Whether the token carries a communications role at all (the guard of @CommsAdminOnly). */
export function holdsAdminRole(user: AuthenticatedUser): boolean {
  return user.roles.includes(COMMS_ADMIN_ROLE) || isNationalAdmin(user);
}

/**
 * The organisation whose communications team this person acts for, or null when none: their
 * confirmed organisation, and only with the role Comms.Admin.
 */
export function administeredOrganisationId(user: AuthenticatedUser): number | null {
  if (!user.roles.includes(COMMS_ADMIN_ROLE)) return null;
  return user.staff.active ? (user.staff.organisationId ?? null) : null;
}

/** Whether this person may administer what belongs to `organisationId` (null: NHS-wide). */
export function mayAdminister(user: AuthenticatedUser, organisationId: number | null): boolean {
  if (isNationalAdmin(user)) return true;
  if (organisationId === null) return false;
  return administeredOrganisationId(user) === organisationId;
}
