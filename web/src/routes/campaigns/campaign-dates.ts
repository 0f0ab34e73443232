/** Campaign days are Europe/London calendar days written YYYY-MM-DD, as the server keeps them. */

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Europe/London, YYYY-MM-DD (what the server calls today). */
export function londonToday(now = new Date()): string {
  return LONDON_DAY.format(now);
}

export type CampaignPhase = 'CURRENT' | 'UPCOMING' | 'PAST';

/** Whether a campaign is running today, is still to come, or has ended. */
export function campaignPhase(
  campaign: { startsOn: string; endsOn: string },
  today = londonToday(),
): CampaignPhase {
  if (campaign.startsOn > today) return 'UPCOMING';
  if (campaign.endsOn < today) return 'PAST';
  return 'CURRENT';
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 2027-03-15 → "15 March 2027". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return DAY_FORMAT.format(new Date(Date.UTC(year, month - 1, date)));
}

/** "15 March 2027 to 21 March 2027", or the one day. */
export function formatDates(campaign: { startsOn: string; endsOn: string }): string {
  return campaign.startsOn === campaign.endsOn
    ? formatDay(campaign.startsOn)
    : `${formatDay(campaign.startsOn)} to ${formatDay(campaign.endsOn)}`;
}

/**
 * The day, month and year a person typed as YYYY-MM-DD, or null when it is not a real day
 * (31 February, a two-digit year).
 */
export function dayFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
