/** Why a leaderboard request was refused (`extensions.reason`). */
export enum LeaderboardErrorReason {
  /** The CAMPAIGN window needs a campaignId, and only it takes one. */
  CAMPAIGN_WINDOW_NEEDS_CAMPAIGN = 'CAMPAIGN_WINDOW_NEEDS_CAMPAIGN',
  /** A weight is not a whole number from 0 to the maximum. */
  WEIGHT_OUT_OF_RANGE = 'WEIGHT_OUT_OF_RANGE',
  /** Only the communications team of that organisation (or a national admin) sets its weights. */
  NOT_ADMIN_OF_ORGANISATION = 'NOT_ADMIN_OF_ORGANISATION',
  /** A badge for someone who does not exist or has left. */
  BADGE_PERSON_NOT_FOUND = 'BADGE_PERSON_NOT_FOUND',
}
