/** A failed statement as TypeORM's QueryFailedError carries it (its `parameters` are the values). */
interface QueryFailure {
  query?: unknown;
  parameters?: unknown;
  driverError?: { code?: unknown };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message or stack with any bound value the driver quoted in it ("value "…" is out of range"). */
function withoutValues(text: string, parameters: unknown): string {
  if (!Array.isArray(parameters)) return text;
  let clean = text;
  for (const value of parameters) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    const literal = String(value);
    if (!literal) continue;
    clean = clean.replace(new RegExp(`(["'])${escape(literal)}\\1`, 'g'), '$1…$1');
  }
  return clean;
}

/**
 * What a log line may say about an error: its type, message, stack and, for a failed query, the
 * SQL statement and the driver's code — never the bound parameter values (names, e-mail
 * addresses, search terms), nor the driver's own error object that repeats them.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { query, parameters, driverError } = error as QueryFailure;
  return {
    type: error.constructor.name,
    message: withoutValues(error.message, parameters),
    stack: error.stack ? withoutValues(error.stack, parameters) : undefined,
    ...(typeof query === 'string' ? { query } : {}),
    ...(driverError?.code !== undefined ? { code: driverError.code } : {}),
  };
}

/** One string for Nest's Logger.error: the stack, and the statement when a query failed. */
export function describeForLog(error: unknown): string {
  const { stack, message, query } = loggableError(error);
  return `${String(stack ?? message)}${query ? `\n  query: ${String(query)}` : ''}`;
}
