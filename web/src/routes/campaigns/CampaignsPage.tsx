import { useQuery } from '@apollo/client/react';
import { Button, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { FlashBanner } from '../../components/FlashBanner/FlashBanner';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type { CampaignsPageQuery as CampaignsPageData } from '../../gql/graphql';
import { type CampaignPhase, campaignPhase, formatDates, londonToday } from './campaign-dates';

// a trust runs a handful of campaigns a year: one page of them is every one there is
export const CAMPAIGNS_PAGE_SIZE = 100;

const CampaignsPageQuery = graphql(`
  query CampaignsPage($first: Int!) {
    me {
      id
      isCommsAdmin
      isNationalAdmin
    }
    campaigns(first: $first) {
      totalCount
      edges {
        node {
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
      }
    }
  }
`);

type CampaignNode = CampaignsPageData['campaigns']['edges'][number]['node'];

const SECTIONS: { phase: CampaignPhase; heading: string; empty: string }[] = [
  { phase: 'CURRENT', heading: 'Running now', empty: 'No campaign is running today.' },
  { phase: 'UPCOMING', heading: 'Coming up', empty: 'No campaigns are planned yet.' },
  { phase: 'PAST', heading: 'Finished', empty: 'No campaigns have finished yet.' },
];

export function CampaignsPage() {
  usePageTitle('Campaigns');
  const { data, error, refetch } = useQuery(CampaignsPageQuery, {
    variables: { first: CAMPAIGNS_PAGE_SIZE },
  });
  const today = londonToday();
  const mayCreate = !!data && (data.me.isCommsAdmin || data.me.isNationalAdmin);

  const byPhase = (phase: CampaignPhase): CampaignNode[] => {
    const found = (data?.campaigns.edges ?? [])
      .map(({ node }) => node)
      .filter((c) => campaignPhase(c, today) === phase);
    // the soonest first for what is to come; the latest first for the rest
    return phase === 'UPCOMING'
      ? found.sort((a, b) => a.startsOn.localeCompare(b.startsOn))
      : found.sort((a, b) => b.endsOn.localeCompare(a.endsOn));
  };

  return (
    <>
      <FlashBanner />
      <h1>Campaigns</h1>
      <p className="nhsuk-lede-text">
        Take part in a social media week, a trust hashtag or a tweetup. Each campaign has its own
        leaderboard of the people taking part.
      </p>
      {mayCreate ? (
        <Button href="/campaigns/new" secondary>
          Create a campaign
        </Button>
      ) : null}
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading campaigns" />
      ) : (
        SECTIONS.map(({ phase, heading, empty }) => {
          const campaigns = byPhase(phase);
          return (
            <section key={phase} aria-labelledby={`campaigns-${phase.toLowerCase()}`}>
              <h2 id={`campaigns-${phase.toLowerCase()}`}>{heading}</h2>
              {campaigns.length === 0 ? (
                <p className="app-empty">{empty}</p>
              ) : (
                <ul className="app-card-list">
                  {campaigns.map((c) => (
                    <CampaignCard key={c.id} campaign={c} />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </>
  );
}

function CampaignCard({ campaign: c }: { campaign: CampaignNode }) {
  return (
    <li className="app-card-list__item app-community-card">
      <h3 className="nhsuk-heading-m app-community-card__name">
        <Link to={`/campaigns/${c.id}`} dir="auto">
          {c.name}
        </Link>
      </h3>
      <p className="app-community-card__meta">
        <span>{c.hashtag}</span>
        <span>{formatDates(c)}</span>
        <span>
          {c.nhsWide ? 'All NHS staff' : `${c.organisation?.name ?? 'Your organisation'} only`}
        </span>
        <span>
          {c.participantCount.toLocaleString('en-GB')}{' '}
          {c.participantCount === 1 ? 'person taking part' : 'people taking part'}
        </span>
        {c.joined ? <Tag modifier="green">You are taking part</Tag> : null}
      </p>
    </li>
  );
}
