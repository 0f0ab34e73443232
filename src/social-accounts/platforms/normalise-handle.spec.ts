import { InvalidInputError } from '../../common/errors/domain-error';
import {
  normaliseHandle,
  PLATFORM_RULES,
  platformForHost,
  previewHandle,
} from './normalise-handle';
import { Platform, PLATFORM_LABELS } from './platform';

function refusal(platform: Platform, input: string): InvalidInputError {
  try {
    normaliseHandle(platform, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

const PLATFORMS = Object.values(Platform);

describe('normaliseHandle', () => {
  it('has rules and a label for every platform', () => {
    for (const platform of PLATFORMS) {
      expect(PLATFORM_RULES[platform].platform).toBe(platform);
      expect(PLATFORM_LABELS[platform]).toEqual(expect.any(String));
    }
  });

  describe.each(PLATFORMS)('on %s', (platform) => {
    it.each([
      ['', 'Enter a handle or profile link'],
      ['   ', 'Enter a handle or profile link'],
      ['\n\t', 'Enter a handle or profile link'],
      ['ab\tcd', 'hidden control character'],
      ['ab\u0000cd', 'hidden control character'],
      ['ab\u200bcd', 'hidden control character'],
      ['ab\u202ecd', 'hidden control character'],
      ['ab cd', 'cannot contain spaces'],
      ['ab\u00a0cd', 'cannot contain spaces'],
      ['a'.repeat(2049), 'at most 2048 characters'],
      ['javascript:alert(1)', 'http:// or https://'],
      ['https://exa mple.com/', 'cannot contain spaces'],
      ['https://', 'not a valid web address'],
    ])('refuses %j: %s', (input, message) => {
      const error = refusal(platform, input);
      expect(error.field).toBe('handle');
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(message);
    });
  });

  it.each([
    [Platform.X, 'https://www.facebook.com/NHSEngland', 'That link is for Facebook, not X'],
    [Platform.INSTAGRAM, 'https://x.com/NHSEngland', 'That link is for X, not Instagram'],
    [
      Platform.FACEBOOK,
      'https://www.linkedin.com/in/jane',
      'That link is for LinkedIn, not Facebook',
    ],
    [
      Platform.LINKEDIN,
      'https://www.facebook.com/jane.smith',
      'That link is for Facebook, not LinkedIn',
    ],
    [Platform.THREADS, 'https://www.tiktok.com/@jane', 'That link is for TikTok, not Threads'],
    [Platform.TIKTOK, 'https://www.threads.net/@jane', 'That link is for Threads, not TikTok'],
    [
      Platform.YOUTUBE,
      'https://bsky.app/profile/jane.bsky.social',
      'That link is for Bluesky, not YouTube',
    ],
    [Platform.BLUESKY, 'https://www.youtube.com/@jane', 'That link is for YouTube, not Bluesky'],
    [
      Platform.MASTODON,
      'https://www.instagram.com/jane/',
      'That link is for Instagram, not Mastodon',
    ],
    [Platform.X, 'instagram.com', 'That link is for Instagram, not X'],
  ])('on %s refuses a link for another platform: %s', (platform, input, message) => {
    expect(refusal(platform, input).message).toBe(message);
  });

  it.each([
    [Platform.X, '@NHSEngland@mastodon.social', 'enter just the X handle'],
    [Platform.INSTAGRAM, 'jo.bloggs@nhs.net', 'That looks like an email or Mastodon address'],
    [Platform.BLUESKY, '@jo@bsky.social', 'enter just the Bluesky handle'],
  ])('on %s refuses the address %s', (platform, input, message) => {
    expect(refusal(platform, input).message).toContain(message);
  });

  it.each([
    [Platform.X, 'NHSEngland/', '@NHSEngland'],
    [Platform.MASTODON, '@jo@mastodon.social/', '@jo@mastodon.social'],
    [Platform.YOUTUBE, 'UCabcdefghijklmnopqrstuv/', 'UCabcdefghijklmnopqrstuv'],
    [Platform.LINKEDIN, 'in/jane-smith//', 'in/jane-smith'],
  ])('on %s ignores trailing slashes after a name: %s', (platform, input, handle) => {
    expect(normaliseHandle(platform, input).handle).toBe(handle);
  });

  it.each([
    ['x.com', Platform.X],
    ['mobile.twitter.com', Platform.X],
    ['uk.linkedin.com', Platform.LINKEDIN],
    ['web.facebook.com', Platform.FACEBOOK],
    ['nhsengland.bsky.social', Platform.BLUESKY],
    ['www.threads.net', Platform.THREADS],
    ['vm.tiktok.com', Platform.TIKTOK],
    ['youtu.be', Platform.YOUTUBE],
    ['mastodon.social', Platform.MASTODON],
    ['notx.com', undefined],
    ['england.nhs.uk', undefined],
  ])('knows the platform of host %s', (host, platform) => {
    expect(platformForHost(host)).toBe(platform);
  });

  it.each(['MYSPACE', 'constructor', 'toString'])('refuses the unknown platform %s', (platform) => {
    expect(refusal(platform as Platform, 'tom').message).toBe('Choose a platform for this account');
  });
});

describe('previewHandle', () => {
  it.each([
    [Platform.X, 'https://twitter.com/NHSEngland', '@NHSEngland', 'https://x.com/NHSEngland'],
    [
      Platform.MASTODON,
      'NHSEngland@mastodon.social',
      '@NHSEngland@mastodon.social',
      'https://mastodon.social/@NHSEngland',
    ],
    [
      Platform.BLUESKY,
      'nhsengland',
      'nhsengland.bsky.social',
      'https://bsky.app/profile/nhsengland.bsky.social',
    ],
    [Platform.WEBSITE, 'england.nhs.uk', 'https://england.nhs.uk/', 'https://england.nhs.uk/'],
  ])('previews a valid %s input %s', (platform, input, handle, url) => {
    expect(previewHandle(platform, input)).toEqual({ valid: true, handle, url, error: null });
  });

  it.each([
    [Platform.X, 'abcdefghijklmnop', 'X handles are at most 15 characters long'],
    [Platform.X, '<script>', 'X handles can only have the letters A to Z, digits and underscores'],
    [
      Platform.MASTODON,
      'NHSEngland',
      'Mastodon handles include the server, like @name@mastodon.social',
    ],
    [Platform.X, '', 'Enter a handle or profile link'],
    [Platform.X, undefined as unknown as string, 'Enter a handle or profile link'],
    [Platform.X, 42 as unknown as string, 'Enter a handle or profile link'],
    ['MYSPACE' as Platform, 'tom', 'Choose a platform for this account'],
  ])('previews an invalid %s input %j with its reason', (platform, input, error) => {
    expect(previewHandle(platform, input)).toEqual({
      valid: false,
      handle: null,
      url: null,
      error,
    });
  });
});
