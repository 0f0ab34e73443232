import { DashboardService } from '../dashboard/dashboard.service';
import type { SeedContext } from './seed-demo-data';

/** Days of dashboard history the demo starts with. */
export const DEMO_DASHBOARD_DAYS = 30;

/**
 * The dashboard's daily figures, so its charts have a month to show: today's counted from the
 * demo's people, and the days before made up as if adoption had grown to today's
 * (docs/dashboard.md). Last, after every account, verification and campaign is in.
 */
export async function seedDashboard({ app, tx, organisations }: SeedContext) {
  const dashboards = app.get(DashboardService);
  for (const organisation of organisations) {
    await dashboards.writeDemoHistory(tx, organisation.id, DEMO_DASHBOARD_DAYS);
  }
}
