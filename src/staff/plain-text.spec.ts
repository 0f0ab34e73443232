import { plainTextProblem, tidyText } from './plain-text';

describe('plainTextProblem', () => {
  it.each([
    ['plain words', 'Porter', {}, null],
    ['exactly the limit', 'a'.repeat(10), {}, null],
    ['one over the limit', 'a'.repeat(11), {}, 'must be at most 10 characters'],
    ['emoji sequences keep their joiners', '👩‍⚕️'.repeat(2), {}, null],
    ['HTML is only text', '<script>alert(1)</script>', { maxLength: 100 }, null],
    ['a tab', 'a\tb', {}, 'must not contain control characters such as tabs or line breaks'],
    [
      'a line break in one line',
      'a\nb',
      {},
      'must not contain control characters such as tabs or line breaks',
    ],
    ['a line break in a bio', 'a\nb', { multiline: true }, null],
    [
      'a NUL in a bio',
      'a\u0000b',
      { multiline: true },
      'must not contain control characters (line breaks are fine)',
    ],
    [
      'a bidi override',
      'abc\u202Edcba',
      {},
      'must not contain control characters such as tabs or line breaks',
    ],
    [
      'a DEL character',
      'a\u007F',
      {},
      'must not contain control characters such as tabs or line breaks',
    ],
    ['accents and other scripts', 'Zoë Ó Briain — नर्स', { maxLength: 100 }, null],
  ])('%s', (_case, value, rule, expected) => {
    expect(plainTextProblem(value, { maxLength: 10, ...rule })).toBe(expected);
  });
});

describe('tidyText', () => {
  it.each([
    ['  padded  ', 'padded'],
    ['line one\r\nline two\rline three', 'line one\nline two\nline three'],
    [42, 42],
    [null, null],
  ])('%p → %p', (input, expected) => {
    expect(tidyText(input)).toBe(expected);
  });
});
