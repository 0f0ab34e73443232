import { useMutation, useQuery } from '@apollo/client/react';
import { Button, SummaryList, Table, Tag } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorCode } from '../../app/errors/error-messages';
import { usePageTitle } from '../../app/page/use-page-title';
import { FlashBanner } from '../../components/FlashBanner/FlashBanner';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import { campaignPhase, formatDates, londonToday } from './campaign-dates';
import { liveBoardLink } from '../leaderboard/leaderboard-labels';

// the top of the board; the whole board is the leaderboard page's
export const CAMPAIGN_BOARD_SIZE = 50;

const CampaignPageQuery = graphql(`
  query CampaignPage($id: ID!, $first: Int!) {
    me {
      id
      isCommsAdmin
      isNationalAdmin
    }
    campaign(id: $id) {
      id
      name
      hashtag
      startsOn
      endsOn
      nhsWide
      joined
      participantCount
      organisation {
        id
        name
      }
    }
    leaderboard(window: CAMPAIGN, campaignId: $id, first: $first) {
      totalCount
      edges {
        node {
          rank
          score
          isMe
          staff {
            id
            displayName
          }
          breakdown {
            component
            points
            detail
          }
        }
      }
    }
  }
`);

const JoinCampaignMutation = graphql(`
  mutation JoinCampaign($input: CampaignIdInput!) {
    joinCampaign(input: $input) {
      campaign {
        id
        joined
        participantCount
      }
    }
  }
`);

const LeaveCampaignMutation = graphql(`
  mutation LeaveCampaign($input: CampaignIdInput!) {
    leaveCampaign(input: $input) {
      campaign {
        id
        joined
        participantCount
      }
    }
  }
`);

const ordinal = new Intl.PluralRules('en-GB', { type: 'ordinal' });
const SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const place = (rank: number) => `${rank}${SUFFIX[ordinal.select(rank)]}`;

