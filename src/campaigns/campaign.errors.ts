/** Why a campaign request was refused (`reason`). */
export enum CampaignErrorReason {
  /** No campaign with that id that you may see. */
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  /** A date is not YYYY-MM-DD, or the campaign ends before it starts. */
  CAMPAIGN_DATES = 'CAMPAIGN_DATES',
  /** The name is empty (or only spaces). */
  CAMPAIGN_NAME = 'CAMPAIGN_NAME',
  /** The hashtag is not one word after a # (letters, digits, underscores). */
  CAMPAIGN_HASHTAG = 'CAMPAIGN_HASHTAG',
  /** Campaigns of an organisation are its Comms.Admin's; NHS-wide ones Comms.NationalAdmin's. */
  CAMPAIGN_NOT_ADMIN = 'CAMPAIGN_NOT_ADMIN',
  /** Creating an organisation's campaign as someone without one. */
  CAMPAIGN_NO_ORGANISATION = 'CAMPAIGN_NO_ORGANISATION',
}
