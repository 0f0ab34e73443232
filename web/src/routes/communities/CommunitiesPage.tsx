import { useQuery } from '@apollo/client/react';
import { Button, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { COMMUNITY_KIND_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { JoinButton } from '../../components/JoinButton/JoinButton';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const CommunitiesPageQuery = graphql(`
  query CommunitiesPage($first: Int!, $after: String) {
    communities(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          slug
          name
          kind
          hashtag
          description
          memberCount
          scope
          organisation {
            id
            name
          }
          ...JoinButton_community
        }
      }
    }
  }
`);

export function CommunitiesPage() {
  usePageTitle('Communities');
  const { data, error, refetch, fetchMore, loading } = useQuery(CommunitiesPageQuery, {
    variables: { first: 50 },
  });

  return (
    <>
      <h1>Communities</h1>
      <p className="nhsuk-lede-text">
        Join the hashtags, networks and accounts where NHS staff share and support each other.
      </p>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading communities" />
      ) : data.communities.edges.length === 0 ? (
        <p className="app-empty">There are no communities yet.</p>
      ) : (
        <>
          <ul className="app-card-list">
            {data.communities.edges.map(({ node: c }) => (
              <li key={c.id} className="app-card-list__item app-community-card">
                <h2 className="nhsuk-heading-m app-community-card__name">
                  <Link to={`/communities/${c.slug}`} dir="auto">
                    {c.name}
                  </Link>
                </h2>
                <p className="app-community-card__meta">
                  <Tag modifier="white">{COMMUNITY_KIND_LABELS[c.kind]}</Tag>
                  {c.hashtag ? <span>{c.hashtag}</span> : null}
                  <span>
                    {c.memberCount.toLocaleString('en-GB')}{' '}
                    {c.memberCount === 1 ? 'member' : 'members'}
                  </span>
                  {c.scope === 'ORGANISATION' && c.organisation ? (
                    <span>{c.organisation.name} only</span>
                  ) : null}
                </p>
                {c.description ? (
                  <p className="app-bio" dir="auto">
                    {c.description}
                  </p>
                ) : null}
                <JoinButton community={c} />
              </li>
            ))}
          </ul>
          {data.communities.pageInfo.hasNextPage ? (
            <Button
              type="button"
              secondary
              disabled={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: data.communities.pageInfo.endCursor },
                  updateQuery: (prev, { fetchMoreResult }) => ({
                    communities: {
                      ...fetchMoreResult.communities,
                      edges: [...prev.communities.edges, ...fetchMoreResult.communities.edges],
                    },
                  }),
                })
              }
            >
              Show more communities
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
