import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.WEBSITE, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('websites and blogs', () => {
  it.each([
    ['england.nhs.uk', 'https://england.nhs.uk/', 'england.nhs.uk'],
    ['www.england.nhs.uk', 'https://www.england.nhs.uk/', 'england.nhs.uk'],
    ['https://www.england.nhs.uk', 'https://www.england.nhs.uk/', 'england.nhs.uk'],
    ['http://www.england.nhs.uk/', 'http://www.england.nhs.uk/', 'england.nhs.uk'],
    ['HTTPS://WWW.England.NHS.UK/Blog/', 'https://www.england.nhs.uk/Blog/', 'england.nhs.uk/Blog'],
    [
      'england.nhs.uk/blog/nurses?page=2#comments',
      'https://england.nhs.uk/blog/nurses?page=2',
      'england.nhs.uk/blog/nurses?page=2',
    ],
    ['https://nursejo.blog.', 'https://nursejo.blog/', 'nursejo.blog'],
    [
      'https://nursejo.wordpress.com:8443/about',
      'https://nursejo.wordpress.com:8443/about',
      'nursejo.wordpress.com:8443/about',
    ],
    ['https://medium.com/@nursejo', 'https://medium.com/@nursejo', 'medium.com/@nursejo'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
    ['//england.nhs.uk/about', 'https://england.nhs.uk/about', 'england.nhs.uk/about'],
  ])('accepts %s as %s', (input, url, handleKey) => {
    expect(normaliseHandle(Platform.WEBSITE, input)).toEqual({
      handle: url,
      handleKey,
      url,
      followUrl: url,
    });
  });

  it.each([
    ['javascript:alert(1)', 'Only web links starting with http:// or https:// are accepted'],
    ['data:text/html,<h1>hi</h1>', 'Only web links starting with http:// or https://'],
    ['ftp://england.nhs.uk/', 'Only web links starting with http:// or https://'],
    ['mailto:jo@nhs.net', 'Only web links starting with http:// or https://'],
    ['https://jo:secret@england.nhs.uk/', 'cannot include a user name or password'],
    ['https://@england.nhs.uk/', 'cannot include a user name or password'],
    ['localhost:3000', 'real domain name'],
    ['https://192.168.0.1/', 'real domain name'],
    ['https://[::1]/', 'real domain name'],
    ['https://intranet/', 'real domain name'],
    ['https://exa_mple.com/', 'real domain name'],
    ['https://england.nhs.uk/my blog', 'cannot contain spaces'],
    [`https://england.nhs.uk/${'a'.repeat(2030)}`, 'at most 2048 characters'],
    [`https://england.nhs.uk/${'é'.repeat(1000)}`, 'Website links are at most 2048 characters'],
    [
      'https://www.instagram.com/nhsengland/',
      'That link is for Instagram: choose Instagram as the platform instead',
    ],
    ['x.com/NHSEngland', 'That link is for X: choose X as the platform instead'],
    ['https://uk.linkedin.com/in/jane-smith', 'That link is for LinkedIn: choose LinkedIn'],
    ['nhsengland.bsky.social', 'That link is for Bluesky: choose Bluesky'],
    ['https://mastodon.social/@NHSEngland', 'That link is for Mastodon: choose Mastodon'],
    ['https://www.youtube.com/@NHSEngland', 'That link is for YouTube: choose YouTube'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
