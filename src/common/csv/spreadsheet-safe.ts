/**
 * Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP): `=`, `+`,
 * `-`, `@`, and tab or carriage return, which some spreadsheets skip before looking for one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as text a spreadsheet shows as written: one that would start a formula gets a leading
 * apostrophe, which spreadsheets hide and treat as "this is text". Everything else is unchanged
 * (null and undefined become empty).
 */
export function spreadsheetSafe(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Every cell of a row made spreadsheet-safe. */
export function spreadsheetSafeRow(row: readonly (string | number | null | undefined)[]): string[] {
  return row.map(spreadsheetSafe);
}
