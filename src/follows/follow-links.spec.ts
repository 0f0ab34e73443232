import { Platform } from '../social-accounts/platforms/platform';
import { followUrlFor, mastodonAddress } from './follow-links';

describe('followUrlFor', () => {
  it.each([
    [
      Platform.X,
      '@NHSEngland',
      'https://x.com/NHSEngland',
      'https://x.com/intent/follow?screen_name=NHSEngland',
    ],
    [
      Platform.BLUESKY,
      'nhs.bsky.social',
      'https://bsky.app/profile/nhs.bsky.social',
      'https://bsky.app/profile/nhs.bsky.social',
    ],
    [
      Platform.THREADS,
      '@nhsengland',
      'https://www.threads.com/@nhsengland',
      'https://www.threads.com/@nhsengland',
    ],
    [
      Platform.MASTODON,
      '@jo@mastodon.social',
      'https://mastodon.social/@jo',
      'https://mastodon.social/@jo',
    ],
  ])('%s %s opens %s’s follow page', (platform, handle, url, expected) => {
    expect(followUrlFor({ platform, handle, url })).toBe(expected);
  });

  it.each([
    // the viewer's server is another: follow through it
    [['@me@nhs.social'], 'https://nhs.social/authorize_interaction?uri=jo%40mastodon.social'],
    // the viewer is on the same server: the profile's own follow button works
    [['@me@mastodon.social'], 'https://mastodon.social/@jo'],
    // no Mastodon account of their own: the profile
    [[], 'https://mastodon.social/@jo'],
  ])('a Mastodon account seen by a viewer with %j opens %s', (viewerHandles, expected) => {
    const account = {
      platform: Platform.MASTODON,
      handle: '@jo@mastodon.social',
      url: 'https://mastodon.social/@jo',
    };
    expect(followUrlFor(account, viewerHandles)).toBe(expected);
  });

  it('falls back to the stored profile URL for a handle today’s rules no longer read', () => {
    const account = { platform: Platform.X, handle: 'not a handle!', url: 'https://x.com/legacy' };
    expect(followUrlFor(account)).toBe('https://x.com/legacy');
  });
});

describe('mastodonAddress', () => {
  it.each([
    ['@jo@Mastodon.Social', { username: 'jo', server: 'mastodon.social' }],
    ['jo@nhs.social', { username: 'jo', server: 'nhs.social' }],
    ['@jo', null],
  ])('%s → %j', (handle, expected) => {
    expect(mastodonAddress(handle)).toEqual(expected);
  });
});
