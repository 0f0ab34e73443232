import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button } from 'nhsuk-react-components';
import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../../app/page/use-page-title';
import { FlashBanner, useClearFlash } from '../../../components/FlashBanner/FlashBanner';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import { useLeadersList } from './use-leaders-list';

export const AdminLeadersPageQuery = graphql(`
  query AdminLeadersPage($organisationId: ID) {
    leaders(first: 100, organisationId: $organisationId) {
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

type Move = 'up' | 'down';
const moveButtonId = (move: Move, staffId: string) => `move-${move}-${staffId}`;

/** Communications team: the featured order of the leaders page, and who is on it. */
export function AdminLeadersPage() {
  usePageTitle('Manage leaders');
  const scope = useLeadersList();
  const list = scope.list;
  const query = useQuery(AdminLeadersPageQuery, {
    variables: { organisationId: list?.organisationId ?? null },
    skip: !list,
  });
  const data = list ? query.data : undefined;
  const error = query.error ?? scope.error;
  const refetch = () => (list ? void query.refetch() : scope.refetch());
  const [reorder, reorderState] = useMutation(ReorderLeadersMutation, {
    refetchQueries: ['AdminLeadersPage', 'LeadersPage'],
    awaitRefetchQueries: true,
  });
  const clearFlash = useClearFlash();
  // after a move, focus stays with the person moved: on the same button, or the other one when
  // that one goes. A layout effect, so focus is back in the same commit that removed the button
  // and never falls to the page in between.
  const focusAfterMove = useRef<{ staffId: string; move: Move } | null>(null);
  useLayoutEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    const other: Move = target.move === 'up' ? 'down' : 'up';
    const button =
      document.getElementById(moveButtonId(target.move, target.staffId)) ??
      document.getElementById(moveButtonId(other, target.staffId));
    if (button && document.activeElement !== button) button.focus();
    if (!reorderState.loading) focusAfterMove.current = null;
  }, [reorderState.loading, data]);

  const leaders = data?.leaders.edges.map((e) => e.node) ?? [];
  const move = (index: number, by: -1 | 1) => {
    if (reorderState.loading) return;
    clearFlash();
    const ids = leaders.map((l) => l.person.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    const staffId = leaders[index].person.id;
    focusAfterMove.current = { staffId, move: by < 0 ? 'up' : 'down' };
    void reorder({
      variables: { input: { staffIds: ids, organisationId: list?.organisationId ?? null } },
    }).catch(() => {
      focusAfterMove.current = null;
    });
  };

  const moveButton = (index: number, by: -1 | 1, name: string, staffId: string) => (
    <Button
      id={moveButtonId(by < 0 ? 'up' : 'down', staffId)}
      type="button"
      secondary
      small
      aria-disabled={reorderState.loading || undefined}
      onClick={() => move(index, by)}
    >
      {by < 0 ? 'Move up' : 'Move down'}
      <span className="nhsuk-u-visually-hidden"> {name}</span>
    </Button>
  );

  return (
    <>
      <BackLink asElement={Link} to="/admin">
        Communications team
      </BackLink>
      <FlashBanner />
      {reorderState.error ? <QueryErrorSummary error={reorderState.error} /> : null}
      <h1>Manage leaders</h1>
      {list ? (
        <p className="nhsuk-lede-text" id="leaders-list-name">
          You are editing {list.name}.
        </p>
      ) : null}
      <p>
        {list?.organisationId ? 'Your organisation’s leaders are' : 'The leaders page shows them'}{' '}
        in this order. To feature someone, find them in the <Link to="/directory">directory</Link>{' '}
        and choose “Feature as a leader” on their profile.
      </p>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={refetch} />
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
                  <Link to={`/admin/leaders/${leader.person.id}`} dir="auto">
                    {leader.person.displayName}
                  </Link>
                </h2>
                <p dir="auto">{leader.title}</p>
              </div>
              <div className="app-button-group">
                {index > 0
                  ? moveButton(index, -1, leader.person.displayName, leader.person.id)
                  : null}
                {index < leaders.length - 1
                  ? moveButton(index, 1, leader.person.displayName, leader.person.id)
                  : null}
                <Link className="app-link-danger" to={`/admin/leaders/${leader.person.id}/remove`}>
                  Stop featuring
                  <span className="nhsuk-u-visually-hidden"> {leader.person.displayName}</span>
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
