import type { BenchContext } from './run';

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
