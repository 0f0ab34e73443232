import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button } from 'nhsuk-react-components';
import { Link, useNavigate, useParams } from 'react-router';
import { PLATFORM_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { MyAccountsQuery } from './EditAccountPage';

const RemoveSocialAccountMutation = graphql(`
  mutation RemoveSocialAccount($input: RemoveSocialAccountInput!) {
    removeSocialAccount(input: $input) {
      removedAccountId
    }
  }
`);

export function RemoveAccountPage() {
  const { id } = useParams();
  const { data, error, refetch } = useQuery(MyAccountsQuery);
  const navigate = useNavigate();
  const [remove, { loading, error: removeError }] = useMutation(RemoveSocialAccountMutation, {
    update(cache, { data: result }) {
      const removed = result?.removeSocialAccount.removedAccountId;
      if (!removed) return;
      // lists holding the account drop it when it leaves the cache
      cache.evict({ id: cache.identify({ __typename: 'SocialAccount', id: removed }) });
      cache.gc();
    },
  });
  const account = data?.me.accounts.find((a) => a.id === id);
  usePageTitle('Remove an account', (!!error && !data) || !!removeError);

  if (error && !data) {
    return (
      <>
        <h1>Remove an account</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <Loading label="Loading your account" />;
  if (!account) return <NotFoundPage />;

  const confirm = async () => {
    try {
      await remove({ variables: { input: { id: account.id } } });
      navigate('/me', {
        state: { flash: `${PLATFORM_LABELS[account.platform]} account ${account.handle} removed` },
      });
    } catch {
      // shown in the error summary
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to={`/me/accounts/${account.id}`}>
          Back
        </BackLink>
        {removeError ? <QueryErrorSummary error={removeError} /> : null}
        <h1>
          Remove {account.handle} from your {PLATFORM_LABELS[account.platform]} accounts?
        </h1>
        <p>
          Colleagues will no longer find this account on Staff Voices. It stays on{' '}
          {PLATFORM_LABELS[account.platform]}: this does not delete it there.
        </p>
        <div className="app-button-group">
          <Button type="button" warning disabled={loading} onClick={() => void confirm()}>
            Yes, remove it
          </Button>
          <Link to="/me">No, keep it</Link>
        </div>
      </div>
    </div>
  );
}
