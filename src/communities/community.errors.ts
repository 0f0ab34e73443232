/** Why a community request was refused (`extensions.reason`). */
export enum CommunityErrorReason {
  /** No such community, or one the viewer may not see. */
  COMMUNITY_NOT_FOUND = 'COMMUNITY_NOT_FOUND',
  /** Neither an id nor a slug was given. */
  COMMUNITY_NOT_NAMED = 'COMMUNITY_NOT_NAMED',
  /** Archived communities take no new members. */
  COMMUNITY_ARCHIVED = 'COMMUNITY_ARCHIVED',
  /** An organisation-only community takes only its organisation's staff. */
  COMMUNITY_ORGANISATION_ONLY = 'COMMUNITY_ORGANISATION_ONLY',
  /** An NHS-wide community cannot name an organisation. */
  NHS_WIDE_HAS_NO_ORGANISATION = 'NHS_WIDE_HAS_NO_ORGANISATION',
  /** An organisation-only community needs its organisation. */
  ORGANISATION_REQUIRED = 'ORGANISATION_REQUIRED',
  /** A communications team makes organisation-only communities for its own organisation only. */
  NOT_YOUR_ORGANISATION = 'NOT_YOUR_ORGANISATION',
  /** NHS-wide communities need the app role Comms.NationalAdmin. */
  NATIONAL_ADMIN_REQUIRED = 'NATIONAL_ADMIN_REQUIRED',
  /** The name (or slug) has no letter or digit to make an address from. */
  SLUG_EMPTY = 'SLUG_EMPTY',
  /** Another community has that address. */
  SLUG_TAKEN = 'SLUG_TAKEN',
}