export function CampaignPage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(CampaignPageQuery, {
    variables: { id, first: CAMPAIGN_BOARD_SIZE },
  });
  const campaign = data?.campaign;
  usePageTitle(campaign?.name ?? 'Campaign', !!error && !data);

  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') {
      return (
        <>
          <h1>Campaign not found</h1>
          <p>
            There is no campaign at this address, or it is for another organisation.{' '}
            <Link to="/campaigns">See all campaigns</Link>.
          </p>
        </>
      );
    }
    return (
      <>
        <h1>Campaign</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data || !campaign) return <Loading label="Loading the campaign" />;
  const phase = campaignPhase(campaign, londonToday());
  const board = data.leaderboard;
  const me = board.edges.find(({ node }) => node.isMe)?.node;
  const isAdmin = data.me.isCommsAdmin || data.me.isNationalAdmin;
  // an NHS-wide campaign is the national team's; an organisation's, its own team's
  const mayChange = campaign.nhsWide ? data.me.isNationalAdmin : isAdmin;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <FlashBanner />
        <h1>
          <span className="nhsuk-caption-l">
            Campaign<span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          <span dir="auto">{campaign.name}</span>
        </h1>
        <SummaryList>
          <SummaryList.Row>
            <SummaryList.Key>Hashtag</SummaryList.Key>
            <SummaryList.Value>{campaign.hashtag}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Dates</SummaryList.Key>
            <SummaryList.Value>
              {formatDates(campaign)}{' '}
              {phase === 'CURRENT' ? (
                <Tag modifier="green">Running now</Tag>
              ) : phase === 'UPCOMING' ? (
                <Tag modifier="blue">Coming up</Tag>
              ) : (
                <Tag modifier="grey">Finished</Tag>
              )}
            </SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Who can take part</SummaryList.Key>
            <SummaryList.Value>
              {campaign.nhsWide
                ? 'All NHS staff'
                : `Staff of ${campaign.organisation?.name ?? 'your organisation'}`}
            </SummaryList.Value>
          </SummaryList.Row>
        </SummaryList>
        <CampaignJoin
          campaign={campaign}
          ended={phase === 'PAST'}
          onChanged={() => void refetch()}
        />

        <h2>Results</h2>
        <ul className="nhsuk-list">
          <li>
            {campaign.participantCount.toLocaleString('en-GB')}{' '}
            {campaign.participantCount === 1 ? 'person is' : 'people are'} taking part
          </li>
          <li>
            {board.totalCount.toLocaleString('en-GB')}{' '}
            {board.totalCount === 1 ? 'person is' : 'people are'} on the campaign’s leaderboard
            (people who have accepted the social media guidance)
          </li>
          {me ? (
            <li>
              You are {place(me.rank)} of {board.totalCount.toLocaleString('en-GB')}, with{' '}
              {me.score.toLocaleString('en-GB')} points
            </li>
          ) : null}
        </ul>
        {isAdmin ? (
          <ul className="nhsuk-list">
            <li>
              <Link to={`/admin/imports?campaignId=${campaign.id}`}>
                Import this campaign’s activity from a CSV file
              </Link>
            </li>
            {mayChange ? (
              <li>
                <Link to={`/campaigns/${campaign.id}/edit`}>Change the campaign’s details</Link>
              </li>
            ) : null}
          </ul>
        ) : null}

        <h2 id="campaign-leaderboard">Campaign leaderboard</h2>
        <p>
          <Link to={liveBoardLink({ campaignId: campaign.id })}>
            Open the live campaign leaderboard for a big screen
          </Link>
        </p>
        {board.edges.length === 0 ? (
          <p className="app-empty">Nobody is on this campaign’s leaderboard yet.</p>
        ) : (
          <>
            <p>
              Scores count the campaign’s days only (up to today). People are named if they have
              chosen to be shown on leaderboards.
            </p>
            <Table.Container>
              <Table
                responsive
                caption={`${campaign.name} leaderboard, top ${Math.min(
                  CAMPAIGN_BOARD_SIZE,
                  board.totalCount,
                )}`}
                captionProps={{ className: 'nhsuk-u-visually-hidden' }}
              >
                <Table.Head>
                  <Table.Row>
                    <Table.Cell>Place</Table.Cell>
                    <Table.Cell>Name</Table.Cell>
                    <Table.Cell>Campaign points</Table.Cell>
                    <Table.Cell format="numeric">Score</Table.Cell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {board.edges.map(({ node }, index) => {
                    const campaignPart = node.breakdown.find((p) => p.component === 'CAMPAIGNS');
                    return (
                      <Table.Row key={node.staff?.id ?? `anonymous-${index}`}>
                        <Table.Cell>{place(node.rank)}</Table.Cell>
                        <Table.Cell>
                          {node.staff ? (
                            <Link to={`/people/${node.staff.id}`} dir="auto">
                              {node.staff.displayName}
                            </Link>
                          ) : (
                            <span className="app-empty">Not named</span>
                          )}
                          {node.isMe ? <strong> (you)</strong> : null}
                        </Table.Cell>
                        <Table.Cell>
                          {campaignPart
                            ? `${campaignPart.points}${campaignPart.detail ? ` (${campaignPart.detail})` : ''}`
                            : '0'}
                        </Table.Cell>
                        <Table.Cell format="numeric">
                          {node.score.toLocaleString('en-GB')}
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table>
            </Table.Container>
          </>
        )}
        <p>
          <Link to="/campaigns">All campaigns</Link>
        </p>
      </div>
    </div>
  );
}

function CampaignJoin({
  campaign,
  ended,
  onChanged,
}: {
  campaign: { id: string; name: string; joined: boolean };
  ended: boolean;
  onChanged: () => void;
}) {
  const [join, joinState] = useMutation(JoinCampaignMutation);
  const [leave, leaveState] = useMutation(LeaveCampaignMutation);
  const busy = joinState.loading || leaveState.loading;
  const error = joinState.error ?? leaveState.error;
  // after joining or leaving, focus moves to the button that replaced the one pressed
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (changed) {
      buttonRef.current?.focus();
      setChanged(false);
    }
  }, [changed, campaign.joined]);

  if (ended && !campaign.joined) {
    return <p>This campaign has finished.</p>;
  }
  const input = { campaignId: campaign.id };
  const run = (action: typeof join | typeof leave) => {
    if (busy) return;
    void action({ variables: { input } })
      .then(() => {
        setChanged(true);
        onChanged();
      })
      .catch(() => undefined);
  };

  return (
    <div className="app-follow">
      {error ? <QueryErrorSummary error={error} /> : null}
      {campaign.joined ? (
        <>
          <span className="app-follow__status">
            <span aria-hidden="true">✓</span> You are taking part
          </span>
          {ended ? null : (
            <Button
              ref={buttonRef}
              type="button"
              small
              secondary
              aria-disabled={busy || undefined}
              onClick={() => run(leave)}
            >
              Leave<span className="nhsuk-u-visually-hidden"> {campaign.name}</span>
            </Button>
          )}
        </>
      ) : (
        <Button
          ref={buttonRef}
          type="button"
          small
          aria-disabled={busy || undefined}
          onClick={() => run(join)}
        >
          Take part<span className="nhsuk-u-visually-hidden"> in {campaign.name}</span>
        </Button>
      )}
    </div>
  );
}
