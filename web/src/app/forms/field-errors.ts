import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The server names the offending field (`extensions.field`); show its message beside that field. */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return errors;
  for (const e of error.errors) {
    const field = e.extensions?.field;
    if (typeof field === 'string' && e.extensions?.code === 'BAD_USER_INPUT') {
      const name = field.replace(/^input\./, '');
      errors[name] ??= e.message;
    }
  }
  return errors;
}

/** A GraphQL error's code (NOT_FOUND, FORBIDDEN…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
