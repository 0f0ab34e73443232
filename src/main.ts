import 'reflect-metadata';
import { AppConfig, ConfigError, loadConfig, withNodeEnvDefault } from './config/app.config';
import { createApp } from './bootstrap';
import { RedisConnections } from './common/redis/redis-connections';
import { seedDemoDataIfEmpty } from './seed/seed-demo-data';

async function main() {
  let config;
  try {
    config = loadConfig(withNodeEnvDefault(process.env, process.argv));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  if (config.seedDemoData) await seedDemoDataIfEmpty(app);
  if (config.host) await app.listen(config.port, config.host);
  else await app.listen(config.port);
  console.log(startupLine(config));
  const redisProblem = app.get(RedisConnections).startupProblem;
  if (redisProblem) {
    console.error(
      `${redisProblem}: rate limits are counted in this instance's memory until it answers`,
    );
  }

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

/** One line: where it listens, in which mode, and whether anyone who reaches it can sign in as anyone. */
function startupLine(config: AppConfig): string {
  const where = config.host
    ? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`
    : `port ${config.port} on every interface`;
  const mode = config.isProduction ? 'production' : config.nodeEnv;
  const signIn =
    config.authMode === 'dev'
      ? 'development sign-in is ON: whoever reaches this address can sign in as anyone'
      : 'Entra ID sign-in';
  return `Staff Voices is serving on ${where} (${mode} mode; ${signIn})`;
}

void main();
