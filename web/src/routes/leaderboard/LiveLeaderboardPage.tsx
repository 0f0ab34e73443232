import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import {
  movementArrow,
  movementText,
  points,
  WINDOW_LABELS,
  WINDOW_PARAMS,
  windowFrom,
} from './leaderboard-labels';

const DEFAULT_TOP = 10;
const MAX_TOP = 20;

const LiveLeaderboardQuery = graphql(`
  query LiveLeaderboard($window: LeaderboardWindow!, $first: Int!) {
    leaderboard(window: $window, first: $first) {
      totalCount
      edges {
        node {
          rank
          score
          movement
          staff {
            id
            displayName
            showOnLeaderboard
            organisation {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const LeaderboardUpdatedSubscription = graphql(`
  subscription LeaderboardUpdated($window: LeaderboardWindow!) {
    leaderboardUpdated(window: $window) {
      window
      changedAt
    }
  }
`);

const clock = (date: Date) =>
  date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The full-screen leaderboard for the screen at a tweetup: large type, the top few, fetched
 * again whenever the server says the board changed (leaderboardUpdated over graphql-ws).
 * A screen in a room is public: only people who opted in are named on it, whoever signed in.
 */
export function LiveLeaderboardPage() {
  const [params] = useSearchParams();
  const window = windowFrom(params.get('window'));
  const asked = Number(params.get('top'));
  const top = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_TOP) : DEFAULT_TOP;
  usePageTitle(`Live leaderboard: ${WINDOW_LABELS[window].toLowerCase()}`);
  const { data, error, refetch } = useQuery(LiveLeaderboardQuery, {
    variables: { window, first: top },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'network-only',
  });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const live = useSubscription(LeaderboardUpdatedSubscription, {
    variables: { window },
    onData: () => {
      void refetch().then(() => setUpdatedAt(new Date()));
    },
  });

  return (
    <main className="app-live" id="maincontent">
      <header className="app-live__header">
        <h1 className="app-live__title">
          Staff Voices leaderboard
          <span className="app-live__window">{WINDOW_LABELS[window]}</span>
        </h1>
        <p className="app-live__status" aria-live="polite" data-testid="live-status">
          {live.error
            ? 'Live updates paused: trying to reconnect'
            : updatedAt
              ? `Updated at ${clock(updatedAt)}`
              : 'Updates as scores change'}
        </p>
      </header>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading the leaderboard" />
      ) : data.leaderboard.edges.length === 0 ? (
        <p className="app-live__empty">No one is ranked yet.</p>
      ) : (
        <ol className="app-live__list" data-testid="live-list">
          {data.leaderboard.edges.map(({ node }, index) => {
            const named = node.staff?.showOnLeaderboard ? node.staff : null;
            return (
              <li key={named?.id ?? `anonymous-${index}`} className="app-live__entry">
                <span className="app-live__rank">{node.rank}</span>
                <span className="app-live__who">
                  <span className="app-live__name" dir="auto">
                    {named?.displayName ?? 'Anonymous member of staff'}
                  </span>
                  {named?.organisation ? (
                    <span className="app-live__organisation" dir="auto">
                      {named.organisation.name}
                    </span>
                  ) : null}
                </span>
                <span className="app-live__score">{points(node.score)}</span>
                <span className="app-live__movement">
                  <span aria-hidden="true">{movementArrow(node.movement)} </span>
                  {movementText(node.movement)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p className="app-live__footer">
        Named only with their agreement.{' '}
        <Link to={`/leaderboard?window=${WINDOW_PARAMS[window]}`}>Back to the leaderboard</Link>
      </p>
    </main>
  );
}
