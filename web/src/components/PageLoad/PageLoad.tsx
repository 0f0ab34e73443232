import { errorCode } from '../../app/errors/error-messages';
import { NotFoundPage } from '../../routes/not-found/NotFoundPage';
import { Loading } from '../Loading/Loading';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';

/**
 * What a page shows while its query has no data: "Page not found" for something that is not
 * there (or not for this person), the error with a Try again, or the loading state.
 */
export function PageLoad({
  error,
  retry,
  label,
}: {
  error: unknown;
  retry: () => void;
  label: string;
}) {
  if (error && errorCode(error) === 'NOT_FOUND') return <NotFoundPage />;
  if (error) return <QueryErrorSummary error={error} onRetry={retry} />;
  return <Loading label={label} />;
}
