import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig, withNodeEnvDefault } from '../config/app.config';
import { OrganisationClaimsService } from '../identity/organisation-claims/organisation-claims.service';

/**
 * `npm run organisations:claim-unconfirmed`: once, after upgrading a deployment where staff chose
 * their own organisation before organisation claims existed. Each organisation that provisioning,
 * the tenant map or a confirmed claim did not set becomes a pending claim in that organisation's
 * queue (see docs/security.md).
 */
async function run() {
  try {
    const config = loadConfig(withNodeEnvDefault(process.env, process.argv));
    config.privacy.sweepIntervalMinutes = 0; // a one-off run starts no sweep timer
    const app = await NestFactory.createApplicationContext(AppModule.register(config), {
      logger: ['error'],
    });
    const { checked, claimed } = await app
      .get(OrganisationClaimsService)
      .claimUnconfirmedOrganisations();
    await app.close();
    console.log(
      `Organisation claims: ${checked} people with an organisation checked, ${claimed} unconfirmed organisations turned into claims awaiting their communications team.`,
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  }
}

void run();
