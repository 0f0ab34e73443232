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
    request: (context, i) => {
      const target = String(1 + ((i * 7919) % context.staff));
      return i % 2 === 0
        ? {
            query: 'mutation($input: StaffIdInput!) { follow(input: $input) { __typename } }',
            variables: { input: { staffId: target } },
          }
        : {
            query: 'mutation($input: StaffIdInput!) { unfollow(input: $input) { __typename } }',
            variables: { input: { staffId: String(1 + (((i - 1) * 7919) % context.staff)) } },
          };
    },
  },
  {
    name: 'leaders page',
    request: () => ({
      query:
        '{ leaders(first: 20) { edges { node { title person { displayName accounts { handle } } } } } }',
    }),
  },
);
