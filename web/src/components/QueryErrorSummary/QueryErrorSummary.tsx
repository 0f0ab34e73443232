import { Button, ErrorSummary } from 'nhsuk-react-components';
import {
  isInputError,
  type Problem,
  problemsFrom,
  type SentValues,
} from '../../app/errors/error-messages';

interface QueryErrorSummaryProps {
  error?: unknown;
  /** Problems found before asking the server (a missing answer); used instead of `error`. */
  problems?: Problem[];
  /** What the person sent, when the words depend on it ("must be 1,000 characters or fewer"). */
  values?: SentValues;
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
  values,
  title = 'There is a problem',
  onRetry,
  fieldIds = {},
}: QueryErrorSummaryProps) {
  const problems = given ?? problemsFrom(error, values);
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
      {/* trying again cannot help when what was sent is wrong */}
      {onRetry && !isInputError(error) ? (
        <Button secondary type="button" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </>
  );
}
