import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { Button, ErrorSummary } from 'nhsuk-react-components';

export interface ProblemItem {
  message: string;
  /** id of the form control to link to, when the problem is about one field */
  field?: string;
}

/** Turns whatever went wrong into messages a person can act on. */
export function problemsFrom(error: unknown): ProblemItem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => ({
      message: e.message,
      field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
    }));
  }
  if (ServerError.is(error)) {
    return [
      {
        message:
          error.statusCode >= 500
            ? 'Staff Voices is not working right now. Try again later.'
            : `The server refused the request (${error.statusCode}).`,
      },
    ];
  }
  if (error instanceof TypeError) {
    return [{ message: 'Staff Voices could not be reached. Check your connection and try again.' }];
  }
  return [{ message: error instanceof Error ? error.message : 'Something went wrong.' }];
}

interface QueryErrorSummaryProps {
  error?: unknown;
  /** Problems found before asking the server (a missing answer); used instead of `error`. */
  problems?: ProblemItem[];
  title?: string;
  /** Offer a "Try again" button (for failed page loads). */
  onRetry?: () => void;
  /** Maps a server field name to the id of the control showing it. */
  fieldIds?: Record<string, string>;
}

/** A GraphQL or network error in the NHS error summary pattern; it takes focus when shown. */
export function QueryErrorSummary({
  error,
  problems: given,
  title = 'There is a problem',
  onRetry,
  fieldIds = {},
}: QueryErrorSummaryProps) {
  const problems = given ?? problemsFrom(error);
  return (
    <>
      <ErrorSummary>
        <ErrorSummary.Title>{title}</ErrorSummary.Title>
        <ErrorSummary.List>
          {problems.map((problem, index) => {
            const field = problem.field?.replace(/^input\./, '');
            const id = field ? (fieldIds[field] ?? field) : undefined;
            return (
              <ErrorSummary.ListItem key={index} href={id ? `#${id}` : undefined}>
                {problem.message}
              </ErrorSummary.ListItem>
            );
          })}
        </ErrorSummary.List>
      </ErrorSummary>
      {onRetry ? (
        <Button secondary type="button" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </>
  );
}
