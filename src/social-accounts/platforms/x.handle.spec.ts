import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.X, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('X handles', () => {
  it.each([
    ['NHSEngland', 'NHSEngland'],
    ['@NHSEngland', 'NHSEngland'],
    ['  @NHSEngland \n', 'NHSEngland'],
    ['x.com/NHSEngland', 'NHSEngland'],
    ['https://x.com/NHSEngland', 'NHSEngland'],
    ['https://twitter.com/NHSEngland/', 'NHSEngland'],
    ['http://www.twitter.com/NHSEngland?lang=en', 'NHSEngland'],
    ['https://mobile.twitter.com/NHSEngland', 'NHSEngland'],
    ['https://twitter.com/#!/NHSEngland', 'NHSEngland'],
    ['https://x.com/NHSEngland/status/1790000000000000000', 'NHSEngland'],
    ['https://x.com/NHSEngland?s=21&t=abc#top', 'NHSEngland'],
    ['https://X.COM/@NHSEngland', 'NHSEngland'],
    ['https://twitter.com/intent/follow?screen_name=NHSEngland', 'NHSEngland'],
    ['https://x.com/intent/user?screen_name=@NHSEngland', 'NHSEngland'],
    ['www.x.com/NHSEngland/with_replies', 'NHSEngland'],
    ['x', 'x'],
    ['a_b_c_d_e_f_g_h', 'a_b_c_d_e_f_g_h'],
    ['_123', '_123'],
  ])('accepts %s as @%s', (input, name) => {
    expect(normaliseHandle(Platform.X, input)).toEqual({
      handle: `@${name}`,
      handleKey: `@${name.toLowerCase()}`,
      url: `https://x.com/${name}`,
      followUrl: `https://x.com/intent/follow?screen_name=${name}`,
    });
  });

  it('keeps the case for display and lowercases the key', () => {
    const a = normaliseHandle(Platform.X, '@NHSEngland');
    const b = normaliseHandle(Platform.X, 'https://twitter.com/nhsengland');
    expect(a.handle).toBe('@NHSEngland');
    expect(b.handle).toBe('@nhsengland');
    expect(a.handleKey).toBe(b.handleKey);
  });

  it.each([
    ['abcdefghijklmnop', 'X handles are at most 15 characters long'],
    ['NHS-England', 'X handles can only have the letters A to Z, digits and underscores'],
    ['NHS.England', 'can only have the letters A to Z, digits and underscores'],
    ['@@NHSEngland', 'can only have the letters A to Z, digits and underscores'],
    ['Zoë', 'can only have the letters A to Z, digits and underscores'],
    // a short input of the wrong characters is not "too long"
    ['<script>', 'X handles can only have the letters A to Z, digits and underscores'],
    ['<b>', 'can only have the letters A to Z, digits and underscores'],
    ['NHS England', 'cannot contain spaces'],
    ['', 'Enter a handle or profile link'],
    ['@', 'Enter a handle or profile link'],
    ['https://x.com/home', 'x.com/home is not a profile'],
    ['https://x.com/i/lists/123', 'x.com/i is not a profile'],
    ['https://twitter.com/search?q=nhs', 'x.com/search is not a profile'],
    ['https://x.com/explore', 'x.com/explore is not a profile'],
    ['https://x.com/hashtag/NHS', 'x.com/hashtag is not a profile'],
    ['https://x.com/intent/follow', 'has no screen_name'],
    ['https://x.com/i/user/12345', 'numeric X account id'],
    ['https://x.com/', 'does not point to a profile'],
    ['https://x.com/NHS-England', 'can only have the letters A to Z, digits and underscores'],
    ['https://www.instagram.com/nhsengland/', 'That link is for Instagram, not X'],
    ['https://bsky.app/profile/nhsengland.bsky.social', 'That link is for Bluesky, not X'],
    ['https://example.com/NHSEngland', 'That link is not on X: paste a link like x.com/NHSEngland'],
    ['ftp://x.com/NHSEngland', 'http:// or https://'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(message);
  });
});
