import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, NotificationBanner, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { COMMUNITY_ROLE_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import type { CommunityRole } from '../../../gql/graphql';
import { appendMembers } from '../../communities/community-members';
import { PageLoad } from '../../../components/PageLoad/PageLoad';

const CommunityMembersAdminQuery = graphql(`
  query CommunityMembersAdmin($slug: String!, $after: String) {
    community(slug: $slug) {
      id
      slug
      name
      members(first: 100, after: $after) {
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
              displayName
              jobTitle
            }
          }
        }
      }
    }
  }
`);

const SetCommunityMemberRoleMutation = graphql(`
  mutation SetCommunityMemberRole($input: SetCommunityMemberRoleInput!) {
    setCommunityMemberRole(input: $input) {
      membership {
        role
      }
    }
  }
`);

// "Make Jo a champion", "Make Jo an organiser", "Make Jo a member"
const AS_A: Record<CommunityRole, string> = {
  MEMBER: 'a member',
  CHAMPION: 'a champion',
  ORGANISER: 'an organiser',
};
const ROLES = Object.keys(AS_A) as CommunityRole[];

/** Communications team: who champions and organises a community. */
export function CommunityMembersAdminPage() {
  const { slug = '' } = useParams();
  const { data, error, refetch, fetchMore, loading } = useQuery(CommunityMembersAdminQuery, {
    variables: { slug },
  });
  const [setRole, setRoleState] = useMutation(SetCommunityMemberRoleMutation, {
    refetchQueries: ['CommunityMembersAdmin', 'CommunityPage'],
    awaitRefetchQueries: true,
  });
  const [done, setDone] = useState<string | null>(null);
  const community = data?.community;
  usePageTitle(
    community ? `Members and roles: ${community.name}` : 'Members and roles',
    !!error && !data,
  );

  if (!community) {
    return <PageLoad error={error} retry={() => void refetch()} label="Loading the members" />;
  }
  const { members } = community;

  const change = (staffId: string, name: string, role: CommunityRole) => {
    if (setRoleState.loading) return;
    setDone(null);
    void setRole({ variables: { input: { communityId: community.id, staffId, role } } })
      .then(() => setDone(`${name} is now ${AS_A[role]}`))
      .catch(() => undefined);
  };

  return (
    <>
      <BackLink asElement={Link} to="/admin/communities">
        Manage communities
      </BackLink>
      {done ? (
        <NotificationBanner success>
          <NotificationBanner.Heading>{done}</NotificationBanner.Heading>
        </NotificationBanner>
      ) : null}
      {setRoleState.error ? <QueryErrorSummary error={setRoleState.error} /> : null}
      <h1>
        <span className="nhsuk-caption-l">
          Members and roles<span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        <span dir="auto">{community.name}</span>
      </h1>
      <p>
        Champions speak up for the community; organisers run its chats and events. Both are shown on
        its page and on their profiles.
      </p>
      {members.edges.length === 0 ? (
        <p className="app-empty">Nobody has joined yet.</p>
      ) : (
        <ul className="app-card-list">
          {members.edges.map(({ node: { member, role } }) => (
            <li key={member.id} className="app-card-list__item app-admin-row">
              <div>
                <h2 className="nhsuk-heading-s app-admin-row__name">
                  <Link to={`/people/${member.id}`} dir="auto">
                    {member.displayName}
                  </Link>{' '}
                  {role !== 'MEMBER' ? (
                    <Tag modifier="blue">{COMMUNITY_ROLE_LABELS[role]}</Tag>
                  ) : null}
                </h2>
                {member.jobTitle ? <p dir="auto">{member.jobTitle}</p> : null}
              </div>
              <div className="app-button-group">
                {ROLES.filter((other) => other !== role).map((other) => (
                  <Button
                    key={other}
                    type="button"
                    secondary
                    small
                    aria-disabled={setRoleState.loading || undefined}
                    onClick={() => change(member.id, member.displayName, other)}
                  >
                    Make<span className="nhsuk-u-visually-hidden"> {member.displayName}</span>{' '}
                    {AS_A[other]}
                  </Button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {members.pageInfo.hasNextPage ? (
        <Button
          type="button"
          secondary
          aria-disabled={loading || undefined}
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
    </>
  );
}
