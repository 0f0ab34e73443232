import type { BenchContext } from './run';
import { webOperation } from '../test/support/web-queries';

export interface Scenario {
  name: string;
  target?: string;
  requests?: number;
  request(context: BenchContext, i: number): { query: string; variables?: Record<string, unknown> };
  /** The statements the server should need, for the driver floor. */
  sql?(context: BenchContext, i: number): { sql: string; params: unknown[] }[];
}

const someone = (context: BenchContext, i: number) =>
  context.people[(i * 7 + 3) % context.people.length];

export const SCENARIOS: Scenario[] = [
  {
    name: 'me',
    request: () => ({ query: '{ me { id displayName } }' }),
    sql: (context, i) => [
      {
        sql: 'SELECT * FROM staff_members WHERE tenant_id = ? AND object_id = (SELECT object_id FROM staff_members WHERE id = ?)',
        params: ['00000000-0000-0000-0000-000000000000', someone(context, i)],
      },
    ],
  },
  {
    name: 'profile with accounts and organisation',
    target: '≤ 10 ms, ≥ 1,500/s',
    request: (context, i) => ({
      query:
        'query($id: ID!) { staffMember(id: $id) { id displayName jobTitle organisation { name } site { name } department { name } accounts { platform handle url } } }',
      variables: { id: String(someone(context, i)) },
    }),
    sql: (context, i) => {
      const id = someone(context, i);
      return [
        { sql: 'SELECT * FROM staff_members WHERE id = ? AND active = 1', params: [id] },
        {
          sql: 'SELECT * FROM organisations WHERE id IN (SELECT organisation_id FROM staff_members WHERE id = ?)',
          params: [id],
        },
        {
          sql: 'SELECT * FROM sites WHERE id IN (SELECT site_id FROM staff_members WHERE id = ?)',
          params: [id],
        },
        {
          sql: 'SELECT * FROM departments WHERE id IN (SELECT department_id FROM staff_members WHERE id = ?)',
          params: [id],
        },
        {
          sql: 'SELECT * FROM social_accounts WHERE staff_id IN (?) ORDER BY platform, id',
          params: [id],
        },
      ];
    },
  },
];

const LEADERBOARD_PAGE = `query ($after: String) { leaderboard(window: WEEK, first: 20, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { rank score movement isMe staff { id displayName } breakdown { component points detail } } } } }`;
const PLACE = `e.staff_id, e.score, e.prev_score, e.sort_name, sc.breakdown, s.show_on_leaderboard, s.organisation_id`;
const ENTRY = 'board, staff_id, period, score, prev_score, sort_name';
/** The server's page read after a cursor (LeaderboardRepository.page): two index ranges. */
const LEADERBOARD_PAGE_SQL = `SELECT ${PLACE} FROM (
    SELECT * FROM (SELECT ${ENTRY} FROM leaderboard_entries WHERE board = ? AND score = ? AND (sort_name, staff_id) > (?, ?)
      ORDER BY sort_name, staff_id LIMIT 21) AS branch
    UNION ALL
    SELECT * FROM (SELECT ${ENTRY} FROM leaderboard_entries WHERE board = ? AND score < ?
      ORDER BY score DESC, sort_name, staff_id LIMIT 21) AS branch) e
  JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
  JOIN staff_members s ON s.id = e.staff_id
  ORDER BY e.score DESC, e.sort_name, e.staff_id LIMIT 21`;
/** Then the board's score counts from the page's lowest score up, which rank its places. */
const LEADERBOARD_COUNTS_SQL = `SELECT score, entries, prev_entries FROM leaderboard_score_counts WHERE board = ? AND score >= ?
  UNION ALL SELECT NULL, COALESCE(SUM(entries), 0), 0 FROM leaderboard_score_counts WHERE board = ? AND score < ?`;
const pageSql = (board: string, [score, name, id]: [number, string, number], low: number) => [
  { sql: LEADERBOARD_PAGE_SQL, params: [board, score, name, id, board, score] },
  { sql: LEADERBOARD_COUNTS_SQL, params: [board, low, board, low] },
];

/** The key of the entry `depth` places down the NHS-wide week board (or its last page). */
function keyAtDepth(context: BenchContext, depth: number): [number, string, number] {
  const size =
    (
      context.db
        .prepare(`SELECT SUM(entries) AS n FROM leaderboard_score_counts WHERE board = 'WEEK|nhs'`)
        .get() as { n: number } | undefined
    )?.n ?? 0;
  const row = context.db
    .prepare(
      `SELECT score, sort_name, staff_id FROM leaderboard_entries WHERE board = 'WEEK|nhs'
       ORDER BY score DESC, sort_name, staff_id LIMIT 1 OFFSET ?`,
    )
    .get(Math.max(0, Math.min(depth, size - 21) - 1)) as
    { score: number; sort_name: string; staff_id: number } | undefined;
  return row ? [row.score, row.sort_name, row.staff_id] : [0, '', 0];
}
/** The top of a board, as the first page's cursor-less read starts (above every score). */
const TOP_KEY: [number, string, number] = [2_147_483_647, '', 0];
const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const deepKeys = new WeakMap<BenchContext, [number, string, number]>();
const deepKey = (context: BenchContext) => {
  let key = deepKeys.get(context);
  if (!key) deepKeys.set(context, (key = keyAtDepth(context, 100_000)));
  return key;
};

