import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DailyRollResult {
  people: number;
  seconds: number;
  cpuSeconds: number;
  /** The longest event-loop block while the roll ran (monitorEventLoopDelay), nothing else running. */
  loopMaxMs: number;
  loopP99Ms: number;
  /** How many times the loop was held more than 50 ms. */
  blocksOver50: number;
}

/**
 * The daily roll as a serving server runs it (in chunks), on a copy of the SQLite dataset moved
 * to the next day so every score and entry changes; the copy is removed after.
 */
export function benchDailyRoll(dataset: string, people: number): DailyRollResult {
  const copy = join(tmpdir(), `staff-voices-roll-${process.pid}.db`);
  copyFileSync(dataset, copy);
  try {
    const run = spawnSync(process.execPath, [join(__dirname, 'daily-roll-child.cjs')], {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${copy}`,
        NODE_ENV: 'development',
        AUTH_MODE: 'dev',
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{'))
      throw new Error(`The daily roll failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
    return { people, ...(JSON.parse(line) as Omit<DailyRollResult, 'people'>) };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}
