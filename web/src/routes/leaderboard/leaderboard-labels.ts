import type {
  LeaderboardFilter,
  LeaderboardWindow,
  ScoreComponent,
  StaffGroup,
} from '../../gql/graphql';

/** The windows a person can choose on the leaderboard pages, in the order shown. */
export const WINDOWS = [
  'WEEK',
  'MONTH',
  'QUARTER',
  'ALL_TIME',
] as const satisfies readonly LeaderboardWindow[];
export type ChosenWindow = (typeof WINDOWS)[number];

export const WINDOW_LABELS: Record<ChosenWindow, string> = {
  WEEK: 'Last 7 days',
  MONTH: 'Last 30 days',
  QUARTER: 'Last 90 days',
  ALL_TIME: 'All time',
};

/** How each window reads in the URL (`?window=month`). */
export const WINDOW_PARAMS: Record<ChosenWindow, string> = {
  WEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
  ALL_TIME: 'all-time',
};

export function windowFrom(param: string | null): ChosenWindow {
  return WINDOWS.find((w) => WINDOW_PARAMS[w] === param) ?? 'MONTH';
}

/** The board's filter as the URL gives it: `?organisation=12&staffGroup=NURSING&leaders=1`. */
export function filterFrom(params: URLSearchParams): LeaderboardFilter {
  const filter: LeaderboardFilter = {};
  if (params.get('organisation')) filter.organisationId = params.get('organisation');
  if (params.get('staffGroup')) filter.staffGroup = params.get('staffGroup') as StaffGroup;
  if (params.get('leaders') === '1') filter.leaders = true;
  return filter;
}

/** The live screen of a board: a window and filter, or a campaign's own board. */
export function liveBoardLink(
  board: { window: ChosenWindow; filter?: LeaderboardFilter } | { campaignId: string },
): string {
  const params = new URLSearchParams();
  if ('campaignId' in board) params.set('campaign', board.campaignId);
  else {
    params.set('window', WINDOW_PARAMS[board.window]);
    const { organisationId, staffGroup, leaders } = board.filter ?? {};
    if (organisationId) params.set('organisation', String(organisationId));
    if (staffGroup) params.set('staffGroup', staffGroup);
    if (leaders) params.set('leaders', '1');
  }
  return `/leaderboard/live?${params.toString()}`;
}

export const COMPONENT_LABELS: Record<ScoreComponent, string> = {
  REACH: 'Reach',
  GROWTH: 'Growth',
  ACTIVITY: 'Activity',
  CAMPAIGNS: 'Campaigns',
  COMMUNITY_ROLES: 'Community roles',
  CONNECTIONS: 'Connections',
  PROFILE: 'Profile',
  VERIFIED: 'Verified accounts',
};

/** Places gained since the previous window, in words. */
export function movementText(movement: number | null | undefined): string {
  if (movement === null || movement === undefined) return 'New';
  if (movement === 0) return 'No change';
  const places = Math.abs(movement) === 1 ? 'place' : 'places';
  return movement > 0 ? `Up ${movement} ${places}` : `Down ${-movement} ${places}`;
}

export function movementArrow(movement: number | null | undefined): string {
  if (!movement) return '';
  return movement > 0 ? '▲' : '▼';
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

export const points = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'point' : 'points'}`;
