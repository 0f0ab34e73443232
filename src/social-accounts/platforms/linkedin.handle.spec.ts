import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.LINKEDIN, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('LinkedIn profiles', () => {
  it.each([
    ['jane-smith', 'jane-smith'],
    ['in/jane-smith', 'jane-smith'],
    ['linkedin.com/in/jane-smith', 'jane-smith'],
    ['https://www.linkedin.com/in/jane-smith', 'jane-smith'],
    ['https://www.linkedin.com/in/jane-smith/', 'jane-smith'],
    ['http://linkedin.com/in/Jane-Smith-1a2b3c4d', 'jane-smith-1a2b3c4d'],
    ['https://uk.linkedin.com/in/jane-smith', 'jane-smith'],
    ['https://www.linkedin.com/in/jane-smith?originalSubdomain=uk', 'jane-smith'],
    ['https://www.linkedin.com/in/jane-smith/recent-activity/all/', 'jane-smith'],
    ['https://m.linkedin.com/in/jane-smith#experience', 'jane-smith'],
    ['https://www.linkedin.com/in/abc', 'abc'],
    ['https://www.linkedin.com/in/' + 'a'.repeat(100), 'a'.repeat(100)],
  ])('accepts %s as in/%s', (input, slug) => {
    const url = `https://www.linkedin.com/in/${slug}`;
    expect(normaliseHandle(Platform.LINKEDIN, input)).toEqual({
      handle: `in/${slug}`,
      handleKey: `in/${slug}`,
      url,
      followUrl: url,
    });
  });

  it('keeps a percent-encoded unicode slug decoded for display and encoded in the URL', () => {
    expect(
      normaliseHandle(
        Platform.LINKEDIN,
        'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123/',
      ),
    ).toEqual({
      handle: 'in/jürgen-müller-123',
      handleKey: 'in/jürgen-müller-123',
      url: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123',
      followUrl: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123',
    });
    expect(normaliseHandle(Platform.LINKEDIN, 'in/jürgen-müller-123').handle).toBe(
      'in/jürgen-müller-123',
    );
  });

  it.each([
    [
      'https://www.linkedin.com/company/nhs-england/',
      'That is a LinkedIn company page, not a personal profile: paste your linkedin.com/in/… address',
    ],
    ['company/nhs-england', 'LinkedIn company page, not a personal profile'],
    [
      'https://www.linkedin.com/school/university-of-leeds/',
      'LinkedIn school page, not a personal profile',
    ],
    ['https://www.linkedin.com/showcase/nhs-jobs/', 'LinkedIn showcase page'],
    ['https://www.linkedin.com/pulse/my-article-jane-smith', 'LinkedIn article'],
    ['https://www.linkedin.com/posts/jane-smith_activity-1234', 'LinkedIn post'],
    ['https://www.linkedin.com/pub/jane-smith/12/345/678', 'old-style LinkedIn link'],
    ['https://lnkd.in/eAbCdEf', 'shortened LinkedIn link'],
    ['https://www.linkedin.com/', 'That LinkedIn link is not a profile'],
    ['https://www.linkedin.com/in/', 'That LinkedIn link is not a profile'],
    ['js', '3 to 100 letters, digits or hyphens'],
    ['jane_smith', '3 to 100 letters, digits or hyphens'],
    ['https://www.linkedin.com/in/' + 'a'.repeat(101), '3 to 100 letters, digits or hyphens'],
    ['https://www.linkedin.com/in/jane%E0%A4', 'broken %-encoded character'],
    ['https://www.xing.com/profile/Jane_Smith', 'That link is not on LinkedIn'],
    ['https://x.com/janesmith', 'That link is for X, not LinkedIn'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
