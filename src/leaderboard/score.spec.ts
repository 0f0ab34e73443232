import { computeScore, DEFAULT_WEIGHTS, ScoreComponent, ScoreInputs } from './score';
import { addDays, campaignRange, londonToday, rollingRanges } from './windows';

const nobody: ScoreInputs = {
  followers: 0,
  followersGained: 0,
  posts: 0,
  engagements: 0,
  selfReported: false,
  campaignsJoined: 0,
  campaignPosts: 0,
  championRoles: 0,
  organiserRoles: 0,
  directoryConnections: 0,
  profileFieldsFilled: 0,
  guidanceAccepted: false,
  verifiedAccounts: 0,
};

const pointsOf = (inputs: Partial<ScoreInputs>, component: ScoreComponent) =>
  computeScore({ ...nobody, ...inputs }, DEFAULT_WEIGHTS).breakdown.find(
    (part) => part.component === component,
  )!.points;

describe('computeScore', () => {
  it('gives nothing for nothing', () => {
    expect(computeScore(nobody, DEFAULT_WEIGHTS).score).toBe(0);
  });

  it.each([
    [{ followers: 9 }, ScoreComponent.REACH, 10],
    [{ followers: 99 }, ScoreComponent.REACH, 20],
    [{ followers: 999 }, ScoreComponent.REACH, 30],
    [{ followers: 999_999 }, ScoreComponent.REACH, 60],
    [{ followersGained: 99 }, ScoreComponent.GROWTH, 30],
    [{ followersGained: -500 }, ScoreComponent.GROWTH, 0],
    [{ posts: 9, engagements: 99 }, ScoreComponent.ACTIVITY, 30],
    [{ campaignsJoined: 2, campaignPosts: 9 }, ScoreComponent.CAMPAIGNS, 30],
    [{ campaignsJoined: 7 }, ScoreComponent.CAMPAIGNS, 30],
    [{ championRoles: 1, organiserRoles: 1 }, ScoreComponent.COMMUNITY_ROLES, 25],
    [{ championRoles: 9 }, ScoreComponent.COMMUNITY_ROLES, 30],
    [{ directoryConnections: 99 }, ScoreComponent.CONNECTIONS, 20],
    [{ profileFieldsFilled: 3 }, ScoreComponent.PROFILE, 5],
    [{ profileFieldsFilled: 6, guidanceAccepted: true }, ScoreComponent.PROFILE, 20],
    [{ verifiedAccounts: 2 }, ScoreComponent.VERIFIED, 20],
    [{ verifiedAccounts: 5 }, ScoreComponent.VERIFIED, 30],
  ])('%j scores %s %d points', (inputs, component, points) => {
    expect(pointsOf(inputs, component)).toBe(points);
  });

  it.each([
    [{ followers: 1234, followersGained: 17, posts: 3, engagements: 41, verifiedAccounts: 1 }],
    [{ followers: 7, profileFieldsFilled: 5, guidanceAccepted: true, directoryConnections: 3 }],
    [{ followers: 250_000, championRoles: 2, organiserRoles: 1, campaignPosts: 13 }],
  ])('has whole-number parts that add up to the score: %j', (inputs) => {
    const { score, breakdown } = computeScore({ ...nobody, ...inputs }, DEFAULT_WEIGHTS);
    expect(breakdown).toHaveLength(Object.keys(ScoreComponent).length);
    for (const part of breakdown) expect(Number.isInteger(part.points)).toBe(true);
    expect(breakdown.reduce((sum, part) => sum + part.points, 0)).toBe(score);
  });

  it('never lets raw followers alone decide: a growing, active nurse beats a celebrity who does nothing', () => {
    const celebrity = computeScore({ ...nobody, followers: 2_000_000 }, DEFAULT_WEIGHTS);
    const nurse = computeScore(
      { ...nobody, followers: 400, followersGained: 60, posts: 12, engagements: 90 },
      DEFAULT_WEIGHTS,
    );
    expect(nurse.score).toBeGreaterThan(celebrity.score);
  });

  it('marks self-reported figures', () => {
    const { breakdown } = computeScore(
      { ...nobody, followers: 10, selfReported: true },
      DEFAULT_WEIGHTS,
    );
    expect(breakdown.find((p) => p.component === ScoreComponent.REACH)!.detail).toBe(
      '10 followers (self-reported)',
    );
  });

  it('follows the organisation’s weights', () => {
    const weights = { ...DEFAULT_WEIGHTS, reach: 0, verified: 50 };
    const { score } = computeScore({ ...nobody, followers: 999, verifiedAccounts: 1 }, weights);
    expect(score).toBe(50);
  });
});

describe('windows', () => {
  it.each([
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST)
    ['2026-05-31T23:30:00Z', '2026-06-01'],
    // in winter London is UTC
    ['2026-12-31T23:30:00Z', '2026-12-31'],
    ['2026-03-29T00:30:00Z', '2026-03-29'],
  ])('today at %s is %s in London', (instant, day) => {
    expect(londonToday(new Date(instant))).toBe(day);
  });

  it.each([
    [
      7,
      '2026-03-01',
      { from: '2026-02-23', to: '2026-03-01' },
      { from: '2026-02-16', to: '2026-02-22' },
    ],
    [
      30,
      '2026-01-15',
      { from: '2025-12-17', to: '2026-01-15' },
      { from: '2025-11-17', to: '2025-12-16' },
    ],
    [
      90,
      '2026-12-01',
      { from: '2026-09-03', to: '2026-12-01' },
      { from: '2026-06-05', to: '2026-09-02' },
    ],
  ])('a %d-day window ending %s', (days, today, current, previous) => {
    expect(rollingRanges(days, today)).toEqual({ current, previous });
  });

  it('all time runs from the beginning; its previous window ends a week ago', () => {
    const { current, previous } = rollingRanges(null, '2026-12-01');
    expect(current.to).toBe('2026-12-01');
    expect(previous!.to).toBe(addDays('2026-12-01', -7));
  });

  it('a campaign window ends today at the latest', () => {
    expect(campaignRange('2026-11-20', '2026-12-20', '2026-12-01').current).toEqual({
      from: '2026-11-20',
      to: '2026-12-01',
    });
    expect(campaignRange('2026-11-01', '2026-11-07', '2026-12-01').previous).toBeNull();
  });
});
