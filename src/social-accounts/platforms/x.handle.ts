import { Platform } from './platform';
import {
  HandleInput,
  invalidHandle,
  notAProfile,
  PlatformRules,
  withoutAt,
} from './platform-rules';

const USERNAME_CHARACTERS = /^[A-Za-z0-9_]+$/;
const MAX_USERNAME_LENGTH = 15;

// Site paths that X will never give out as a username.
const RESERVED = new Set([
  'home',
  'i',
  'intent',
  'search',
  'explore',
  'notifications',
  'messages',
  'settings',
  'login',
  'logout',
  'signup',
  'hashtag',
  'share',
  'compose',
  'tos',
  'privacy',
  'bookmarks',
  'account',
]);

export const xRules: PlatformRules = {
  platform: Platform.X,
  name: 'X',
  hosts: ['x.com', 'twitter.com'],
  example: 'x.com/NHSEngland',

  normalise(input: HandleInput) {
    const username =
      input.kind === 'name' ? input.name : usernameFromLink(input.segments, input.url);
    if (RESERVED.has(username.toLowerCase())) {
      throw notAProfile(xRules, `x.com/${username} is not a profile`);
    }
    if (!USERNAME_CHARACTERS.test(username)) {
      throw invalidHandle('X handles can only have the letters A to Z, digits and underscores');
    }
    if (username.length > MAX_USERNAME_LENGTH) {
      throw invalidHandle(`X handles are at most ${MAX_USERNAME_LENGTH} characters long`);
    }
    return {
      handle: `@${username}`,
      handleKey: `@${username.toLowerCase()}`,
      url: `https://x.com/${username}`,
      followUrl: `https://x.com/intent/follow?screen_name=${username}`,
    };
  },
};

function usernameFromLink(segments: string[], url: URL): string {
  const [first, second] = segments.map((segment) => segment.toLowerCase());
  if (first === undefined) throw notAProfile(xRules, 'That X link does not point to a profile');
  if (first === 'intent' && (second === 'follow' || second === 'user')) {
    const screenName = url.searchParams.get('screen_name');
    if (screenName) return withoutAt(screenName);
    throw notAProfile(xRules, 'That X follow link has no screen_name');
  }
  if (first === 'i' && second === 'user') {
    throw notAProfile(xRules, 'That link uses a numeric X account id, not the handle');
  }
  return withoutAt(segments[0]);
}
