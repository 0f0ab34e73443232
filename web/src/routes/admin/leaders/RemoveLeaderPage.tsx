import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { ConfirmAction } from '../../../components/ConfirmAction/ConfirmAction';
import { useNavigateWithFlash } from '../../../components/FlashBanner/FlashBanner';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { AdminLeadersPageQuery } from './AdminLeadersPage';
import { useLeadersList } from './use-leaders-list';

const RemoveLeaderMutation = graphql(`
  mutation RemoveLeader($input: RemoveLeaderInput!) {
    removeLeader(input: $input) {
      staffId
    }
  }
`);

/** Communications team: confirm before someone stops being featured. */
export function RemoveLeaderPage() {
  const { staffId = '' } = useParams();
  const scope = useLeadersList();
  const query = useQuery(AdminLeadersPageQuery, {
    variables: { organisationId: scope.list?.organisationId ?? null },
    skip: !scope.list,
  });
  const data = scope.list ? query.data : undefined;
  const error = query.error ?? scope.error;
  const refetch = () => (scope.list ? void query.refetch() : scope.refetch());
  const [remove, removeState] = useMutation(RemoveLeaderMutation, {
    refetchQueries: ['AdminLeadersPage', 'LeadersPage'],
    awaitRefetchQueries: true,
  });
  const navigateWithFlash = useNavigateWithFlash();

  if (error && !data) return <QueryErrorSummary error={error} onRetry={refetch} />;
  if (!data) return <Loading label="Loading leaders" />;
  const leader = data.leaders.edges.find((e) => e.node.person.id === staffId)?.node;
  if (!leader) return <NotFoundPage />;
  const name = leader.person.displayName;

  return (
    <ConfirmAction
      title={`Stop featuring ${name}?`}
      confirmLabel="Yes, stop featuring them"
      cancelLabel="No, keep them featured"
      cancelTo="/admin/leaders"
      busy={removeState.loading}
      error={removeState.error}
      onConfirm={() =>
        void remove({ variables: { input: { staffId } } })
          .then(() => navigateWithFlash('/admin/leaders', `${name} is no longer featured`))
          .catch(() => undefined)
      }
    >
      <p>
        They will no longer be on the leaders page or in its follow pack. They stay in the
        directory, and you can feature them again from their profile.
      </p>
    </ConfirmAction>
  );
}
