import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig, withNodeEnvDefault } from '../config/app.config';
import { TransactionRunner } from '../database/transaction-runner';
import { LeaderboardService } from '../leaderboard/leaderboard.service';

/**
 * `npm run leaderboard:recompute`: rebuilds every score, entry and board count from scratch, in one
 * transaction. It gives the same answer as the incremental path (test/leaderboard.e2e-spec.ts).
 */
async function run() {
  try {
    const config = loadConfig(withNodeEnvDefault(process.env, process.argv));
    const app = await NestFactory.createApplicationContext(AppModule.register(config), {
      logger: ['log', 'error'],
    });
    const started = Date.now();
    const leaderboard = app.get(LeaderboardService);
    // start-up may have begun a chunked daily roll: the rebuild does all of it
    await leaderboard.stopRolling();
    await app.get(TransactionRunner).run((tx) => leaderboard.recomputeAll(tx));
    await app.close();
    console.log(`Leaderboards rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  }
}

void run();
