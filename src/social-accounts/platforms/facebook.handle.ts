import { Platform } from './platform';
import {
  HandleInput,
  HandleLink,
  invalidHandle,
  notAProfile,
  PlatformRules,
  withoutAt,
} from './platform-rules';

const USERNAME = /^[A-Za-z0-9.]{5,50}$/;
const NUMERIC_ID = /^\d{1,20}$/;

// First path segments that are Facebook features rather than usernames.
const RESERVED = new Set([
  'events',
  'watch',
  'reel',
  'reels',
  'photo',
  'photos',
  'videos',
  'stories',
  'story.php',
  'permalink.php',
  'photo.php',
  'sharer',
  'sharer.php',
  'dialog',
  'login',
  'login.php',
  'home.php',
  'marketplace',
  'gaming',
  'hashtag',
  'help',
  'policies',
  'privacy',
  'settings',
  'messages',
  'notifications',
  'friends',
  'search',
  'plugins',
  'business',
  'ads',
]);

type FacebookAccount = { kind: 'username'; username: string } | { kind: 'id'; id: string };

export const facebookRules: PlatformRules = {
  platform: Platform.FACEBOOK,
  name: 'Facebook',
  hosts: ['facebook.com', 'fb.com', 'fb.me', 'fb.watch'],
  example: 'facebook.com/NHSEngland',

  normalise(input: HandleInput) {
    const account = input.kind === 'name' ? fromName(input.name) : fromLink(input);
    if (account.kind === 'id') {
      const url = `https://www.facebook.com/profile.php?id=${account.id}`;
      return { handle: account.id, handleKey: account.id, url, followUrl: url };
    }
    const { username } = account;
    const url = `https://www.facebook.com/${username}`;
    // Facebook ignores case and full stops: john.smith55 and JohnSmith55 are one username.
    return {
      handle: username,
      handleKey: username.toLowerCase().replace(/\./g, ''),
      url,
      followUrl: url,
    };
  },
};

function fromName(value: string): FacebookAccount {
  if (NUMERIC_ID.test(value)) return { kind: 'id', id: value };
  if (!USERNAME.test(value)) {
    throw invalidHandle('Facebook usernames are 5 to 50 letters, digits or full stops');
  }
  if (!/[A-Za-z]/.test(value)) {
    throw invalidHandle('Facebook usernames include at least one letter');
  }
  return { kind: 'username', username: value };
}

function fromLink(link: HandleLink): FacebookAccount {
  const { host, segments, url } = link;
  if (host === 'fb.watch' || host.endsWith('.fb.watch')) {
    throw notAProfile(facebookRules, 'That is a link to a Facebook video, not a profile');
  }
  const first = segments[0]?.toLowerCase();
  if (first === undefined) {
    throw notAProfile(facebookRules, 'That Facebook link does not point to a profile');
  }

  switch (first) {
    case 'profile.php': {
      const id = url.searchParams.get('id') ?? '';
      if (NUMERIC_ID.test(id)) return { kind: 'id', id };
      throw notAProfile(facebookRules, 'That profile.php link has no numeric id');
    }
    // facebook.com/people/Jane-Smith/100012345678901/
    case 'people':
      return idAt(segments[2]);
    // Older page links end in the page id: facebook.com/pages/NHS-England/123456789
    case 'pages':
      return idAt(segments[segments.length - 1]);
    // Newer page links append the id to the name: facebook.com/p/NHS-England-100064123456789/
    case 'p': {
      const id = /(?:^|-)(\d{1,20})$/.exec(segments[1] ?? '')?.[1];
      return idAt(id);
    }
    // facebook.com/pg/NHSEngland/about: an older path in front of a page's username.
    case 'pg':
      if (segments[1] === undefined) throw notAProfile(facebookRules);
      return fromName(segments[1]);
    case 'groups':
      throw notAProfile(facebookRules, 'That is a Facebook group, not a profile');
    case 'share':
      throw invalidHandle(
        'That is a Facebook share link: open it and copy the profile address from your browser',
      );
  }
  if (RESERVED.has(first) || first.endsWith('.php')) throw notAProfile(facebookRules);
  return fromName(withoutAt(segments[0]));
}

function idAt(value: string | undefined): FacebookAccount {
  if (value !== undefined && NUMERIC_ID.test(value)) return { kind: 'id', id: value };
  throw notAProfile(facebookRules, 'That Facebook link has no profile id at the end');
}
