import { Platform } from './platform';
import {
  HandleInput,
  HandleLink,
  invalidHandle,
  notAProfile,
  PlatformRules,
} from './platform-rules';

// YouTube handles now allow letters of many scripts as well as A–Z.
const HANDLE = /^[\p{L}\p{M}\p{N}._-]{3,30}$/u;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const LEGACY_NAME = /^[\p{L}\p{M}\p{N}._-]{1,100}$/u;

const VIDEO_PATHS = new Set(['watch', 'shorts', 'live', 'embed', 'v', 'clip']);
const RESERVED = new Set([
  'playlist',
  'results',
  'feed',
  'hashtag',
  'post',
  'account',
  'premium',
  'kids',
  'gaming',
  'music',
  'about',
  'howyoutubeworks',
  'creators',
  'ads',
  't',
  'signin',
  'logout',
  'upload',
  'redirect',
  'attribution_link',
  'store',
  'trending',
  'subscription_manager',
]);

type YouTubeChannel =
  | { kind: 'handle'; handle: string }
  | { kind: 'channel'; id: string }
  | { kind: 'legacy'; prefix: 'c' | 'user'; name: string };

export const youtubeRules: PlatformRules = {
  platform: Platform.YOUTUBE,
  name: 'YouTube',
  hosts: ['youtube.com', 'youtu.be'],
  example: 'youtube.com/@NHSEngland',

  normalise(input: HandleInput) {
    const channel = input.kind === 'name' ? fromName(input.name, input.text) : fromLink(input);
    switch (channel.kind) {
      case 'handle': {
        if (!HANDLE.test(channel.handle)) {
          throw invalidHandle(
            'YouTube handles are 3 to 30 letters, digits, underscores, hyphens or full stops',
          );
        }
        return result(
          `@${channel.handle}`,
          `@${channel.handle.toLowerCase()}`,
          `@${encodeURIComponent(channel.handle)}`,
        );
      }
      case 'channel':
        if (!CHANNEL_ID.test(channel.id)) {
          throw invalidHandle(
            'YouTube channel ids are UC followed by 22 letters, digits, hyphens or underscores',
          );
        }
        // Channel ids are case-sensitive, so the key keeps their case.
        return result(channel.id, channel.id, `channel/${channel.id}`);
      case 'legacy': {
        if (!LEGACY_NAME.test(channel.name)) {
          throw invalidHandle(
            'YouTube custom channel names are letters, digits, underscores, hyphens or full stops',
          );
        }
        const handle = `${channel.prefix}/${channel.name}`;
        return result(
          handle,
          handle.toLowerCase(),
          `${channel.prefix}/${encodeURIComponent(channel.name)}`,
        );
      }
    }
  },
};

function result(handle: string, handleKey: string, path: string) {
  const url = `https://www.youtube.com/${path}`;
  return { handle, handleKey, url, followUrl: `${url}?sub_confirmation=1` };
}

function fromName(name: string, text: string): YouTubeChannel {
  if (text.startsWith('@')) return { kind: 'handle', handle: name };
  if (CHANNEL_ID.test(name)) return { kind: 'channel', id: name };
  // A typed path: channel/UC…, c/Name, user/Name
  if (name.includes('/')) return fromPath(name.split('/').filter((s) => s !== ''));
  return { kind: 'handle', handle: name };
}

function fromLink(link: HandleLink): YouTubeChannel {
  if (link.host === 'youtu.be' || link.host.endsWith('.youtu.be')) throw videoLink();
  return fromPath(link.segments);
}

function fromPath(segments: string[]): YouTubeChannel {
  const [first, second] = segments;
  if (first === undefined) {
    throw notAProfile(youtubeRules, 'That YouTube link does not point to a channel');
  }
  if (first.startsWith('@')) return { kind: 'handle', handle: first.slice(1) };
  const lower = first.toLowerCase();
  if (lower === 'channel' && second !== undefined) return { kind: 'channel', id: second };
  if ((lower === 'c' || lower === 'user') && second !== undefined) {
    return { kind: 'legacy', prefix: lower, name: second };
  }
  if (VIDEO_PATHS.has(lower)) throw videoLink();
  if (RESERVED.has(lower) || (segments.length === 1 && ['channel', 'c', 'user'].includes(lower))) {
    throw notAProfile(youtubeRules, 'That YouTube link is not a channel');
  }
  // youtube.com/NHSEngland is the short form of a legacy custom URL, youtube.com/c/NHSEngland.
  return { kind: 'legacy', prefix: 'c', name: first };
}

function videoLink() {
  // one sentence, one colon: not notAProfile's "…: paste a link like" on top of its own
  return invalidHandle(
    `That is a link to a YouTube video, not a channel. Open the channel and copy its address, like ${youtubeRules.example}`,
  );
}
