import { stringify } from 'csv-stringify/sync';
import { mastodonAddress } from './follow-links';

/** Mastodon's "Following list" import refuses files over this many rows. */
export const MASTODON_IMPORT_MAX_ROWS = 20_000;

export const MASTODON_CSV_HEADER = [
  'Account address',
  'Show boosts',
  'Notify on new posts',
  'Languages',
] as const;

/** Mastodon's follow-import CSV (Preferences → Import and export → Following list). */
export function mastodonFollowCsv(handles: string[]): string {
  const rows = handles
    .map(mastodonAddress)
    .filter((a) => a !== null)
    .slice(0, MASTODON_IMPORT_MAX_ROWS)
    .map(mastodonCsvRow);
  return stringify(rows, { header: true, columns: [...MASTODON_CSV_HEADER] });
}

/** One row of that CSV for a Mastodon address (the header is MASTODON_CSV_HEADER). */
export function mastodonCsvRow(address: { username: string; server: string }): string[] {
  return [`${address.username}@${address.server}`, 'true', 'false', ''];
}
