import { AccountVisibility } from '../social-accounts/social-account.entity';
import {
  filterTags,
  fts5Match,
  hasIndexedTerms,
  likePattern,
  likePatterns,
  rowConditionTerms,
  searchDocument,
  searchQuery,
  searchText,
  searchTokens,
  tsQuery,
} from './search-text';

describe('searchTokens', () => {
  it.each([
    ['Dr Amara Okafor', ['dr', 'amara', 'okafor']],
    ['ZOË  Ó’Briain-Smith', ['zoe', 'o', 'briain', 'smith']],
    ['@jane@mastodon.social', ['jane', 'mastodon', 'social']],
    ['in/jane-smith-42', ['in', 'jane', 'smith', '42']],
    ['"quoted" OR NEAR(x*) AND -y', ['quoted', 'or', 'near', 'x', 'and', 'y']],
    ['<script>alert(1)</script>', ['script', 'alert', '1', 'script']],
    ['', []],
    [null, []],
  ])('%p → %j', (text, expected) => {
    expect(searchTokens(text)).toEqual(expected);
  });
});

// typed words only ever search the four text columns, never the filter tags
const words = (match: string) => `{name title handles bio} : (${match})`;

describe('searchQuery', () => {
  it.each([
    ['jan smi', null, words('"jan"* AND "smi"*'), 'jan:*ABD & smi:*ABD'],
    // only the viewer's own organisation token reaches org_handles (and weight C)
    [
      'jan s',
      42,
      '({name title handles bio} : "jan"* OR org_handles : "orgtok000000042jan"*)',
      '(jan:*ABD | orgtok000000042jan:*C)',
    ],
    // operators and quotes are only words: nothing reaches the engine's query syntax
    ['"ab" OR cd*', null, words('"ab"* AND "or"* AND "cd"*'), 'ab:*ABD & or:*ABD & cd:*ABD'],
    // a typed organisation tag, or its start, searches the text columns, where no tag is
    [
      'orgto',
      7,
      '({name title handles bio} : "orgto"* OR org_handles : "orgtok000000007orgto"*)',
      '(orgto:*ABD | orgtok000000007orgto:*C)',
    ],
    [
      'orgtok000000007secret',
      null,
      words('"orgtok000000007secret"*'),
      'orgtok000000007secret:*ABD',
    ],
  ])('%p (organisation %p)', (typed, organisationId, fts5, ts) => {
    const query = searchQuery(typed, organisationId)!;
    expect(fts5Match(query)).toBe(fts5);
    expect(tsQuery(query)).toBe(ts);
  });

  it('leaves single letters to a row check, not the index', () => {
    const query = searchQuery('sarah j', null)!;
    expect(fts5Match(query)).toBe(words('"sarah"*'));
    expect(tsQuery(query)).toBe('sarah:*ABD');
    expect(hasIndexedTerms(query)).toBe(true);
    const term = (word: string) => ({ word, organisationToken: null });
    expect(rowConditionTerms(query, false)).toEqual([term('j')]);
    expect(rowConditionTerms(query, true)).toEqual([term('sarah'), term('j')]);
    expect(hasIndexedTerms(searchQuery('s', 4)!)).toBe(false);
    expect(likePattern('jan')).toBe('% jan%');
  });

  it('reaches marked organisation tokens of the row text only with the viewer organisation token', () => {
    expect(likePatterns(searchQuery('o', null)!.terms[0])).toEqual(['% o%']);
    expect(likePatterns(searchQuery('o', 12)!.terms[0])).toEqual(['% o%', '% #orgtok000000012o%']);
  });

  it.each(['', '   ', '!!!', '@'])('%p searches for nothing', (typed) => {
    expect(searchQuery(typed, 1)).toBeNull();
  });

  it('adds each filter as a whole tag of the tags column', () => {
    const query = searchQuery('nurse', null)!;
    const tags = filterTags({
      organisationId: 12,
      siteId: 3,
      departmentId: 40,
      staffGroup: 'NURSING_AND_MIDWIFERY_REGISTERED',
    });
    expect(tags).toEqual(['org12', 'site3', 'dept40', 'groupnursingandmidwiferyregistered']);
    expect(fts5Match(query, ['org12', 'site3'])).toBe(
      `${words('"nurse"*')} AND tags : "org12" AND tags : "site3"`,
    );
    expect(filterTags({})).toEqual([]);
  });

  it('keeps at most eight words', () => {
    expect(searchQuery('a b c d e f g h i j', null)!.terms).toHaveLength(8);
  });
});

describe('searchDocument', () => {
  const person = {
    id: 7,
    displayName: 'Jane Smith',
    jobTitle: 'Staff Nurse',
    bio: 'Hi!',
    organisationId: 3,
    siteId: 5,
    departmentId: null,
    staffGroup: 'MEDICAL_AND_DENTAL',
  };

  it.each([
    [AccountVisibility.NHS_DIRECTORY, 'janeonx', ''],
    [AccountVisibility.ORGANISATION, '', 'orgtok000000003janeonx'],
    [AccountVisibility.ONLY_ME, '', ''],
  ])('indexes a %s handle as %p / organisation tokens %p', (visibility, handles, orgHandles) => {
    expect(searchDocument(person, [{ handle: '@JaneOnX', visibility }])).toEqual({
      staffId: 7,
      name: 'jane smith',
      title: 'staff nurse',
      handles,
      bio: 'hi',
      orgHandles,
      tags: 'org3 site5 groupmedicalanddental',
    });
  });

  it('writes the document as one line of words for a row-by-row check', () => {
    const doc = searchDocument(person, [
      { handle: '@JaneOnX', visibility: AccountVisibility.NHS_DIRECTORY },
    ]);
    // without the filter tags: a row check never matches a typed word against them
    expect(searchText(doc)).toBe(' jane smith staff nurse janeonx hi');
  });

  it('marks organisation tokens in the row text so a typed word cannot reach them', () => {
    const doc = searchDocument(person, [
      { handle: '@JaneOnX', visibility: AccountVisibility.ORGANISATION },
      { handle: '@JanePublic', visibility: AccountVisibility.NHS_DIRECTORY },
    ]);
    expect(searchText(doc)).toBe(' jane smith staff nurse janepublic hi #orgtok000000003janeonx');
  });

  it('does not index an organisation-only handle of someone with no organisation', () => {
    const doc = searchDocument({ ...person, organisationId: null }, [
      { handle: '@JaneOnX', visibility: AccountVisibility.ORGANISATION },
    ]);
    expect(doc.handles).toBe('');
    expect(doc.orgHandles).toBe('');
  });
});
