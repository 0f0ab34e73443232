import { closeSpellings, editsToPrefix, trigrams } from './search-text';

describe('close spellings (the typo fallback)', () => {
  it('counts the edits from a typed word to the start of a word', () => {
    expect(editsToPrefix('aisa', 'aisha')).toBe(1);
    expect(editsToPrefix('cardiolgy', 'cardiology')).toBe(1);
    expect(editsToPrefix('cradiology', 'cardiology')).toBe(1); // neighbours swapped
    expect(editsToPrefix('smiht', 'smith')).toBe(1);
    expect(editsToPrefix('aish', 'aisha')).toBe(0);
    expect(editsToPrefix('zzzz', 'aisha')).toBe(4);
  });

  it('keeps words within the allowed edits, best first, never the word itself', () => {
    expect(closeSpellings('aisa', ['aisha', 'aida', 'alisa', 'zed', 'aisa', 'aisling'])).toEqual([
      'aida',
      'aisha',
      'alisa',
      'aisling',
    ]);
    expect(closeSpellings('cardiolgy', ['cardiology', 'radiology'])).toEqual(['cardiology']);
    expect(closeSpellings('qqqqqq', ['aisha'])).toEqual([]);
  });

  it('splits a word into the trigrams FTS5 indexes', () => {
    expect(trigrams('aisa')).toEqual(['ais', 'isa']);
    expect(trigrams('ai')).toEqual([]);
  });
});
