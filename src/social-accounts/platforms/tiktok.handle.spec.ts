import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.TIKTOK, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('TikTok usernames', () => {
  it.each([
    ['nhsengland', 'nhsengland'],
    ['@nhsengland', 'nhsengland'],
    ['@NHS_England', 'nhs_england'],
    ['nhs.england', 'nhs.england'],
    ['.nhs', '.nhs'],
    ['ab', 'ab'],
    ['a23456789012345678901234', 'a23456789012345678901234'],
    ['tiktok.com/@nhsengland', 'nhsengland'],
    ['https://www.tiktok.com/@nhsengland', 'nhsengland'],
    ['https://www.tiktok.com/@nhsengland?lang=en', 'nhsengland'],
    ['https://m.tiktok.com/@nhsengland/', 'nhsengland'],
    ['https://www.tiktok.com/@nhsengland/video/7300000000000000000?is_from_webapp=1', 'nhsengland'],
    ['http://tiktok.com/@NHSEngland#top', 'nhsengland'],
  ])('accepts %s as @%s', (input, name) => {
    const url = `https://www.tiktok.com/@${name}`;
    expect(normaliseHandle(Platform.TIKTOK, input)).toEqual({
      handle: `@${name}`,
      handleKey: `@${name}`,
      url,
      followUrl: url,
    });
  });

  it.each([
    ['a', '2 to 24 letters, digits, full stops or underscores'],
    ['a234567890123456789012345', '2 to 24 letters, digits, full stops or underscores'],
    ['nhs-england', '2 to 24 letters, digits, full stops or underscores'],
    ['nhsengland.', 'cannot end with a full stop'],
    ['https://vm.tiktok.com/ZMabc123/', 'shortened TikTok link'],
    ['https://www.tiktok.com/t/ZTabc123/', 'shortened TikTok link'],
    [
      'https://www.tiktok.com/nhsengland',
      'That TikTok link is not a profile: paste a link like tiktok.com/@name',
    ],
    ['https://www.tiktok.com/', 'That TikTok link is not a profile'],
    ['https://www.tiktok.com/discover/nhs', 'That TikTok link is not a profile'],
    ['https://www.youtube.com/@nhsengland', 'That link is for YouTube, not TikTok'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
