import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.MASTODON, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('Mastodon handles', () => {
  it.each([
    ['@NHSEngland@mastodon.social', 'NHSEngland', 'mastodon.social'],
    ['NHSEngland@mastodon.social', 'NHSEngland', 'mastodon.social'],
    ['acct:nurse_jo@mastodon.nhs.uk', 'nurse_jo', 'mastodon.nhs.uk'],
    ['@jo@Mastodon.Online', 'jo', 'mastodon.online'],
    ['https://mastodon.social/@NHSEngland', 'NHSEngland', 'mastodon.social'],
    ['mastodon.social/@NHSEngland', 'NHSEngland', 'mastodon.social'],
    ['http://mastodon.social/@NHSEngland/', 'NHSEngland', 'mastodon.social'],
    ['https://mastodon.social/users/NHSEngland', 'NHSEngland', 'mastodon.social'],
    ['https://mastodon.social/@NHSEngland/112233445566778899', 'NHSEngland', 'mastodon.social'],
    ['https://mastodon.social/@NHSEngland?page=1#posts', 'NHSEngland', 'mastodon.social'],
    ['https://mastodon.social/web/@NHSEngland', 'NHSEngland', 'mastodon.social'],
    ['https://mastodon.social/@jo@fosstodon.org', 'jo', 'fosstodon.org'],
    ['https://www.mastodon.scot/@jo', 'jo', 'www.mastodon.scot'],
    ['@jo@bücher.social', 'jo', 'xn--bcher-kva.social'],
    ['@' + 'a'.repeat(30) + '@med-mastodon.com', 'a'.repeat(30), 'med-mastodon.com'],
  ])('accepts %s as @%s@%s', (input, username, server) => {
    const handle = `@${username}@${server}`;
    const url = `https://${server}/@${username}`;
    expect(normaliseHandle(Platform.MASTODON, input)).toEqual({
      handle,
      handleKey: handle.toLowerCase(),
      url,
      followUrl: url,
    });
  });

  it.each([
    ['NHSEngland', 'Mastodon handles include the server, like @name@mastodon.social'],
    ['@NHSEngland', 'Mastodon handles include the server'],
    ['@NHSEngland@', 'Mastodon handles include the server'],
    ['@a@b@mastodon.social', 'Mastodon handles look like @name@mastodon.social'],
    ['@nhs.england@mastodon.social', 'can only have the letters A to Z, digits and underscores'],
    ['@<b>@mastodon.social', 'can only have the letters A to Z, digits and underscores'],
    [
      '@' + 'a'.repeat(31) + '@mastodon.social',
      'Mastodon usernames are at most 30 characters long',
    ],
    ['@jo@localhost', 'The server in a Mastodon handle is a domain name'],
    ['@jo@mastodon', 'The server in a Mastodon handle is a domain name'],
    ['@jo@-bad-.social', 'The server in a Mastodon handle is a domain name'],
    ['@jo@192.168.0.1', 'The server in a Mastodon handle is a domain name'],
    ['@jo@mastodon.social:443', 'The server in a Mastodon handle is a domain name'],
    ['@zuck@threads.net', 'That is a Threads account: choose Threads as the platform instead'],
    ['https://mastodon.social/about', 'That Mastodon link is not a profile'],
    ['https://mastodon.social/', 'That Mastodon link is not a profile'],
    ['https://x.com/NHSEngland', 'That link is for X, not Mastodon'],
    ['https://www.threads.com/@nhsengland', 'That link is for Threads, not Mastodon'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
