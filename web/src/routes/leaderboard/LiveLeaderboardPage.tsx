import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import { STAFF_GROUP_LABELS } from '../../app/labels/labels';
import type { LeaderboardFilter, LeaderboardWindow } from '../../gql/graphql';
import {
  filterFrom,
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
  query LiveLeaderboard(
    $window: LeaderboardWindow!
    $campaignId: ID
    $filter: LeaderboardFilter
    $first: Int!
  ) {
    leaderboard(window: $window, campaignId: $campaignId, filter: $filter, first: $first) {
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
  subscription LeaderboardUpdated(
    $window: LeaderboardWindow!
    $campaignId: ID
    $filter: LeaderboardFilter
  ) {
    leaderboardUpdated(window: $window, campaignId: $campaignId, filter: $filter) {
      window
      changedAt
    }
  }
`);

// what the screen's heading names: the campaign, or the organisation a board is filtered to
const LiveBoardNameQuery = graphql(`
  query LiveBoardName(
    $campaignId: ID!
    $organisationId: ID!
    $campaign: Boolean!
    $organisation: Boolean!
  ) {
    campaign(id: $campaignId) @include(if: $campaign) {
      id
      name
      hashtag
    }
    organisation(id: $organisationId) @include(if: $organisation) {
      id
      name
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
  const campaignId = params.get('campaign');
  const chosenWindow = windowFrom(params.get('window'));
  const window: LeaderboardWindow = campaignId ? 'CAMPAIGN' : chosenWindow;
  const filter: LeaderboardFilter = campaignId ? {} : filterFrom(params);
  const asked = Number(params.get('top'));
  const top = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_TOP) : DEFAULT_TOP;
  const names = useQuery(LiveBoardNameQuery, {
    variables: {
      campaignId: campaignId ?? '',
      organisationId: filter.organisationId ?? '',
      campaign: !!campaignId,
      organisation: !!filter.organisationId,
    },
    skip: !campaignId && !filter.organisationId,
  });
  const campaign = names.data?.campaign;
  const boardName = campaignId
    ? campaign
      ? `${campaign.name} ${campaign.hashtag}`
      : 'Campaign'
    : [
        filter.leaders ? 'Leaders' : null,
        names.data?.organisation?.name ?? (filter.organisationId ? null : 'NHS-wide'),
        filter.staffGroup ? STAFF_GROUP_LABELS[filter.staffGroup] : null,
        WINDOW_LABELS[chosenWindow],
      ]
        .filter(Boolean)
        .join(', ');
  usePageTitle(`Live leaderboard: ${boardName}`);
  const board = { window, campaignId, filter };
  const { data, error, refetch } = useQuery(LiveLeaderboardQuery, {
    variables: { ...board, first: top },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'network-only',
  });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const live = useSubscription(LeaderboardUpdatedSubscription, {
    variables: board,
    onData: () => {
      void refetch().then(() => setUpdatedAt(new Date()));
    },
  });
  const backLink = campaignId
    ? `/campaigns/${campaignId}`
    : `/leaderboard?${new URLSearchParams([
        ['window', WINDOW_PARAMS[chosenWindow]],
        ...[...params].filter(([name]) => ['organisation', 'staffGroup', 'leaders'].includes(name)),
      ]).toString()}`;

  return (
    <main className="app-live" id="maincontent">
      <header className="app-live__header">
        <h1 className="app-live__title">
          Staff Voices leaderboard
          <span className="app-live__window" dir="auto">
            {boardName}
          </span>
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
        <Link to={backLink}>{campaignId ? 'Back to the campaign' : 'Back to the leaderboard'}</Link>
      </p>
    </main>
  );
}
