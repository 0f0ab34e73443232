import { AccountVisibility } from './social-account.entity';

export interface Viewer {
  id: number;
  organisationId: number | null;
}

/** The one rule for who sees an account. Directory SQL mirrors it in the repository. */
export function canSeeAccount(
  viewer: Viewer,
  account: { staffId: number; visibility: AccountVisibility },
  ownerOrganisationId: number | null,
): boolean {
  if (account.staffId === viewer.id) return true;
  switch (account.visibility) {
    case AccountVisibility.NHS_DIRECTORY:
      return true;
    case AccountVisibility.ORGANISATION:
      return ownerOrganisationId !== null && ownerOrganisationId === viewer.organisationId;
    default:
      return false;
  }
}
