// Run by bench/daily-roll.ts in a process of its own: the daily roll as a serving server runs it
// (LeaderboardService.rollInChunks), on the SQLite file named by DATABASE_URL, moved a day past
// its stored day so every score and entry changes. Prints one JSON line of figures.
const { join } = require('node:path');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const root = join(__dirname, '..');
require(join(root, 'node_modules/reflect-metadata'));
const { NestFactory } = require(join(root, 'node_modules/@nestjs/core'));
const { AppModule } = require(join(root, 'dist/app.module'));
const { loadConfig } = require(join(root, 'dist/config/app.config'));
const { LeaderboardService } = require(join(root, 'dist/leaderboard/leaderboard.service'));
const { addDays, londonToday } = require(join(root, 'dist/leaderboard/windows'));

async function main() {
  const app = await NestFactory.createApplicationContext(
    AppModule.register(loadConfig(process.env)),
    {
      logger: ['error', 'warn'],
    },
  );
  const leaderboard = app.get(LeaderboardService);
  await leaderboard.rolling; // a roll start-up began (a dataset built on an earlier day)
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let blocksOver50 = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - last > 60) blocksOver50 += 1; // the ticker's 10 ms plus more than 50 ms held
    last = now;
  }, 10);
  delay.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await leaderboard.rollInChunks(addDays(londonToday(), 1));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  delay.disable();
  clearInterval(ticker);
  await app.close();
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  console.log(
    JSON.stringify({
      seconds: Math.round(seconds * 10) / 10,
      cpuSeconds: Math.round((used.user + used.system) / 1e5) / 10,
      loopMaxMs: ms(delay.max),
      loopP99Ms: ms(delay.percentile(99)),
      blocksOver50,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
