import { join } from 'node:path';
import { sizeFor } from './dataset-rows';
import { generateDataset } from './generate-dataset';
import { generatePgDataset } from './generate-pg-dataset';

/**
 * `npm run dataset`: builds the bench's national dataset once, without running the bench.
 * BENCH_STAFF (default 1,500,000) sets its size; BENCH_DATABASE_URL=postgres://… builds it in
 * that PostgreSQL database (made if missing), otherwise in `bench/.data/` as a SQLite file;
 * BENCH_LEADERBOARDS=skip leaves the leaderboards unbuilt.
 */
export interface DatasetChoice {
  staff: number;
  /** postgres://… or undefined for SQLite */
  databaseUrl?: string;
  leaderboards: boolean;
}

/** Where the dataset of this choice lives: a SQLite file, or the PostgreSQL database itself. */
export function datasetLocation(choice: DatasetChoice): string {
  if (choice.databaseUrl) return choice.databaseUrl;
  const suffix = choice.leaderboards ? '' : '-no-leaderboards';
  return join(
    process.env.BENCH_DATA_DIR ?? join(__dirname, '.data'),
    `staff-${choice.staff}-metrics-30d${suffix}.db`,
  );
}

export async function buildDataset(choice: DatasetChoice, log = console.log): Promise<string> {
  const size = sizeFor(choice.staff);
  const where = datasetLocation(choice);
  log(
    `Dataset: ${size.staff.toLocaleString()} staff, ${size.organisations} organisations` +
      `${choice.leaderboards ? '' : ', leaderboards not built'} -> ${where.replace(/\/\/[^@]*@/, '//')}`,
  );
  const started = Date.now();
  if (choice.databaseUrl)
    await generatePgDataset(where, size, log, { leaderboards: choice.leaderboards });
  else await generateDataset(where, size, log, { leaderboards: choice.leaderboards });
  log(`Dataset ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return where;
}

export function datasetChoiceFromEnv(staff: number): DatasetChoice {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error(`BENCH_DATABASE_URL must be postgres://…, not ${databaseUrl}`);
  return { staff, databaseUrl, leaderboards: process.env.BENCH_LEADERBOARDS !== 'skip' };
}

if (require.main === module) {
  const staff = Number(process.env.BENCH_STAFF ?? 1_500_000);
  void buildDataset(datasetChoiceFromEnv(staff)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
