import {
  normaliseOfficialHandle,
  platformForHost,
} from '../social-accounts/platforms/normalise-handle';
import { Platform } from '../social-accounts/platforms/platform';

export interface ProfileKey {
  platform: Platform;
  handleKey: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The accounts a profile link may name: the platform its host belongs to, or (on any other host)
 * a Mastodon server or a website. Every form the handle rules accept gives the same keys.
 * With `platform`, the input may also be a bare handle (`@NHSEngland`). Pages only an
 * organisation has (a LinkedIn company page) are read too: only an official account can match.
 */
export function profileKeysOf(input: string, platform?: Platform): ProfileKey[] {
  const text = input.trim();
  let platforms: Platform[];
  if (platform) {
    platforms = [platform];
  } else {
    let host: string;
    try {
      host = new URL(SCHEME.test(text) ? text : `https://${text}`).hostname;
    } catch {
      return [];
    }
    const owner = platformForHost(host);
    platforms = owner ? [owner] : [Platform.MASTODON, Platform.WEBSITE];
  }
  const keys: ProfileKey[] = [];
  for (const candidate of platforms) {
    try {
      keys.push({
        platform: candidate,
        handleKey: normaliseOfficialHandle(candidate, text).handleKey,
      });
    } catch {
      // not this platform's
    }
  }
  return keys;
}
