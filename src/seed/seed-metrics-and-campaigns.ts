import { CampaignsService } from '../campaigns/campaigns.service';
import { addDays, londonDay } from '../metrics/london-day';
import { MetricSource } from '../metrics/metric-snapshot.entity';
import { MetricsService } from '../metrics/metrics.service';
import type { SnapshotValues } from '../metrics/metrics.repository';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import type { SeedContext } from './seed-demo-data';

const DAYS = 90;

/**
 * 90 days of figures for every seeded account (followers growing from a spread of starting
 * points, a few posts and engagements most days; some accounts' latest figures self-reported),
 * and the trust's social media week with its hashtag: a week ending three days from now, a
 * quarter of the trust's people taking part, with their activity.
 */
export async function seedMetricsAndCampaigns({
  app,
  tx,
  random,
  trust,
  staff,
  named,
}: SeedContext) {
  const today = londonDay();
  const accounts = (
    await app.get(SocialAccountsService).findByStaffIds(
      staff.map((person) => person.id),
      tx,
    )
  ).flat();
  const imported: SnapshotValues[] = [];
  const selfReported: SnapshotValues[] = [];
  for (const account of accounts) {
    let followers = Math.round(Math.exp(3 + random.next() * 5)); // about 20 to 3,000
    const growth = random.next() * 0.01;
    const following = 50 + random.int(400);
    const active = random.next();
    for (let d = DAYS - 1; d >= 0; d--) {
      followers = Math.max(0, Math.round(followers * (1 + growth) + random.int(5) - 2));
      const posts = random.chance(active) ? 1 + random.int(4) : 0;
      imported.push({
        accountId: account.id,
        staffId: account.staffId,
        day: addDays(today, -d),
        followers,
        following,
        posts,
        engagements: posts * random.int(30),
      });
    }
    if (random.chance(0.1)) {
      selfReported.push({ ...imported[imported.length - 1], followers: followers + 3 });
    }
  }
  const metrics = app.get(MetricsService);
  await metrics.recordSnapshots(tx, MetricSource.IMPORT, imported);
  await metrics.recordSnapshots(tx, MetricSource.SELF_REPORTED, selfReported);

  const director = named['Director of Communications'];
  const campaigns = app.get(CampaignsService);
  const week = await campaigns.createIn(
    tx,
    { staff: director, roles: ['Comms.Admin'], isCommsAdmin: true },
    {
      name: `${trust.name} social media week`,
      hashtag: '#NHSSocialMediaWeek',
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 3),
      nhsWide: false,
    },
  );
  const participants = staff.filter(
    (person) => person.organisationId === trust.id && random.chance(0.25),
  );
  await campaigns.joinMany(
    tx,
    week.id,
    participants.map((person) => person.id),
  );
  const joined = new Set(participants.map((person) => person.id));
  const activity = accounts
    .filter((account) => joined.has(account.staffId))
    .flatMap((account) =>
      [-3, -2, -1, 0].map((d) => {
        const posts = random.int(4);
        return {
          accountId: account.id,
          staffId: account.staffId,
          day: addDays(today, d),
          posts,
          engagements: posts * random.int(40),
        };
      }),
    );
  await campaigns.recordActivity(tx, week.id, activity);
}
