import { useMutation, useQuery } from '@apollo/client/react';
import { Button, NotificationBanner, SummaryList } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { AccountList } from '../../components/AccountList/AccountList';
import { FlashBanner } from '../../components/FlashBanner/FlashBanner';
import { FollowCounts } from '../../components/FollowCounts/FollowCounts';
import { LinkedText } from '../../components/LinkedText/LinkedText';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const MyProfilePageQuery = graphql(`
  query MyProfilePage {
    me {
      id
      displayName
      jobTitle
      staffGroup
      pronouns
      bio
      listed
      guidanceAccepted
      needsOrganisation
      organisation {
        id
        name
      }
      organisationClaim {
        id
        status
        reason
        organisation {
          id
          name
        }
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
      followSuggestionsOptOut
      showOnLeaderboard
    }
  }
`);

const SetSuggestionsOptOutMutation = graphql(`
  mutation SetFollowSuggestionsOptOut($input: FollowSuggestionsOptOutInput!) {
    setFollowSuggestionsOptOut(input: $input) {
      me {
        id
        followSuggestionsOptOut
      }
    }
  }
`);

const notGiven = <span className="app-not-given">Not given</span>;

export function MyProfilePage() {
  const { data, error, refetch } = useQuery(MyProfilePageQuery);
  const [setOptOut, optOut] = useMutation(SetSuggestionsOptOutMutation);
  usePageTitle('My profile', !!error && !data);

  if (error && !data) {
    return (
      <>
        <h1>My profile</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        <h1>My profile</h1>
        <Loading label="Loading your profile" />
      </>
    );
  }

  const { me } = data;
  const rows: [string, ReactNode, string][] = [
    ['Name', me.displayName, 'displayName'],
    ['Job title', me.jobTitle || notGiven, 'jobTitle'],
    ['Organisation', organisationValue(me), ''],
    ['Site', me.site?.name ?? notGiven, 'siteId'],
    ['Department or team', me.department?.name ?? notGiven, 'departmentId'],
    ['Staff group', me.staffGroup ? STAFF_GROUP_LABELS[me.staffGroup] : notGiven, 'staffGroup'],
    ['Pronouns', me.pronouns || notGiven, 'pronouns'],
    ['About me', me.bio ? <LinkedText text={me.bio} /> : notGiven, 'bio'],
  ];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FlashBanner />
        {me.needsOrganisation ? (
          <NotificationBanner>
            <NotificationBanner.Heading>Tell us where you work</NotificationBanner.Heading>
            <p>
              <Link to="/me/organisation">Choose your organisation</Link> so colleagues can find you
              by organisation, site and team.
            </p>
          </NotificationBanner>
        ) : null}
        {!me.guidanceAccepted ? (
          <NotificationBanner>
            <NotificationBanner.Heading>
              Colleagues cannot find you in the directory yet
            </NotificationBanner.Heading>
            <p>
              <Link to="/guidance">Read and accept the social media guidance</Link> to be listed.
            </p>
          </NotificationBanner>
        ) : null}
        <h1>
          <span className="nhsuk-caption-l">
            My profile<span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          <span dir="auto">{me.displayName}</span>
        </h1>
        <p>
          {me.listed ? 'Colleagues can find you in the directory. ' : null}
          <Link to={`/people/${me.id}`}>See your profile as colleagues see it</Link>
        </p>
        <FollowCounts
          staffId={me.id}
          followerCount={me.followerCount}
          followingCount={me.followingCount}
        />
        <SummaryList>
          {rows.map(([key, value, field]) => (
            <SummaryList.Row key={key}>
              <SummaryList.Key>{key}</SummaryList.Key>
              <SummaryList.Value>{value}</SummaryList.Value>
              {field ? (
                <SummaryList.Action
                  asElement={Link}
                  to={`/me/edit#${field}`}
                  visuallyHiddenText={key.toLowerCase()}
                >
                  Change
                </SummaryList.Action>
              ) : null}
            </SummaryList.Row>
          ))}
        </SummaryList>
        <h2>My social media accounts</h2>
        <AccountList
          accounts={me.accounts}
          showVisibility
          editable
          emptyText="You have not added any social media accounts yet."
        />
        <Button href="/me/accounts/add" secondary>
          Add an account
        </Button>
        <h2>Being suggested to others</h2>
        {optOut.error ? <QueryErrorSummary error={optOut.error} /> : null}
        <p>
          {me.followSuggestionsOptOut
            ? 'You have asked us not to suggest you to colleagues as someone to follow. They can still find you in the directory.'
            : 'We may suggest you to colleagues as someone to follow, for example to people in your team or communities.'}
        </p>
        <Button
          type="button"
          secondary
          disabled={optOut.loading}
          onClick={() =>
            void setOptOut({
              variables: { input: { optOut: !me.followSuggestionsOptOut } },
            }).catch(() => undefined)
          }
        >
          {me.followSuggestionsOptOut
            ? 'Let colleagues see me in suggestions'
            : 'Do not suggest me'}
        </Button>
        {me.department ? (
          <p>
            <Link to="/follow-packs/team">
              Follow your team ({me.department.name}) on each platform
            </Link>
          </p>
        ) : null}
        <h2>The leaderboard</h2>
        <p data-testid="leaderboard-consent">
          {me.showOnLeaderboard
            ? 'Colleagues see your name, score and figures on leaderboards.'
            : 'Colleagues see you on leaderboards as an anonymous entry, with points but none of your figures. You always see your own place.'}{' '}
          <Link to="/me/edit#showOnLeaderboard">
            {me.showOnLeaderboard ? 'Stop showing my name' : 'Show my name on leaderboards'}
          </Link>
        </p>
        <p>
          <Link to="/leaderboard">See the leaderboard</Link>
        </p>
        <h2>Social media guidance</h2>
        <p>
          {me.guidanceAccepted
            ? 'You have accepted the current social media guidance. '
            : 'You have not accepted the current social media guidance yet. '}
          <Link to="/guidance">Read the guidance</Link>
        </p>
        <h2>Your data</h2>
        <p>
          <Link to="/me/data">Download or erase your data</Link>
        </p>
      </div>
    </div>
  );
}

/** The trusted organisation; or the claimed one, unconfirmed; or why the claim was refused. */
function organisationValue(me: {
  organisation?: { name: string } | null;
  organisationClaim?: {
    status: string;
    reason?: string | null;
    organisation: { name: string };
  } | null;
}): ReactNode {
  const claim = me.organisationClaim;
  if (claim?.status === 'PENDING') {
    return (
      <>
        <span dir="auto">{claim.organisation.name}</span>
        <br />
        <strong className="nhsuk-tag nhsuk-tag--grey">Unconfirmed</strong>{' '}
        <span>waiting for {claim.organisation.name}’s communications team</span>
      </>
    );
  }
  if (me.organisation) return <span dir="auto">{me.organisation.name}</span>;
  if (claim?.status === 'REFUSED') {
    return (
      <>
        <span>{claim.organisation.name}’s communications team did not confirm you work there</span>
        {claim.reason ? (
          <>
            : <q dir="auto">{claim.reason}</q>
          </>
        ) : null}
        . <Link to="/me/organisation">Choose your organisation</Link>
      </>
    );
  }
  return notGiven;
}
