declare module '../database/derived-state' {
  interface ChangeTopics {
    /**
     * A campaign changed for these people (touched by CampaignsService): they joined or left it,
     * or activity of theirs was imported (one change per write batch). A new campaign, or one
     * whose dates changed, touches it with every participant (none when new).
     */
    campaigns: { campaignId: number; staffIds: number[] };
  }
}

export {};
