import { useQuery } from '@apollo/client/react';
import { SummaryList, Tag } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { errorCode } from '../../app/errors/error-messages';
import { COMMUNITY_ROLE_LABELS, STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { AccountList } from '../../components/AccountList/AccountList';
import { OfficialAccounts } from '../../components/OfficialAccounts/OfficialAccounts';
import { Avatar } from '../../components/Avatar/Avatar';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { FollowCounts } from '../../components/FollowCounts/FollowCounts';
import { FollowersOverTime } from '../../components/FollowersOverTime/FollowersOverTime';
import { LinkedText } from '../../components/LinkedText/LinkedText';
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
  return (
    <>
      <h1>Person not found</h1>
      <p>This person is not in the directory. This may be because:</p>
      <ul>
        <li>they have not accepted their organisation’s social media guidance yet</li>
        <li>they have left their organisation</li>
        <li>the link is wrong</li>
      </ul>
      <p>
        <Link to="/directory">Search the staff directory</Link>
      </p>
    </>
  );
}

/** A colleague's profile: a people card (who, where, tags), then their accounts and communities. */
export function ProfilePage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ProfilePageQuery, { variables: { id } });
  const person = data?.staffMember;
  const notFound =
    !!error && !data && (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT');
  usePageTitle(
    notFound ? 'Person not found' : (person?.displayName ?? 'Profile'),
    !!error && !data && !notFound,
  );

  if (notFound) return <PersonNotFound />;
  if (error && !data) {
    return (
      <>
        <h1>Profile</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!person || !data) return <Loading label="Loading profile" />;

  const isMe = data.me.id === person.id;
  const team = [person.department?.name, person.site?.name].filter(Boolean).join(', ');
  const roles = new Set(person.communities.map((c) => c.role).filter((role) => role !== 'MEMBER'));
  const details: [string, ReactNode][] = [
    ['Organisation', person.organisation?.name],
    ['Department or team', person.department?.name],
    ['Site', person.site?.name],
    ['Staff group', person.staffGroup ? STAFF_GROUP_LABELS[person.staffGroup] : null],
  ];
  const shown = details.filter(([, value]) => !!value);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="app-person-header">
          <Avatar id={person.id} name={person.displayName} size="l" />
          <div className="app-person-header__body">
            <h1 className="app-person-header__name" dir="auto">
              {person.displayName}
            </h1>
            {person.pronouns ? (
              <p className="app-person-header__pronouns" dir="auto">
                ({person.pronouns})
              </p>
            ) : null}
            {person.jobTitle ? (
              <p className="app-person-header__job" dir="auto">
                {person.jobTitle}
              </p>
            ) : null}
            {person.leader && person.leader.title !== person.jobTitle ? (
              <p className="app-person-header__job" dir="auto">
                {person.leader.title}
              </p>
            ) : null}
            {team ? <p className="app-person-header__where">{team}</p> : null}
            {person.organisation ? (
              <p className="app-person-header__where">{person.organisation.name}</p>
            ) : null}
            {person.leader || roles.size > 0 || (person.followsViewer && !isMe) ? (
              <ul className="app-tag-list" aria-label="About them">
                {person.leader ? (
                  <li>
                    <Tag modifier="purple">Leader</Tag>
                  </li>
                ) : null}
                {[...roles].map((role) => (
                  <li key={role}>
                    <Tag modifier="blue">{COMMUNITY_ROLE_LABELS[role]}</Tag>
                  </li>
                ))}
                {person.followsViewer && !isMe ? (
                  <li>
                    <Tag modifier="grey">Follows you</Tag>
                  </li>
                ) : null}
              </ul>
            ) : null}
            <FollowCounts
              staffId={person.id}
              followerCount={person.followerCount}
              followingCount={person.followingCount}
            />
            <div className="app-person-header__actions">
              <FollowButton staff={person} />
            </div>
          </div>
        </div>
        {isMe ? (
          <p className="app-inset-note">
            This is how colleagues see you. <Link to="/me">Go to your profile</Link> to change it.
          </p>
        ) : null}
        {person.bio ? <LinkedText text={person.bio} className="app-bio nhsuk-body-l" /> : null}
        {person.leader?.statement ? (
          <blockquote className="app-leader__statement">
            <LinkedText text={person.leader.statement} />
          </blockquote>
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
        {!isMe && person.accounts.length > 0 ? (
          <p>
            <Link to={`/people/${person.id}/report`}>Report this listing</Link>
          </p>
        ) : null}
        {person.accounts.length > 0 ? <FollowersOverTime staffId={person.id} /> : null}
        {shown.length > 0 ? (
          <>
            <h2>Where they work</h2>
            <SummaryList>
              {shown.map(([key, value]) => (
                <SummaryList.Row key={key}>
                  <SummaryList.Key>{key}</SummaryList.Key>
                  <SummaryList.Value>{value}</SummaryList.Value>
                </SummaryList.Row>
              ))}
            </SummaryList>
          </>
        ) : null}
        {person.organisation ? <OfficialAccounts organisation={person.organisation} /> : null}
        <h2>Communities</h2>
        {person.communities.length === 0 ? (
          <p className="app-empty">Not in any communities you can see.</p>
        ) : (
          <ul>
            {person.communities.map(({ community, role }) => (
              <li key={community.id}>
                <Link to={`/communities/${community.slug}`} dir="auto">
                  {community.name}
                </Link>
                {role !== 'MEMBER' ? ` (${COMMUNITY_ROLE_LABELS[role]})` : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
