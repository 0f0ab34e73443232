import { useQuery } from '@apollo/client/react';
import { Outlet } from 'react-router';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import { usePageTitle } from '../page/use-page-title';

const RequireCommsAdminQuery = graphql(`
  query RequireCommsAdmin {
    me {
      id
      isCommsAdmin
      isNationalAdmin
    }
  }
`);

function NoAccess() {
  usePageTitle('You cannot see this page');
  return (
    <>
      <h1>You cannot see this page</h1>
      <p>
        This page is for the communications team (people with the Comms.Admin or Comms.NationalAdmin
        role).
      </p>
      <p>If you think you should have access, ask your IT service desk.</p>
    </>
  );
}

/** Admin pages for the communications team only; the server enforces this too. */
export function RequireCommsAdmin() {
  const { data, error, refetch } = useQuery(RequireCommsAdminQuery);
  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  return data.me.isCommsAdmin || data.me.isNationalAdmin ? <Outlet /> : <NoAccess />;
}
