import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.INSTAGRAM, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('Instagram usernames', () => {
  it.each([
    ['nhsengland', 'nhsengland'],
    ['@nhsengland', 'nhsengland'],
    ['@NHSEngland', 'nhsengland'],
    ['nhs.england_', 'nhs.england_'],
    ['_nhs_', '_nhs_'],
    ['a', 'a'],
    ['a23456789012345678901234567890', 'a23456789012345678901234567890'],
    ['instagram.com/nhsengland', 'nhsengland'],
    ['https://www.instagram.com/nhsengland/', 'nhsengland'],
    ['http://instagram.com/NHSEngland', 'nhsengland'],
    ['https://www.instagram.com/nhsengland/?hl=en-gb', 'nhsengland'],
    ['https://instagram.com/nhsengland?igsh=MWx0bWZ5&utm_source=qr#x', 'nhsengland'],
    ['https://m.instagram.com/nhsengland/reels/', 'nhsengland'],
    ['https://www.instagram.com/stories/nhsengland/3300000000000000000/', 'nhsengland'],
    ['https://instagram.com/_u/nhsengland', 'nhsengland'],
    ['https://instagr.am/nhsengland', 'nhsengland'],
  ])('accepts %s as @%s', (input, name) => {
    const url = `https://www.instagram.com/${name}/`;
    expect(normaliseHandle(Platform.INSTAGRAM, input)).toEqual({
      handle: `@${name}`,
      handleKey: `@${name}`,
      url,
      followUrl: url,
    });
  });

  it.each([
    ['a234567890123456789012345678901', 'at most 30 letters, digits, full stops or underscores'],
    ['nhs-england', 'at most 30 letters, digits, full stops or underscores'],
    ['nhs england', 'cannot contain spaces'],
    ['.nhsengland', 'cannot start or end with a full stop'],
    ['nhsengland.', 'cannot start or end with a full stop'],
    ['nhs..england', 'two full stops in a row'],
    [
      'https://www.instagram.com/p/C1a2b3c4d5e/',
      'That is a link to an Instagram post, not a profile',
    ],
    ['https://www.instagram.com/reel/C1a2b3c4d5e/', 'link to an Instagram post'],
    ['https://www.instagram.com/explore/tags/nhs/', 'That Instagram link is not a profile'],
    ['https://www.instagram.com/accounts/login/', 'That Instagram link is not a profile'],
    ['https://www.instagram.com/', 'does not point to a profile'],
    ['instagram.com', 'does not point to a profile'],
    ['https://www.threads.com/@nhsengland', 'That link is for Threads, not Instagram'],
    ['https://www.tiktok.com/@nhsengland', 'That link is for TikTok, not Instagram'],
    ['https://pixelfed.social/nhsengland', 'That link is not on Instagram'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
