import type { StaffMember } from '../staff/staff-member.entity';

export const COMMS_ADMIN_ROLE = 'Comms.Admin';

/** Who is making this request: their staff record and the roles in their token. */
export interface AuthenticatedUser {
  staff: StaffMember;
  roles: string[];
  isCommsAdmin: boolean;
}

/** The claims we rely on, from an Entra ID access token (v1 or v2) or a development token. */
export interface IdentityClaims {
  tid: string;
  oid: string;
  name?: string;
  preferred_username?: string;
  upn?: string;
  roles?: string[];
  /** Delegated scopes, space-separated: present only when a person signed in (not app-only). */
  scp?: string;
  /** `app` for an app-only token, `user` for a person (v2 tokens, optional claim). */
  idtyp?: string;
  /** Issued at (epoch seconds). */
  iat?: number;
}
