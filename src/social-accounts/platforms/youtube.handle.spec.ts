import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.YOUTUBE, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

const CHANNEL = 'UCabcdefghijklmnopqrstuv';

describe('YouTube channels', () => {
  it.each([
    ['@NHSEngland', '@NHSEngland', '@nhsengland', '@NHSEngland'],
    ['NHSEngland', '@NHSEngland', '@nhsengland', '@NHSEngland'],
    ['@nhs.england_-1', '@nhs.england_-1', '@nhs.england_-1', '@nhs.england_-1'],
    ['youtube.com/@NHSEngland', '@NHSEngland', '@nhsengland', '@NHSEngland'],
    ['https://www.youtube.com/@NHSEngland', '@NHSEngland', '@nhsengland', '@NHSEngland'],
    [
      'https://m.youtube.com/@NHSEngland/videos?view=0',
      '@NHSEngland',
      '@nhsengland',
      '@NHSEngland',
    ],
    ['http://youtube.com/%40NHSEngland/', '@NHSEngland', '@nhsengland', '@NHSEngland'],
    ['https://www.youtube.com/@NHSEngland#about', '@NHSEngland', '@nhsengland', '@NHSEngland'],
    [CHANNEL, CHANNEL, CHANNEL, `channel/${CHANNEL}`],
    [`channel/${CHANNEL}`, CHANNEL, CHANNEL, `channel/${CHANNEL}`],
    [`https://www.youtube.com/channel/${CHANNEL}`, CHANNEL, CHANNEL, `channel/${CHANNEL}`],
    [
      `https://music.youtube.com/channel/${CHANNEL}/featured`,
      CHANNEL,
      CHANNEL,
      `channel/${CHANNEL}`,
    ],
    [
      'https://www.youtube.com/user/NHSChoices',
      'user/NHSChoices',
      'user/nhschoices',
      'user/NHSChoices',
    ],
    ['https://www.youtube.com/c/NHSEngland/videos', 'c/NHSEngland', 'c/nhsengland', 'c/NHSEngland'],
    ['https://www.youtube.com/NHSEngland', 'c/NHSEngland', 'c/nhsengland', 'c/NHSEngland'],
  ])('accepts %s as %s', (input, handle, handleKey, path) => {
    const url = `https://www.youtube.com/${path}`;
    expect(normaliseHandle(Platform.YOUTUBE, input)).toEqual({
      handle,
      handleKey,
      url,
      followUrl: `${url}?sub_confirmation=1`,
    });
  });

  it('keeps a channel id case-sensitive', () => {
    const upper = normaliseHandle(Platform.YOUTUBE, 'UCABCDEFGHIJKLMNOPQRSTUV');
    expect(upper.handleKey).not.toBe(normaliseHandle(Platform.YOUTUBE, CHANNEL).handleKey);
  });

  it('accepts a handle in another script, encoded in the URL', () => {
    expect(
      normaliseHandle(Platform.YOUTUBE, 'https://www.youtube.com/@%ED%95%9C%EA%B5%AD%EC%96%B4'),
    ).toMatchObject({
      handle: '@한국어',
      url: 'https://www.youtube.com/@%ED%95%9C%EA%B5%AD%EC%96%B4',
    });
  });

  it.each([
    ['@ab', '3 to 30 letters, digits, underscores, hyphens or full stops'],
    ['@' + 'a'.repeat(31), '3 to 30 letters'],
    ['@nhs!england', '3 to 30 letters'],
    ['https://www.youtube.com/channel/UCshort', 'YouTube channel ids are UC followed by 22'],
    [
      'https://www.youtube.com/channel/XXabcdefghijklmnopqrstuv',
      'YouTube channel ids are UC followed by 22',
    ],
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'That is a link to a YouTube video, not a channel. Open the channel and copy its address, like youtube.com/@NHSEngland',
    ],
    ['https://youtu.be/dQw4w9WgXcQ', 'link to a YouTube video'],
    ['https://www.youtube.com/shorts/abc123', 'link to a YouTube video'],
    ['https://www.youtube.com/playlist?list=PL123', 'That YouTube link is not a channel'],
    ['https://www.youtube.com/results?search_query=nhs', 'That YouTube link is not a channel'],
    ['https://www.youtube.com/channel/', 'That YouTube link is not a channel'],
    ['https://www.youtube.com/', 'does not point to a channel'],
    ['https://www.youtube.com/user/NHS!', 'YouTube custom channel names'],
    ['https://www.tiktok.com/@nhsengland', 'That link is for TikTok, not YouTube'],
    ['https://vimeo.com/nhsengland', 'That link is not on YouTube'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
