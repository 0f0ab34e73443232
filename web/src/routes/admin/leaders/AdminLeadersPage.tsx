import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { usePageTitle } from '../../../app/page/use-page-title';
import { FlashBanner } from '../../../components/FlashBanner/FlashBanner';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';

const AdminLeadersPageQuery = graphql(`
  query AdminLeadersPage {
    leaders(first: 100) {
      edges {
        node {
          title
          featuredOrder
          person {
            id
            displayName
          }
        }
      }
    }
  }
`);

const ReorderLeadersMutation = graphql(`
  mutation ReorderLeaders($input: ReorderLeadersInput!) {
    reorderLeaders(input: $input) {
      leaders {
        featuredOrder
        person {
          id
        }
      }
    }
  }
`);

const RemoveLeaderMutation = graphql(`
  mutation RemoveLeader($input: RemoveLeaderInput!) {
    removeLeader(input: $input) {
      staffId
    }
  }
`);

/** Communications team: the featured order of the leaders page, and who is on it. */
export function AdminLeadersPage() {
  usePageTitle('Manage leaders');
  const { data, error, refetch } = useQuery(AdminLeadersPageQuery);
  const refresh = {
    refetchQueries: ['AdminLeadersPage', 'LeadersPage'],
    awaitRefetchQueries: true,
  };
  const [reorder, reorderState] = useMutation(ReorderLeadersMutation, refresh);
  const [remove, removeState] = useMutation(RemoveLeaderMutation, refresh);
  const busy = reorderState.loading || removeState.loading;
  const actionError = reorderState.error ?? removeState.error;

  const leaders = data?.leaders.edges.map((e) => e.node) ?? [];
  const move = (index: number, by: -1 | 1) => {
    const ids = leaders.map((l) => l.person.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    void reorder({ variables: { input: { staffIds: ids } } }).catch(() => undefined);
  };

  return (
    <>
      <BackLink asElement={Link} to="/admin">
        Communications team
      </BackLink>
      <FlashBanner />
      {actionError ? <QueryErrorSummary error={actionError} /> : null}
      <h1>Manage leaders</h1>
      <p>
        To feature someone, find them in the <Link to="/directory">directory</Link> and choose
        “Feature as a leader” on their profile.
      </p>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading leaders" />
      ) : leaders.length === 0 ? (
        <p className="app-empty">No leaders are featured yet.</p>
      ) : (
        <ol className="app-card-list">
          {leaders.map((leader, index) => (
            <li key={leader.person.id} className="app-card-list__item app-admin-row">
              <div>
                <h2 className="nhsuk-heading-s app-admin-row__name">
                  {index + 1}.{' '}
                  <Link to={`/admin/leaders/${leader.person.id}`}>{leader.person.displayName}</Link>
                </h2>
                <p>{leader.title}</p>
              </div>
              <div className="app-button-group">
                {index > 0 ? (
                  <Button
                    type="button"
                    secondary
                    small
                    disabled={busy}
                    onClick={() => move(index, -1)}
                  >
                    Move up
                    <span className="nhsuk-u-visually-hidden"> {leader.person.displayName}</span>
                  </Button>
                ) : null}
                {index < leaders.length - 1 ? (
                  <Button
                    type="button"
                    secondary
                    small
                    disabled={busy}
                    onClick={() => move(index, 1)}
                  >
                    Move down
                    <span className="nhsuk-u-visually-hidden"> {leader.person.displayName}</span>
                  </Button>
                ) : null}
                <Button
                  type="button"
                  warning
                  small
                  disabled={busy}
                  onClick={() =>
                    void remove({ variables: { input: { staffId: leader.person.id } } }).catch(
                      () => undefined,
                    )
                  }
                >
                  Stop featuring
                  <span className="nhsuk-u-visually-hidden"> {leader.person.displayName}</span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
