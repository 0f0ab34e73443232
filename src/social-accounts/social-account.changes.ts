declare module '../database/derived-state' {
  interface ChangeTopics {
    /** An account was added, changed or removed (touched by SocialAccountsService). */
    'social-accounts': { accountId: number; staffId: number };
  }
}

export {};
