import { addDays, londonDay } from '../src/metrics/london-day';
import { MetricSource } from '../src/metrics/metric-snapshot.entity';
import {
  AccountVisibility,
  type SocialAccount,
} from '../src/social-accounts/social-account.entity';
import type { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const today = londonDay();
const HISTORY = `query($id: ID!, $days: Int) {
  staffMember(id: $id) { accounts { id figureHistory(days: $days) { day followers source } } } }`;

describe('an account’s figures over time (SocialAccount.figureHistory)', () => {
  let t: TestApp;
  let nurse: StaffMember;
  let colleague: StaffMember;
  let outsider: StaffMember;
  let open: SocialAccount;
  let own: SocialAccount;
  let hidden: SocialAccount;

  beforeAll(async () => {
    t = await createTestApp();
    const world = new World(t);
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    nurse = await world.newPerson({ organisationId: org.id });
    colleague = await world.newPerson({ organisationId: org.id });
    outsider = await world.newPerson({ organisationId: other.id });
    open = await world.newAccount(nurse);
    own = await world.newAccount(nurse, { visibility: AccountVisibility.ORGANISATION });
    hidden = await world.newAccount(nurse, { visibility: AccountVisibility.ONLY_ME });
    for (const account of [open, own, hidden]) {
      await world.recordFigures(account, [
        { day: addDays(today, -200), followers: 50 },
        { day: addDays(today, -20), followers: 100 },
        { day: addDays(today, -10), followers: 110 },
        { day: addDays(today, -10), followers: 999, source: MetricSource.SELF_REPORTED },
        { day: today, followers: 130, source: MetricSource.SELF_REPORTED },
      ]);
    }
  });
  afterAll(() => t.close());

  const history = async (as: StaffMember, days?: number) => {
    const res = await t.gql(HISTORY, { id: String(nurse.id), days }, as);
    expect(res.errors).toBeUndefined();
    return new Map<string, { day: string; followers: number; source: string }[]>(
      res.data!.staffMember.accounts.map(
        (a: {
          id: string;
          figureHistory: { day: string; followers: number; source: string }[];
        }) => [a.id, a.figureHistory],
      ),
    );
  };

  it('gives one figure a day, oldest first, an imported one before a self-reported one', async () => {
    const shown = await history(colleague);
    expect(shown.get(String(open.id))).toEqual([
      { day: addDays(today, -20), followers: 100, source: 'IMPORT' },
      { day: addDays(today, -10), followers: 110, source: 'IMPORT' },
      { day: today, followers: 130, source: 'SELF_REPORTED' },
    ]);
    // a longer window reaches further back
    expect((await history(colleague, 366)).get(String(open.id))![0]).toEqual({
      day: addDays(today, -200),
      followers: 50,
      source: 'IMPORT',
    });
    expect((await history(colleague, 1)).get(String(open.id))).toEqual([
      { day: today, followers: 130, source: 'SELF_REPORTED' },
    ]);
  });

  it('shows only the accounts the viewer may see', async () => {
    expect([...(await history(colleague)).keys()].sort()).toEqual(
      [String(open.id), String(own.id)].sort(),
    );
    expect([...(await history(outsider)).keys()]).toEqual([String(open.id)]);
    expect((await history(nurse)).has(String(hidden.id))).toBe(true);
  });

  it('refuses a window outside 1–366 days, naming days', async () => {
    for (const days of [0, 367]) {
      const res = await t.gql(HISTORY, { id: String(nurse.id), days }, colleague);
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringContaining('days must be from 1 to 366'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });
});
