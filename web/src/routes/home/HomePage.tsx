import { useQuery } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useSignedIn } from '../../app/auth/auth-context';
import { usePageTitle } from '../../app/page/use-page-title';
import { FollowCounts } from '../../components/FollowCounts/FollowCounts';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { SuggestionsPanel } from '../../components/SuggestionsPanel/SuggestionsPanel';
import { graphql } from '../../gql';

const HomePageQuery = graphql(`
  query HomePage {
    me {
      id
      displayName
      listed
      needsOrganisation
      followerCount
      followingCount
      accounts {
        id
      }
    }
    guidance {
      accepted
      acceptedAt
      current {
        id
        version
        title
      }
    }
  }
`);

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/** Signed in: where you stand (listed or not, and why; accounts; guidance), then who to follow. */
function MyHome() {
  const { data, error, refetch } = useQuery(HomePageQuery);
  usePageTitle(data ? `Hello, ${data.me.displayName}` : 'Home', !!error && !data);
  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label="Loading your Staff Voices" />;
  const { me, guidance } = data;
  const accounts = me.accounts.length;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 dir="auto">Hello, {me.displayName}</h1>
        <ul className="app-status-list">
          <li className={`app-status app-status--${me.listed ? 'done' : 'todo'}`}>
            <h2 className="nhsuk-heading-s app-status__title">
              {me.listed
                ? 'Colleagues can find you in the directory'
                : 'Colleagues cannot find you in the directory yet'}
            </h2>
            {me.listed ? (
              <p>
                <Link to={`/people/${me.id}`}>See your profile as colleagues see it</Link>
              </p>
            ) : (
              <p>
                You are listed once you accept your organisation’s social media guidance.{' '}
                <Link to="/guidance">Read and accept the social media guidance</Link>
              </p>
            )}
          </li>
          <li className={`app-status app-status--${accounts > 0 ? 'done' : 'todo'}`}>
            <h2 className="nhsuk-heading-s app-status__title">
              {accounts > 0
                ? `${accounts} social media ${accounts === 1 ? 'account' : 'accounts'}`
                : 'You have not added any social media accounts yet'}
            </h2>
            <p>
              {accounts > 0 ? (
                <>
                  <Link to="/me">Change your accounts</Link> or{' '}
                  <Link to="/me/accounts/add">add another</Link>
                </>
              ) : (
                <Link to="/me/accounts/add">Add a social media account</Link>
              )}
            </p>
          </li>
          {guidance.current ? (
            <li className={`app-status app-status--${guidance.accepted ? 'done' : 'todo'}`}>
              <h2 className="nhsuk-heading-s app-status__title">Social media guidance</h2>
              <p>
                {guidance.accepted
                  ? `You accepted version ${guidance.current.version}${guidance.acceptedAt ? ` on ${dateFormat.format(new Date(guidance.acceptedAt))}` : ''}. `
                  : `Version ${guidance.current.version} is waiting for you. `}
                <Link to="/guidance">Read the guidance</Link>
              </p>
            </li>
          ) : null}
          {me.needsOrganisation ? (
            <li className="app-status app-status--todo">
              <h2 className="nhsuk-heading-s app-status__title">Tell us where you work</h2>
              <p>
                <Link to="/me/organisation">Choose your organisation</Link> so colleagues can find
                you by organisation, site and team.
              </p>
            </li>
          ) : null}
          <li className="app-status">
            <h2 className="nhsuk-heading-s app-status__title">Following</h2>
            <FollowCounts
              staffId={me.id}
              followerCount={me.followerCount}
              followingCount={me.followingCount}
            />
          </li>
        </ul>
        <SuggestionsPanel />
        <h2>Find more colleagues</h2>
        <ul>
          <li>
            <Link to="/directory">Search the staff directory</Link>
          </li>
          <li>
            <Link to="/communities">Join communities</Link> such as #hellomynameis and WeNurses
          </li>
          <li>
            <Link to="/leaders">Follow our leaders</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

function Welcome() {
  usePageTitle('Find and follow NHS colleagues on social media');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Staff Voices</h1>
        <p className="nhsuk-lede-text">
          We trust our staff with patients’ lives – why wouldn’t we trust them with social media?
        </p>
        <p>Staff Voices is the NHS directory of staff social media accounts. Use it to:</p>
        <ul>
          <li>list your professional and personal accounts, and choose who can see each one</li>
          <li>find colleagues by name, job, team or community, and follow them</li>
          <li>join communities such as #hellomynameis, WeNurses and WeDocs</li>
          <li>follow your organisation’s leaders and official accounts</li>
        </ul>
        <h2>Sign in to get started</h2>
        <p>Use your work Microsoft account, the one you use for NHS email.</p>
        <Button href="/sign-in">Sign in</Button>
      </div>
    </div>
  );
}

export function HomePage() {
  return useSignedIn() ? <MyHome /> : <Welcome />;
}
