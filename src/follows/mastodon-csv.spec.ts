import { parse } from 'csv-parse/sync';
import { MASTODON_IMPORT_MAX_ROWS, mastodonFollowCsv } from './mastodon-csv';

describe('mastodonFollowCsv', () => {
  it('writes the header Mastodon expects and one account per row, without the leading @', () => {
    const csv = mastodonFollowCsv(['@jo@mastodon.social', '@sam@nhs.social']);
    expect(csv).toBe(
      'Account address,Show boosts,Notify on new posts,Languages\n' +
        'jo@mastodon.social,true,false,\n' +
        'sam@nhs.social,true,false,\n',
    );
  });

  it.each([[['@jo']], [['not an address']], [[]]])(
    'skips %j, which is not an address',
    (handles) => {
      expect(parse(mastodonFollowCsv(handles))).toEqual([
        ['Account address', 'Show boosts', 'Notify on new posts', 'Languages'],
      ]);
    },
  );

  it(`stops at Mastodon's limit of ${MASTODON_IMPORT_MAX_ROWS} rows`, () => {
    const handles = Array.from(
      { length: MASTODON_IMPORT_MAX_ROWS + 5 },
      (_, i) => `@u${i}@x.social`,
    );
    expect(parse(mastodonFollowCsv(handles))).toHaveLength(MASTODON_IMPORT_MAX_ROWS + 1);
  });
});
