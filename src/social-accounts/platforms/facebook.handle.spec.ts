import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.FACEBOOK, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('Facebook usernames and ids', () => {
  it.each([
    ['NHSEngland', 'NHSEngland', 'nhsengland'],
    ['@NHSEngland', 'NHSEngland', 'nhsengland'],
    ['john.smith55', 'john.smith55', 'johnsmith55'],
    ['facebook.com/NHSEngland', 'NHSEngland', 'nhsengland'],
    ['https://www.facebook.com/NHSEngland/', 'NHSEngland', 'nhsengland'],
    ['https://m.facebook.com/NHSEngland?ref=bookmarks', 'NHSEngland', 'nhsengland'],
    ['https://web.facebook.com/NHSEngland', 'NHSEngland', 'nhsengland'],
    ['https://en-gb.facebook.com/NHSEngland/about', 'NHSEngland', 'nhsengland'],
    ['http://fb.com/NHSEngland', 'NHSEngland', 'nhsengland'],
    ['https://fb.me/NHSEngland', 'NHSEngland', 'nhsengland'],
    ['https://www.facebook.com/pg/NHSEngland/posts/', 'NHSEngland', 'nhsengland'],
    ['https://www.facebook.com/NHSEngland/posts/pfbid02abc', 'NHSEngland', 'nhsengland'],
  ])('accepts %s as %s', (input, handle, handleKey) => {
    const url = `https://www.facebook.com/${handle}`;
    expect(normaliseHandle(Platform.FACEBOOK, input)).toEqual({
      handle,
      handleKey,
      url,
      followUrl: url,
    });
  });

  it.each([
    ['100012345678901', '100012345678901'],
    ['4', '4'],
    ['https://www.facebook.com/profile.php?id=100012345678901', '100012345678901'],
    ['facebook.com/profile.php?id=100012345678901&sk=about', '100012345678901'],
    ['https://m.facebook.com/profile.php?id=100012345678901#', '100012345678901'],
    ['https://www.facebook.com/people/Jane-Smith/100012345678901/', '100012345678901'],
    ['https://www.facebook.com/pages/NHS-England/123456789012345', '123456789012345'],
    ['https://www.facebook.com/p/NHS-Trust-Staff-100064123456789/', '100064123456789'],
    ['https://www.facebook.com/100012345678901', '100012345678901'],
  ])('accepts %s as numeric id %s', (input, id) => {
    const url = `https://www.facebook.com/profile.php?id=${id}`;
    expect(normaliseHandle(Platform.FACEBOOK, input)).toEqual({
      handle: id,
      handleKey: id,
      url,
      followUrl: url,
    });
  });

  it('treats full stops and case as the same username', () => {
    const a = normaliseHandle(Platform.FACEBOOK, 'John.Smith55');
    const b = normaliseHandle(Platform.FACEBOOK, 'facebook.com/johnsmith55');
    expect(a.handle).toBe('John.Smith55');
    expect(a.handleKey).toBe(b.handleKey);
  });

  it.each([
    ['nhse', '5 to 50 letters, digits or full stops'],
    ['NHS-England', '5 to 50 letters, digits or full stops'],
    ['nhs_england', '5 to 50 letters, digits or full stops'],
    ['a'.repeat(51), '5 to 50 letters, digits or full stops'],
    ['12345.678', 'include at least one letter'],
    ['https://www.facebook.com/profile.php', 'has no numeric id'],
    ['https://www.facebook.com/profile.php?id=jane', 'has no numeric id'],
    ['https://www.facebook.com/people/Jane-Smith/', 'has no profile id'],
    ['https://www.facebook.com/groups/nhsstaff/', 'That is a Facebook group, not a profile'],
    ['https://www.facebook.com/share/1AbCdEf/', 'Facebook share link'],
    ['https://fb.watch/abc123/', 'link to a Facebook video'],
    ['https://www.facebook.com/watch/?v=123', 'That Facebook link is not a profile'],
    ['https://www.facebook.com/events/123456/', 'That Facebook link is not a profile'],
    ['https://www.facebook.com/photo.php?fbid=1', 'That Facebook link is not a profile'],
    ['https://www.facebook.com/', 'does not point to a profile'],
    ['https://www.instagram.com/nhsengland/', 'That link is for Instagram, not Facebook'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
