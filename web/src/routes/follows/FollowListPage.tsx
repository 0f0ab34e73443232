import { useQuery } from '@apollo/client/react';
import { BackLink, Button } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { StaffCard } from '../../components/StaffCard/StaffCard';
import { SuggestionsPanel } from '../../components/SuggestionsPanel/SuggestionsPanel';
import { graphql } from '../../gql';

const FollowersPageQuery = graphql(`
  query FollowersPage($id: ID!, $first: Int!, $after: String) {
    me {
      id
    }
    staffMember(id: $id) {
      id
      displayName
      followers(first: $first, after: $after) {
        totalCount
        totalCountCapped
        notListedCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...StaffCard_staff
            ...FollowButton_staff
          }
        }
      }
    }
  }
`);

const FollowingPageQuery = graphql(`
  query FollowingPage($id: ID!, $first: Int!, $after: String) {
    me {
      id
    }
    staffMember(id: $id) {
      id
      displayName
      following(first: $first, after: $after) {
        totalCount
        totalCountCapped
        notListedCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...StaffCard_staff
            ...FollowButton_staff
          }
        }
      }
    }
  }
`);

type Kind = 'followers' | 'following';

// the next page's people go after those already shown
function appendPage<C extends { edges: unknown[] }>(prev: C, next: C): C {
  return { ...next, edges: [...prev.edges, ...next.edges] };
}

/** Who follows a person, or whom they follow; your own "following" also suggests more people. */
export function FollowListPage({ kind }: { kind: Kind }) {
  const { id = '' } = useParams();
  const variables = { id, first: 50 };
  const followers = useQuery(FollowersPageQuery, { variables, skip: kind !== 'followers' });
  const following = useQuery(FollowingPageQuery, { variables, skip: kind !== 'following' });
  const { data, error, refetch, loading } = kind === 'followers' ? followers : following;
  const person = data?.staffMember;
  const isMe = !!data && data.me.id === person?.id;
  const title =
    kind === 'followers'
      ? isMe
        ? 'Your followers'
        : `People following ${person?.displayName ?? ''}`
      : isMe
        ? 'People you follow'
        : `People ${person?.displayName ?? ''} follows`;
  usePageTitle(person ? title : kind === 'followers' ? 'Followers' : 'Following', !!error && !data);

  if (error && !data) {
    return (
      <>
        <h1>{kind === 'followers' ? 'Followers' : 'Following'}</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data || !person) return <Loading />;
  const connection =
    'followers' in person ? person.followers : 'following' in person ? person.following : null;
  if (!connection) return <Loading />;

  const showMore = () => {
    const variables = { after: connection.pageInfo.endCursor };
    if (kind === 'followers') {
      void followers.fetchMore({
        variables,
        updateQuery: (prev, { fetchMoreResult: next }) => ({
          ...next,
          staffMember: {
            ...next.staffMember,
            followers: appendPage(prev.staffMember.followers, next.staffMember.followers),
          },
        }),
      });
    } else {
      void following.fetchMore({
        variables,
        updateQuery: (prev, { fetchMoreResult: next }) => ({
          ...next,
          staffMember: {
            ...next.staffMember,
            following: appendPage(prev.staffMember.following, next.staffMember.following),
          },
        }),
      });
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to={isMe ? '/me' : `/people/${person.id}`}>
          {isMe ? 'Back to your profile' : `Back to ${person.displayName}`}
        </BackLink>
        <h1>{title}</h1>
        <nav className="app-subnav" aria-label="Followers and following">
          <ul>
            <li>
              <Link
                to={`/people/${person.id}/followers`}
                aria-current={kind === 'followers' ? 'page' : undefined}
              >
                Followers
              </Link>
            </li>
            <li>
              <Link
                to={`/people/${person.id}/following`}
                aria-current={kind === 'following' ? 'page' : undefined}
              >
                Following
              </Link>
            </li>
          </ul>
        </nav>
        <p>
          {connection.totalCountCapped ? 'More than ' : ''}
          {connection.totalCount.toLocaleString('en-GB')}{' '}
          {connection.totalCount === 1 ? 'person' : 'people'}
        </p>
        {connection.notListedCount > 0 ? (
          <p className="nhsuk-body-s" data-testid="not-listed-count">
            {connection.notListedCount === 1
              ? '1 more is not shown'
              : `${connection.notListedCount.toLocaleString('en-GB')} more are not shown`}{' '}
            (counted in the {kind === 'followers' ? 'followers' : 'following'} total): they have
            left or are not listed in the directory, for example because they have not accepted
            their organisation&apos;s social media guidance.
          </p>
        ) : null}
        {isMe && kind === 'following' && connection.edges.length > 0 ? (
          <p>
            <Link to="/follow-packs/following">
              Follow these people on each platform (X, Mastodon, Bluesky…)
            </Link>
          </p>
        ) : null}
        {connection.edges.length === 0 ? (
          <p className="app-empty">
            {kind === 'followers'
              ? 'Nobody you can see follows them yet.'
              : isMe
                ? 'You do not follow anyone yet.'
                : 'They do not follow anyone you can see yet.'}
          </p>
        ) : (
          <ul className="app-card-list">
            {connection.edges.map(({ node }) => (
              <li key={node.id} className="app-card-list__item">
                <StaffCard staff={node}>
                  <div className="app-staff-card__actions">
                    <FollowButton staff={node} />
                  </div>
                </StaffCard>
              </li>
            ))}
          </ul>
        )}
        {connection.pageInfo.hasNextPage ? (
          <Button type="button" secondary disabled={loading} onClick={showMore}>
            Show more
          </Button>
        ) : null}
        {isMe && kind === 'following' ? <SuggestionsPanel /> : null}
      </div>
    </div>
  );
}
