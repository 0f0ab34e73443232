import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { COMMUNITY_KIND_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { FlashBanner, useClearFlash } from '../../../components/FlashBanner/FlashBanner';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';

const AdminCommunitiesPageQuery = graphql(`
  query AdminCommunitiesPage {
    communities(first: 100, filter: { includeArchived: true }) {
      totalCount
      edges {
        node {
          id
          slug
          name
          kind
          archived
          memberCount
        }
      }
    }
  }
`);

const UnarchiveCommunityMutation = graphql(`
  mutation UnarchiveCommunity($input: CommunityIdInput!) {
    unarchiveCommunity(input: $input) {
      community {
        id
        archived
        archivedAt
      }
    }
  }
`);

/** Communications team: every community, archived ones too; change, roles, archive, create. */
export function AdminCommunitiesPage() {
  usePageTitle('Manage communities');
  const { data, error, refetch } = useQuery(AdminCommunitiesPageQuery);
  const [unarchive, unarchiveState] = useMutation(UnarchiveCommunityMutation);
  const clearFlash = useClearFlash();

  return (
    <>
      <BackLink asElement={Link} to="/admin">
        Communications team
      </BackLink>
      <FlashBanner />
      {unarchiveState.error ? <QueryErrorSummary error={unarchiveState.error} /> : null}
      <h1>Manage communities</h1>
      <Button href="/admin/communities/new">Create a community</Button>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading communities" />
      ) : data.communities.edges.length === 0 ? (
        <p className="app-empty">There are no communities yet.</p>
      ) : (
        <ul className="app-card-list">
          {data.communities.edges.map(({ node: c }) => (
            <li key={c.id} className="app-card-list__item app-admin-row">
              <div>
                <h2 className="nhsuk-heading-s app-admin-row__name">
                  <Link to={`/communities/${c.slug}`} dir="auto">
                    {c.name}
                  </Link>
                </h2>
                <p className="app-community-card__meta">
                  <span>{COMMUNITY_KIND_LABELS[c.kind]}</span>
                  <span>
                    {c.memberCount.toLocaleString('en-GB')}{' '}
                    {c.memberCount === 1 ? 'member' : 'members'}
                  </span>
                  {c.archived ? <Tag modifier="grey">Archived</Tag> : null}
                </p>
              </div>
              <ul className="app-action-list">
                <li>
                  <Link to={`/admin/communities/${c.slug}/edit`}>
                    Change<span className="nhsuk-u-visually-hidden"> {c.name}</span>
                  </Link>
                </li>
                <li>
                  <Link to={`/admin/communities/${c.slug}/members`}>
                    Members and roles<span className="nhsuk-u-visually-hidden"> in {c.name}</span>
                  </Link>
                </li>
                <li>
                  {c.archived ? (
                    <Button
                      type="button"
                      secondary
                      small
                      aria-disabled={unarchiveState.loading || undefined}
                      onClick={() => {
                        if (unarchiveState.loading) return;
                        clearFlash();
                        void unarchive({ variables: { input: { communityId: c.id } } }).catch(
                          () => undefined,
                        );
                      }}
                    >
                      Restore<span className="nhsuk-u-visually-hidden"> {c.name}</span>
                    </Button>
                  ) : (
                    <Link className="app-link-danger" to={`/admin/communities/${c.slug}/archive`}>
                      Archive<span className="nhsuk-u-visually-hidden"> {c.name}</span>
                    </Link>
                  )}
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
