import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.THREADS, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('Threads usernames', () => {
  it.each([
    ['nhsengland', 'nhsengland'],
    ['@nhsengland', 'nhsengland'],
    ['@NHS.England', 'nhs.england'],
    ['nhs_england_', 'nhs_england_'],
    ['threads.net/@nhsengland', 'nhsengland'],
    ['https://www.threads.net/@nhsengland', 'nhsengland'],
    ['https://www.threads.com/@nhsengland', 'nhsengland'],
    ['https://threads.com/@NHSEngland/', 'nhsengland'],
    ['https://www.threads.com/@nhsengland?xmt=AQGz&hl=en', 'nhsengland'],
    ['https://www.threads.net/@nhsengland/post/C8abcDEFghi', 'nhsengland'],
    ['http://threads.net/@nhsengland#replies', 'nhsengland'],
  ])('accepts %s as @%s', (input, name) => {
    const url = `https://www.threads.com/@${name}`;
    expect(normaliseHandle(Platform.THREADS, input)).toEqual({
      handle: `@${name}`,
      handleKey: `@${name}`,
      url,
      followUrl: url,
    });
  });

  it.each([
    ['a234567890123456789012345678901', 'Threads usernames are at most 30 letters'],
    ['nhs-england', 'Threads usernames are at most 30 letters'],
    ['.nhsengland', 'cannot start or end with a full stop'],
    ['nhs..england', 'two full stops in a row'],
    [
      'https://www.threads.com/nhsengland',
      'That Threads link is not a profile: paste a link like threads.com/@name',
    ],
    ['https://www.threads.com/search?q=nhs', 'That Threads link is not a profile'],
    ['https://www.threads.com/@', 'That Threads link is not a profile'],
    ['https://www.threads.com/', 'That Threads link is not a profile'],
    ['https://www.instagram.com/nhsengland/', 'That link is for Instagram, not Threads'],
    ['https://mastodon.social/@nhsengland', 'That link is for Mastodon, not Threads'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
