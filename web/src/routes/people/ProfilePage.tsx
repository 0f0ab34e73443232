import { useQuery } from '@apollo/client/react';
import { SummaryList } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { errorCode } from '../../app/forms/field-errors';
import { STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { COMMUNITY_ROLE_LABELS } from '../../app/labels/labels';
import { AccountList } from '../../components/AccountList/AccountList';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const ProfilePageQuery = graphql(`
  query ProfilePage($id: ID!) {
    staffMember(id: $id) {
      id
      displayName
      jobTitle
      staffGroup
      pronouns
      bio
      organisation {
        id
        name
      }
      site {
        id
        name
      }
      department {
        id
        name
      }
      accounts {
        id
        ...AccountList_accounts
      }
      followerCount
      followingCount
      followsViewer
      leader {
        title
        statement
      }
      communities {
        role
        community {
          id
          slug
          name
        }
      }
      ...FollowButton_staff
    }
    me {
      id
      isCommsAdmin
    }
  }
`);

function PersonNotFound() {
  usePageTitle('Person not found');
  return (
    <>
      <h1>Person not found</h1>
      <p>This person is not in the directory. They may have left, or the link may be wrong.</p>
      <p>
        <Link to="/directory">Search the staff directory</Link>
      </p>
    </>
  );
}

/** A colleague's profile: who they are, where they work, and the accounts you may see. */
export function ProfilePage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ProfilePageQuery, { variables: { id } });
  const person = data?.staffMember;
  usePageTitle(person?.displayName ?? 'Profile', !!error && !data);

  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') {
      return <PersonNotFound />;
    }
    return (
      <>
        <h1>Profile</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!person || !data) return <Loading label="Loading profile" />;

  const rows: [string, ReactNode][] = [
    ['Job title', person.jobTitle],
    ['Organisation', person.organisation?.name],
    ['Site', person.site?.name],
    ['Department or team', person.department?.name],
    ['Staff group', person.staffGroup ? STAFF_GROUP_LABELS[person.staffGroup] : null],
    ['Pronouns', person.pronouns],
  ];
  const shown = rows.filter(([, value]) => !!value);
  const isMe = data.me.id === person.id;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{person.displayName}</h1>
        {person.leader && person.leader.title !== person.jobTitle ? (
          <p className="app-leader__title">{person.leader.title}</p>
        ) : null}
        <p className="app-follow-counts">
          <Link to={`/people/${person.id}/followers`}>
            <strong>{person.followerCount.toLocaleString('en-GB')}</strong>{' '}
            {person.followerCount === 1 ? 'follower' : 'followers'}
          </Link>
          <Link to={`/people/${person.id}/following`}>
            <strong>{person.followingCount.toLocaleString('en-GB')}</strong> following
          </Link>
          {person.followsViewer && !isMe ? <span>Follows you</span> : null}
        </p>
        <FollowButton staff={person} />
        {isMe ? (
          <p className="app-inset-note">
            This is how colleagues see you. <Link to="/me">Go to your profile</Link> to change it.
          </p>
        ) : null}
        {person.bio ? <p className="app-bio nhsuk-body-l">{person.bio}</p> : null}
        {person.leader?.statement ? (
          <blockquote className="app-leader__statement">
            <p className="app-bio">{person.leader.statement}</p>
          </blockquote>
        ) : null}
        {shown.length > 0 ? (
          <SummaryList>
            {shown.map(([key, value]) => (
              <SummaryList.Row key={key}>
                <SummaryList.Key>{key}</SummaryList.Key>
                <SummaryList.Value>{value}</SummaryList.Value>
              </SummaryList.Row>
            ))}
          </SummaryList>
        ) : null}
        {data.me.isCommsAdmin ? (
          <p>
            <Link to={`/admin/leaders/${person.id}`}>
              {person.leader ? 'Edit their leader profile' : 'Feature as a leader'}
            </Link>
          </p>
        ) : null}
        <h2>Social media</h2>
        <AccountList
          accounts={person.accounts}
          followLinks={!isMe}
          emptyText={`${person.displayName} has no social media accounts you can see.`}
        />
        <h2>Communities</h2>
        {person.communities.length === 0 ? (
          <p className="app-empty">Not in any communities you can see.</p>
        ) : (
          <ul>
            {person.communities.map(({ community, role }) => (
              <li key={community.id}>
                <Link to={`/communities/${community.slug}`}>{community.name}</Link>
                {role !== 'MEMBER' ? ` (${COMMUNITY_ROLE_LABELS[role]})` : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
