import { normaliseHandle } from '../social-accounts/platforms/normalise-handle';
import { Platform } from '../social-accounts/platforms/platform';

export interface LinkedAccount {
  platform: Platform;
  handle: string;
  url: string;
}

/** `@name@server` → { username, server }; null for anything else. */
export function mastodonAddress(handle: string): { username: string; server: string } | null {
  const match = /^@?([^@\s]+)@([^@\s]+)$/.exec(handle);
  return match ? { username: match[1], server: match[2].toLowerCase() } : null;
}

/**
 * The link that opens the platform's own follow (or profile) page for an account: X's follow
 * intent, YouTube's subscribe prompt, the profile elsewhere. A Mastodon account opens through
 * the viewer's own server (`authorize_interaction`), where the follow button works, when the
 * viewer has a Mastodon account on another server.
 */
export function followUrlFor(account: LinkedAccount, viewerMastodonHandles: string[] = []): string {
  if (account.platform === Platform.MASTODON) {
    const target = mastodonAddress(account.handle);
    const home = viewerMastodonHandles.map(mastodonAddress).find((a) => a !== null);
    if (target && home && home.server !== target.server) {
      const acct = `${target.username}@${target.server}`;
      return `https://${home.server}/authorize_interaction?uri=${encodeURIComponent(acct)}`;
    }
  }
  try {
    return normaliseHandle(account.platform, account.handle).followUrl;
  } catch {
    return account.url; // stored before today's rules: the profile still opens
  }
}
