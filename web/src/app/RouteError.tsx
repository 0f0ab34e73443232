import { isRouteErrorResponse, useRouteError } from 'react-router';
import { QueryErrorSummary } from '../components/QueryErrorSummary/QueryErrorSummary';
import { NotFoundPage } from '../routes/not-found/NotFoundPage';
import { usePageTitle } from './page/use-page-title';

/** Anything a page throws ends here, in the NHS error pattern, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  usePageTitle('Sorry, there is a problem with the service', true);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper" id="maincontent">
        <h1>Sorry, there is a problem with the service</h1>
        <QueryErrorSummary error={error} onRetry={() => window.location.reload()} />
        <p>
          <a href="/">Go to the Staff Voices home page</a>
        </p>
      </main>
    </div>
  );
}
