import { DataSource } from 'typeorm';
import { inDeferredDrain } from '../../src/database/deferred-drainer';

/**
 * The sign-in's lookup of the token's person. Whether a request makes it depends on
 * SignedInCache (a test's token minted within the same second as the last is the same token, and
 * found there), so it is not counted among a request's own statements.
 */
const SIGN_IN_LOOKUP = /"tenant_id" = \S+ AND s\."object_id" = /;

/**
 * Runs `work` and records the SQL statements the data source really sent meanwhile, leaving out
 * the sign-in's lookup of the caller (see SIGN_IN_LOOKUP) and, unless `withDrains`, the drains
 * of deferred work (a re-scoring after an earlier follow) that run beside it.
 */
export async function recordStatements<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
  { withDrains = false }: { withDrains?: boolean } = {},
) {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  const texts: string[] = [];
  const parameters: unknown[][] = [];
  logger.logQuery = function (this: typeof logger, ...args: Parameters<typeof original>) {
    if (!SIGN_IN_LOOKUP.test(args[0]) && (withDrains || !inDeferredDrain())) {
      texts.push(args[0]);
      parameters.push(Array.isArray(args[1]) ? args[1] : []);
    }
    return original.apply(this, args);
  };
  try {
    const result = await work();
    return { result, texts, parameters, count: texts.length };
  } finally {
    logger.logQuery = original;
  }
}
