/** Rules for free text people type into their profile (and the guidance the comms team writes). */

// C0/C1 controls, and the bidirectional overrides and isolates that make text read differently
// from how it is stored ("Trojan Source"). Joiners stay: emoji sequences need them.
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export interface PlainTextRule {
  maxLength: number;
  /** Line breaks allowed (a bio); everywhere else a control character is refused. */
  multiline?: boolean;
}

/** Trims, and turns Windows and old Mac line endings into `\n`, before the rule is checked. */
export function tidyText(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;
}

/**
 * Why this text cannot be stored, or null when it can. HTML is not a problem: it is stored
 * as typed and every client shows it as text.
 */
export function plainTextProblem(value: string, rule: PlainTextRule): string | null {
  if ([...value].length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters`;
  }
  if (CONTROL.test(rule.multiline ? value.replaceAll('\n', '') : value)) {
    return rule.multiline
      ? 'must not contain control characters (line breaks are fine)'
      : 'must not contain control characters such as tabs or line breaks';
  }
  return null;
}
