export enum Platform {
  X = 'X',
  LINKEDIN = 'LINKEDIN',
  FACEBOOK = 'FACEBOOK',
  INSTAGRAM = 'INSTAGRAM',
  MASTODON = 'MASTODON',
  BLUESKY = 'BLUESKY',
  THREADS = 'THREADS',
  TIKTOK = 'TIKTOK',
  YOUTUBE = 'YOUTUBE',
  WEBSITE = 'WEBSITE',
}

export const PLATFORM_LABELS: Record<Platform, string> = {
  [Platform.X]: 'X (Twitter)',
  [Platform.LINKEDIN]: 'LinkedIn',
  [Platform.FACEBOOK]: 'Facebook',
  [Platform.INSTAGRAM]: 'Instagram',
  [Platform.MASTODON]: 'Mastodon',
  [Platform.BLUESKY]: 'Bluesky',
  [Platform.THREADS]: 'Threads',
  [Platform.TIKTOK]: 'TikTok',
  [Platform.YOUTUBE]: 'YouTube',
  [Platform.WEBSITE]: 'Website or blog',
};
