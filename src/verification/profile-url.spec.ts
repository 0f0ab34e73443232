import { Platform } from '../social-accounts/platforms/platform';
import { profileKeysOf } from './profile-url';

describe('profile links for the public check', () => {
  it.each([
    'https://x.com/NHSEngland',
    'https://twitter.com/nhsengland?lang=en',
    'mobile.twitter.com/NHSEngland/',
    'http://www.x.com/NHSEngland',
  ])('%s names the X account @nhsengland', (url) => {
    expect(profileKeysOf(url)).toEqual([{ platform: Platform.X, handleKey: '@nhsengland' }]);
  });

  it('reads a Mastodon link on any server (or, failing that, a website)', () => {
    expect(profileKeysOf('https://nhs.social/@Jane')).toContainEqual({
      platform: Platform.MASTODON,
      handleKey: '@jane@nhs.social',
    });
  });

  it('reads a LinkedIn company page, which only an official account can be', () => {
    expect(profileKeysOf('https://uk.linkedin.com/company/NHS-England/')).toEqual([
      { platform: Platform.LINKEDIN, handleKey: 'company/nhs-england' },
    ]);
    expect(profileKeysOf('linkedin.com/in/jane-smith')).toEqual([
      { platform: Platform.LINKEDIN, handleKey: 'in/jane-smith' },
    ]);
  });

  it('takes a bare handle only with its platform', () => {
    expect(profileKeysOf('@NHSEngland', Platform.X)).toEqual([
      { platform: Platform.X, handleKey: '@nhsengland' },
    ]);
  });

  it.each(['', 'not a url', 'javascript:alert(1)'])('%j names nothing', (url) => {
    expect(profileKeysOf(url)).toEqual([]);
  });
});
