import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig, withNodeEnvDefault } from '../config/app.config';
import { PrivacyService } from '../privacy/privacy.service';

/**
 * `npm run privacy:sweep`: erases every leaver whose LEAVER_RETENTION_DAYS are over and runs
 * each feature's privacy housekeeping, once (the server does the same on a timer).
 */
async function run() {
  try {
    const config = loadConfig(withNodeEnvDefault(process.env, process.argv));
    config.privacy.sweepIntervalMinutes = 0; // this run is the sweep
    const app = await NestFactory.createApplicationContext(AppModule.register(config), {
      logger: ['error'],
    });
    const { leaversErased, housekeeping } = await app.get(PrivacyService).sweep();
    await app.close();
    console.log(
      `Privacy sweep: ${leaversErased} leavers erased (retention ${config.privacy.leaverRetentionDays} days), ${housekeeping} expired rows removed.`,
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  }
}

void run();
