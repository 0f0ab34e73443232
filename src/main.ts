import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app.config';
import { createApp } from './bootstrap';
import { seedDemoDataIfEmpty } from './seed/seed-demo-data';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  if (config.seedDemoData) await seedDemoDataIfEmpty(app);
  await app.listen(config.port);
  console.log(
    `Staff Voices is serving on http://localhost:${config.port} (${config.authMode} sign-in)`,
  );

  // Stop taking connections, let in-flight requests finish, close the database, then exit 0.
  const shutDown = (signal: NodeJS.Signals) => {
    console.log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}

void main();
