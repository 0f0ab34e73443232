import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig, withNodeEnvDefault } from '../config/app.config';
import { seedDemoDataIfEmpty } from '../seed/seed-demo-data';

/** `npm run seed`: migrate, then seed the demo data if (and only if) the database is empty. */
async function run() {
  try {
    const config = loadConfig(withNodeEnvDefault(process.env, process.argv));
    const app = await NestFactory.createApplicationContext(AppModule.register(config), {
      logger: ['log', 'error'],
    });
    const seeded = await seedDemoDataIfEmpty(app);
    await app.close();
    console.log(
      seeded ? 'Seeded the demo data.' : 'The database already has data: nothing seeded.',
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  }
}

void run();
