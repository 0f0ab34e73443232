import { InvalidInputError } from '../../common/errors/domain-error';
import { normaliseHandle } from './normalise-handle';
import { Platform } from './platform';

function refusal(input: string): InvalidInputError {
  try {
    normaliseHandle(Platform.BLUESKY, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

const DID = 'did:plc:z72i7hdynmk6r22z27h6tvur';

describe('Bluesky handles', () => {
  it.each([
    ['nhsengland.bsky.social', 'nhsengland.bsky.social'],
    ['@nhsengland.bsky.social', 'nhsengland.bsky.social'],
    ['@NHSEngland.bsky.social', 'nhsengland.bsky.social'],
    ['nhsengland', 'nhsengland.bsky.social'],
    ['@nurse-jo', 'nurse-jo.bsky.social'],
    ['england.nhs.uk', 'england.nhs.uk'],
    ['@4chan.org', '4chan.org'],
    ['xn--bcher-kva.example.com', 'xn--bcher-kva.example.com'],
    ['bsky.app/profile/nhsengland.bsky.social', 'nhsengland.bsky.social'],
    ['https://bsky.app/profile/nhsengland.bsky.social', 'nhsengland.bsky.social'],
    ['https://bsky.app/profile/England.NHS.uk/', 'england.nhs.uk'],
    ['https://bsky.app/profile/nhsengland.bsky.social/post/3kabc123xyz', 'nhsengland.bsky.social'],
    ['https://bsky.app/profile/nhsengland', 'nhsengland.bsky.social'],
    ['https://nhsengland.bsky.social', 'nhsengland.bsky.social'],
    [DID, DID],
    [`https://bsky.app/profile/${DID}`, DID],
  ])('accepts %s as %s', (input, handle) => {
    const url = `https://bsky.app/profile/${handle}`;
    expect(normaliseHandle(Platform.BLUESKY, input)).toEqual({
      handle,
      handleKey: handle,
      url,
      followUrl: url,
    });
  });

  it('accepts the longest labels and names', () => {
    const label = 'a'.repeat(63);
    const longest = `${label}.${label}.${label}.${'a'.repeat(58)}.uk`;
    expect(longest).toHaveLength(253);
    expect(normaliseHandle(Platform.BLUESKY, longest).handle).toBe(longest);
    expect(normaliseHandle(Platform.BLUESKY, label).handle).toBe(`${label}.bsky.social`);
  });

  it.each([
    ['nhs_england', 'Bluesky names are letters, digits and hyphens, like name.bsky.social'],
    ['-nhs', 'Bluesky names are letters, digits and hyphens'],
    ['a'.repeat(64), 'Bluesky names are letters, digits and hyphens'],
    ['nhs_england.bsky.social', 'Bluesky handles are domain names'],
    ['nhs..bsky.social', 'Bluesky handles are domain names'],
    ['nhs.bsky.social.', 'Bluesky handles are domain names'],
    ['john.123', 'Bluesky handles are domain names'],
    [
      `${'a'.repeat(63)}.${'a'.repeat(63)}.${'a'.repeat(63)}.${'a'.repeat(59)}.uk`,
      'Bluesky handles are domain names',
    ],
    ['zoë.bsky.social', 'Bluesky handles are domain names'],
    ['laptop.local', 'Bluesky handles cannot end in .local'],
    ['handle.invalid', 'Bluesky handles cannot end in .invalid'],
    ['did:plc:z72i7hdynmk6r22z27h6tvu', 'did:plc: followed by 24'],
    ['did:plc:Z72I7HDYNMK6R22Z27H6TVUR', 'did:plc: followed by 24'],
    ['did:web:example.com', 'did:plc: followed by 24'],
    ['https://bsky.app/search?q=nhs', 'That Bluesky link is not a profile'],
    ['https://bsky.app/', 'That Bluesky link is not a profile'],
    ['https://x.com/NHSEngland', 'That link is for X, not Bluesky'],
    ['https://england.nhs.uk/', 'That link is not on Bluesky'],
  ])('refuses %j: %s', (input, message) => {
    const error = refusal(input);
    expect(error.field).toBe('handle');
    expect(error.message).toContain(message);
  });
});