const LEADERBOARD_SCENARIOS: Scenario[] = [
  {
    name: 'leaderboard page at depth 1',
    target: '≤ 10 ms',
    request: () => ({ query: LEADERBOARD_PAGE }),
    sql: () => pageSql('WEEK|nhs', TOP_KEY, 0),
  },
  {
    name: 'leaderboard page at depth 100,000',
    target: '≤ 10 ms',
    request: (context) => ({
      query: LEADERBOARD_PAGE,
      variables: { after: cursorOf(deepKey(context)) },
    }),
    sql: (context) => pageSql('WEEK|nhs', deepKey(context), Math.max(0, deepKey(context)[0] - 20)),
  },
  {
    name: 'leaderboard my rank',
    target: '≤ 8 ms',
    request: () => ({
      query: '{ myLeaderboardPosition(window: WEEK) { rank outOf score movement } }',
    }),
    sql: (context, i) => [
      {
        sql: `SELECT ${PLACE},
            (SELECT COALESCE(SUM(c.entries), 0) FROM leaderboard_score_counts c WHERE c.board = e.board AND c.score > e.score) AS above,
            CASE WHEN e.prev_score IS NULL THEN NULL ELSE (SELECT COALESCE(SUM(c.prev_entries), 0) FROM leaderboard_score_counts c
              WHERE c.board = e.board AND c.score > e.prev_score) END AS prev_above,
            (SELECT SUM(c.entries) FROM leaderboard_score_counts c WHERE c.board = e.board) AS total_count
          FROM leaderboard_entries e JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
          JOIN staff_members s ON s.id = e.staff_id
          WHERE e.board = 'WEEK|nhs' AND e.staff_id = ?`,
        params: [someone(context, i)],
      },
    ],
  },
  {
    name: 'leaderboard rising stars',
    target: '≤ 10 ms',
    request: () => ({
      query: `{ risingStars(window: WEEK, first: 10) {
        rank score movement isMe staff { id displayName } breakdown { component points detail } } }`,
    }),
    sql: () => [
      {
        sql: `SELECT ${PLACE} FROM (SELECT * FROM (SELECT ${ENTRY}, gain FROM leaderboard_entries
            WHERE board = 'WEEK|nhs' AND gain > 0 ORDER BY gain DESC, score DESC, sort_name, staff_id LIMIT 10) AS risen) e
          JOIN leaderboard_scores sc ON sc.period = e.period AND sc.staff_id = e.staff_id
          JOIN staff_members s ON s.id = e.staff_id
          ORDER BY e.gain DESC, e.score DESC, e.sort_name, e.staff_id`,
        params: [],
      },
    ],
  },
  {
    name: 'leaderboard teams (my organisation’s departments)',
    target: '≤ 10 ms',
    request: () => ({
      query:
        '{ teamLeaderboard(window: WEEK, kind: DEPARTMENT) { rank teamId name averageScore people } }',
    }),
  },
];

const DIRECTORY_PAGE = webOperation('DirectoryPage');
const SEARCH_WORDS = ['smith', 'nurse', 'jan', 'consultant', 'porter', 'ali', 'physio', 'staff12'];

SCENARIOS.push(
  {
    name: 'directory search with filters',
    target: '≤ 25 ms',
    request: (context, i) => ({
      // the query the directory page really sends: the page of people and the filter options
      query: DIRECTORY_PAGE,
      variables: {
        first: 20,
        filter: {
          search: SEARCH_WORDS[i % SEARCH_WORDS.length],
          ...(i % 2 === 0 ? { organisationId: String(1 + (i % 50)) } : {}),
          ...(i % 3 === 0 ? { staffGroup: 'NURSING_AND_MIDWIFERY_REGISTERED' } : {}),
        },
      },
    }),
  },
  {
    name: 'directory browse by organisation (no search)',
    target: '≤ 25 ms',
    request: (_context, i) => ({
      query:
        'query($filter: StaffFilter) { staff(first: 20, filter: $filter) { totalCount edges { node { id displayName } } } }',
      variables: { filter: { organisationId: String(1 + (i % 100)) } },
    }),
  },
  {
    name: 'profile with counts, communities, follow state',
    target: '≤ 10 ms, ≥ 1,500/s',
    request: (context, i) => ({
      query:
        'query($id: ID!) { staffMember(id: $id) { id displayName jobTitle organisation { name } accounts { platform handle url followUrl } followerCount followingCount viewerFollows communities { role community { name } } leader { title } } }',
      variables: { id: String(someone(context, i)) },
    }),
  },
  {
    name: 'follow suggestions',
    target: '≤ 50 ms',
    requests: 2000,
    request: () => ({
      query: '{ followSuggestions(first: 10) { person { id displayName } reasons { kind text } } }',
    }),
  },
  {
    name: 'follow then unfollow',
    target: '≤ 10 ms',
    // one request follows someone and unfollows them again (two mutations, run in turn): every
    // request changes something whichever order the clients' requests arrive in, and the dataset
    // ends as it began
    request: (context, i) => ({
      query: `mutation($input: StaffIdInput!) {
        follow(input: $input) { __typename } unfollow(input: $input) { __typename } }`,
      variables: { input: { staffId: String(1 + ((i * 7919) % context.staff)) } },
    }),
  },
  {
    name: 'leaders page',
    request: () => ({
      query:
        '{ leaders(first: 20) { edges { node { title person { displayName accounts { handle } } } } } }',
    }),
  },
);

SCENARIOS.push(...LEADERBOARD_SCENARIOS);
