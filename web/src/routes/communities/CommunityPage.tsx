import { useQuery } from '@apollo/client/react';
import { Button, Tag } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { errorCode } from '../../app/errors/error-messages';
import { COMMUNITY_KIND_LABELS, COMMUNITY_ROLE_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { FlashBanner } from '../../components/FlashBanner/FlashBanner';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { JoinButton } from '../../components/JoinButton/JoinButton';
import { LinkedText } from '../../components/LinkedText/LinkedText';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { StaffCard } from '../../components/StaffCard/StaffCard';
import { appendMembers } from './community-members';
import { graphql } from '../../gql';

const CommunityPageQuery = graphql(`
  query CommunityPage($slug: String!, $first: Int!, $after: String) {
    community(slug: $slug) {
      id
      slug
      name
      kind
      scope
      hashtag
      description
      memberCount
      archived
      organisation {
        id
        name
      }
      links {
        label
        url
      }
      ...JoinButton_community
      members(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            role
            member {
              id
              ...StaffCard_staff
              ...FollowButton_staff
            }
          }
        }
      }
    }
  }
`);

export function CommunityPage() {
  const { slug = '' } = useParams();
  const { data, error, refetch, fetchMore, loading } = useQuery(CommunityPageQuery, {
    variables: { slug, first: 20 },
  });
  const community = data?.community;
  usePageTitle(community?.name ?? 'Community', !!error && !data);

  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND') {
      return (
        <>
          <h1>Community not found</h1>
          <p>
            There is no community at this address, or it is for another organisation.{' '}
            <Link to="/communities">See all communities</Link>.
          </p>
        </>
      );
    }
    return (
      <>
        <h1>Community</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!community) return <Loading label="Loading the community" />;
  const members = community.members;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FlashBanner />
        <h1>
          <span className="nhsuk-caption-l">
            {COMMUNITY_KIND_LABELS[community.kind]}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          <span dir="auto">{community.name}</span>
        </h1>
        {community.archived ? (
          <p>
            <Tag modifier="grey">Archived</Tag> This community no longer takes new members.
          </p>
        ) : null}
        {community.description ? (
          <LinkedText text={community.description} className="nhsuk-body-l app-bio" />
        ) : null}
        <p className="app-community-card__meta">
          {community.hashtag ? <span>{community.hashtag}</span> : null}
          <span>
            {community.memberCount.toLocaleString('en-GB')}{' '}
            {community.memberCount === 1 ? 'member' : 'members'}
          </span>
          {community.scope === 'ORGANISATION' && community.organisation ? (
            <span>For staff of {community.organisation.name}</span>
          ) : (
            <span>Open to all NHS staff</span>
          )}
        </p>
        <JoinButton community={community} />
        {community.links.length > 0 ? (
          <>
            <h2>Links</h2>
            <ul>
              {community.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} rel="noopener noreferrer">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>Members</h2>
        {members.edges.length > 0 ? (
          <p>
            <Link to={`/follow-packs/community/${community.slug}`}>
              Follow {community.name} members on each platform
            </Link>
          </p>
        ) : null}
        {members.edges.length === 0 ? (
          <p className="app-empty">Nobody you can see has joined yet.</p>
        ) : (
          <ul className="app-card-list">
            {members.edges.map(({ node }) => (
              <li key={node.member.id} className="app-card-list__item">
                <StaffCard staff={node.member} headingLevel="h3">
                  {node.role !== 'MEMBER' ? (
                    <p>
                      <Tag modifier="blue">{COMMUNITY_ROLE_LABELS[node.role]}</Tag>
                    </p>
                  ) : null}
                  <div className="app-staff-card__actions">
                    <FollowButton staff={node.member} />
                  </div>
                </StaffCard>
              </li>
            ))}
          </ul>
        )}
        {members.pageInfo.hasNextPage ? (
          <Button
            type="button"
            secondary
            disabled={loading}
            onClick={() =>
              void fetchMore({
                variables: { after: members.pageInfo.endCursor },
                updateQuery: appendMembers,
              })
            }
          >
            Show more members
          </Button>
        ) : null}
      </div>
    </div>
  );
}
