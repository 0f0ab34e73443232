import { DataSource } from 'typeorm';

/** Runs `work` and records the SQL statements the data source really sent meanwhile. */
export async function recordStatements<T>(dataSource: DataSource, work: () => Promise<T>) {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  const texts: string[] = [];
  const parameters: unknown[][] = [];
  logger.logQuery = function (this: typeof logger, ...args: Parameters<typeof original>) {
    texts.push(args[0]);
    parameters.push(Array.isArray(args[1]) ? args[1] : []);
    return original.apply(this, args);
  };
  try {
    const result = await work();
    return { result, texts, parameters, count: texts.length };
  } finally {
    logger.logQuery = original;
  }
}
