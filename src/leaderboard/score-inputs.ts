import { PROFILE_FIELDS, ScoreInputs } from './score';
import { DayRange } from './windows';

/** One day's figures for one account, as the metrics feature stores them. */
export interface SnapshotRow {
  accountId: number;
  day: string;
  source: string;
  followers: number;
  posts: number | null;
  engagements: number | null;
}

/** What the score reads about a person now (not per window). */
export interface PersonFacts {
  staffId: number;
  championRoles: number;
  organiserRoles: number;
  directoryConnections: number;
  profileFieldsFilled: number;
  guidanceAccepted: boolean;
  verifiedAccounts: number;
}

export interface CampaignTaking {
  campaignId: number;
  startsOn: string;
  endsOn: string;
}

export interface CampaignActivityRow {
  campaignId: number;
  day: string;
  posts: number;
}

export const isSelfReported = (source: string) => /self/i.test(source);

/**
 * One figure per account and day: an imported or fetched figure wins over a self-reported one
 * for the same day (then the source's name, so the choice never depends on row order).
 */
export function oneFigurePerDay(rows: readonly SnapshotRow[]): SnapshotRow[] {
  const chosen = new Map<string, SnapshotRow>();
  for (const row of rows) {
    const key = `${row.accountId}|${row.day}`;
    const held = chosen.get(key);
    const better =
      !held ||
      Number(isSelfReported(held.source)) > Number(isSelfReported(row.source)) ||
      (isSelfReported(held.source) === isSelfReported(row.source) && row.source < held.source);
    if (better) chosen.set(key, row);
  }
  return [...chosen.values()].sort(
    (a, b) => a.accountId - b.accountId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0),
  );
}

/** Whether the person has any figure on or before `day` (otherwise they are new to a window). */
export function hasFiguresBy(rows: readonly SnapshotRow[], day: string): boolean {
  return rows.some((row) => row.day <= day);
}

/**
 * The score's inputs for one person and window. `rows` come from oneFigurePerDay. Followers are
 * the latest figure of each account on or before the window's last day; growth is measured from
 * the latest figure before the window began (or the first inside it); posts and engagements are
 * the days' own figures, summed over the window.
 */
export function scoreInputsFor(
  range: DayRange,
  rows: readonly SnapshotRow[],
  facts: PersonFacts,
  campaigns: readonly CampaignTaking[],
  activity: readonly CampaignActivityRow[],
): ScoreInputs {
  let followers = 0;
  let followersGained = 0;
  let posts = 0;
  let engagements = 0;
  let selfReported = false;
  const byAccount = new Map<number, SnapshotRow[]>();
  for (const row of rows) {
    if (row.day > range.to) continue;
    const list = byAccount.get(row.accountId);
    if (list) list.push(row);
    else byAccount.set(row.accountId, [row]);
  }
  for (const list of byAccount.values()) {
    const end = list[list.length - 1];
    const before = list.filter((row) => row.day < range.from).at(-1);
    const inside = list.filter((row) => row.day >= range.from);
    const start = before ?? inside[0];
    followers += end.followers;
    followersGained += end.followers - start.followers;
    if (isSelfReported(end.source)) selfReported = true;
    for (const row of inside) {
      posts += row.posts ?? 0;
      engagements += row.engagements ?? 0;
      if (isSelfReported(row.source)) selfReported = true;
    }
  }
  const overlapping = campaigns.filter((c) => c.startsOn <= range.to && c.endsOn >= range.from);
  const campaignPosts = activity
    .filter((a) => a.day >= range.from && a.day <= range.to)
    .reduce((sum, a) => sum + a.posts, 0);
  return {
    followers,
    followersGained,
    posts,
    engagements,
    selfReported,
    campaignsJoined: overlapping.length,
    campaignPosts,
    championRoles: facts.championRoles,
    organiserRoles: facts.organiserRoles,
    directoryConnections: facts.directoryConnections,
    profileFieldsFilled: Math.min(PROFILE_FIELDS, facts.profileFieldsFilled),
    guidanceAccepted: facts.guidanceAccepted,
    verifiedAccounts: facts.verifiedAccounts,
  };
}
