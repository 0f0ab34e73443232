import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe, spreadsheetSafeRow } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['@NHSEngland', "'@NHSEngland"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j', (input, expected) => {
    expect(spreadsheetSafe(input)).toBe(expected);
  });

  it.each([
    ['Jane Smith', 'Jane Smith'],
    ['Staff Nurse', 'Staff Nurse'],
    ['a=b', 'a=b'],
    ['jane@example.nhs.uk', 'jane@example.nhs.uk'],
    ["O'Neil", "O'Neil"],
    [' =1', ' =1'],
    ['', ''],
  ])('leaves %j as it is', (input, expected) => {
    expect(spreadsheetSafe(input)).toBe(expected);
  });

  it('makes nothing of null and undefined, and text of numbers', () => {
    expect(spreadsheetSafeRow([null, undefined, 12, -3])).toEqual(['', '', '12', "'-3"]);
  });

  it('survives CSV quoting: the apostrophe stays first in the cell', () => {
    const csv = stringify([spreadsheetSafeRow(['=cmd|" /C calc"!A0', 'plain'])]);
    expect(csv).toBe(`"'=cmd|"" /C calc""!A0",plain\n`);
  });
});
