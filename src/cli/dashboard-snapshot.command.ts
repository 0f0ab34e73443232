import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig, withNodeEnvDefault } from '../config/app.config';
import { DashboardService } from '../dashboard/dashboard.service';
import { OrganisationsService } from '../organisations/organisations.service';

/**
 * `npm run dashboard:snapshot`: counts every organisation now and writes today's dashboard
 * figures (again the same day: they are rewritten, never doubled), one transaction per
 * organisation. The app does this itself daily; this is the on-demand (or cron) form.
 */
async function run() {
  try {
    const config = loadConfig(withNodeEnvDefault(process.env, process.argv));
    const app = await NestFactory.createApplicationContext(AppModule.register(config), {
      logger: ['log', 'error'],
    });
    const started = Date.now();
    const organisations = await app.get(OrganisationsService).list();
    await app.get(DashboardService).snapshotOrganisations(organisations.map((o) => o.id));
    await app.close();
    console.log(
      `Dashboard figures of ${organisations.length} organisations written in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  }
}

void run();
