import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimitedError } from './rate-limited.error';

function rateLimitedIn(error: unknown): RateLimitedError | null {
  for (
    let cause = error;
    cause instanceof Error;
    cause = (cause as { originalError?: unknown }).originalError
  ) {
    if (cause instanceof RateLimitedError) return cause;
  }
  return null;
}

/**
 * A GraphQL answer holding a RATE_LIMITED error is HTTP 429 with Retry-After (the longest wait
 * among its errors). Needs the driver's preserveHttpStatusForExecutionErrors off.
 */
export function rateLimitedResponsePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          const waits = (errors ?? []).map(rateLimitedIn).filter((error) => error !== null);
          if (waits.length === 0) return;
          response.http.status = 429;
          const retryAfter = Math.max(...waits.map((error) => error.retryAfterSeconds));
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
