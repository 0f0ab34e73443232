import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { COMMUNITY_KIND_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { FlashBanner } from '../../../components/FlashBanner/FlashBanner';
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

const ArchiveCommunityMutation = graphql(`
  mutation ArchiveCommunity($input: CommunityIdInput!) {
    archiveCommunity(input: $input) {
      community {
        id
        archived
        archivedAt
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

/** Communications team: every community, archived ones too; archive, restore, create. */
export function AdminCommunitiesPage() {
  usePageTitle('Manage communities');
  const { data, error, refetch } = useQuery(AdminCommunitiesPageQuery);
  const [archive, archiveState] = useMutation(ArchiveCommunityMutation);
  const [unarchive, unarchiveState] = useMutation(UnarchiveCommunityMutation);
  const busy = archiveState.loading || unarchiveState.loading;
  const actionError = archiveState.error ?? unarchiveState.error;

  return (
    <>
      <BackLink asElement={Link} to="/admin">
        Communications team
      </BackLink>
      <FlashBanner />
      {actionError ? <QueryErrorSummary error={actionError} /> : null}
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
          {data.communities.edges.map(({ node: c }) => {
            const input = { communityId: c.id };
            return (
              <li key={c.id} className="app-card-list__item app-admin-row">
                <div>
                  <h2 className="nhsuk-heading-s app-admin-row__name">
                    <Link to={`/communities/${c.slug}`}>{c.name}</Link>
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
                {c.archived ? (
                  <Button
                    type="button"
                    secondary
                    small
                    disabled={busy}
                    onClick={() => void unarchive({ variables: { input } }).catch(() => undefined)}
                  >
                    Restore<span className="nhsuk-u-visually-hidden"> {c.name}</span>
                  </Button>
                ) : (
                  <Button
                    type="button"
                    secondary
                    small
                    disabled={busy}
                    onClick={() => void archive({ variables: { input } }).catch(() => undefined)}
                  >
                    Archive<span className="nhsuk-u-visually-hidden"> {c.name}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
