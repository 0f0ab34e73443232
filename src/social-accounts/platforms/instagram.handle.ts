import { Platform } from './platform';
import {
  HandleInput,
  invalidHandle,
  notAProfile,
  PlatformRules,
  withoutAt,
} from './platform-rules';

const USERNAME = /^[a-z0-9._]{1,30}$/;

// First path segments that are Instagram pages rather than profiles.
const POSTS = new Set(['p', 'reel', 'reels', 'tv']);
const RESERVED = new Set([
  'explore',
  'accounts',
  'direct',
  'about',
  'legal',
  'developer',
  'web',
  'emails',
  'challenge',
  'session',
  'create',
  'privacy',
  'terms',
]);

/**
 * Instagram's username rule, shared with Threads (which uses the Instagram username):
 * 1–30 of a–z, 0–9, '.' and '_', no full stop at either end and never two in a row.
 * Case does not matter, so the lowercase form is returned.
 */
export function instagramUsername(value: string, platformName: string): string {
  const username = value.toLowerCase();
  if (!USERNAME.test(username)) {
    throw invalidHandle(
      `${platformName} usernames are at most 30 letters, digits, full stops or underscores`,
    );
  }
  if (username.startsWith('.') || username.endsWith('.')) {
    throw invalidHandle(`${platformName} usernames cannot start or end with a full stop`);
  }
  if (username.includes('..')) {
    throw invalidHandle(`${platformName} usernames cannot have two full stops in a row`);
  }
  return username;
}

export const instagramRules: PlatformRules = {
  platform: Platform.INSTAGRAM,
  name: 'Instagram',
  hosts: ['instagram.com', 'instagr.am'],
  example: 'instagram.com/nhsengland',

  normalise(input: HandleInput) {
    const username = instagramUsername(
      input.kind === 'name' ? input.name : usernameFromLink(input.segments),
      'Instagram',
    );
    const url = `https://www.instagram.com/${username}/`;
    return { handle: `@${username}`, handleKey: `@${username}`, url, followUrl: url };
  },
};

function usernameFromLink(segments: string[]): string {
  const first = segments[0]?.toLowerCase();
  if (first === undefined) {
    throw notAProfile(instagramRules, 'That Instagram link does not point to a profile');
  }
  // instagram.com/stories/<name>/… and the app's instagram.com/_u/<name> name the account second.
  if ((first === 'stories' || first === '_u') && segments[1] !== undefined) {
    return withoutAt(segments[1]);
  }
  if (POSTS.has(first)) {
    throw notAProfile(instagramRules, 'That is a link to an Instagram post, not a profile');
  }
  if (RESERVED.has(first) || first === 'stories' || first === '_u') {
    throw notAProfile(instagramRules);
  }
  return withoutAt(segments[0]);
}
