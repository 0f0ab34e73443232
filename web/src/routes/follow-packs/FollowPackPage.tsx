import { useQuery } from '@apollo/client/react';
import { Button, Checkboxes, InsetText, Textarea } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useAuthSession } from '../../app/auth/auth-context';
import { downloadWithToken } from '../../app/auth/download-with-token';
import { errorCode } from '../../app/errors/error-messages';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { PlatformIcon } from '../../components/PlatformIcon/PlatformIcon';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type {
  FollowPackPageQuery as FollowPackPageData,
  FollowPackSource,
} from '../../gql/graphql';

// Everyone, ticked: the page decides what is ticked, so every output changes at the same moment.
const FollowPackPageQuery = graphql(`
  query FollowPackPage($source: FollowPackSource!, $id: ID, $after: String) {
    followPack(source: $source, id: $id, after: $after) {
      title
      source
      mastodonCsvPath
      people {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            person {
              id
              displayName
              jobTitle
            }
            accounts {
              id
              platform
            }
          }
        }
      }
      platforms {
        platform
        accounts {
          id
          handle
          url
          followUrl
        }
      }
    }
  }
`);

const SOURCES: Record<string, FollowPackSource> = {
  following: 'FOLLOWING',
  community: 'COMMUNITY',
  team: 'TEAM',
  leaders: 'LEADERS',
};

/** The next page of people joins those shown, and their accounts join each platform's. */
function appendPage(
  shown: FollowPackPageData,
  { fetchMoreResult: next }: { fetchMoreResult: FollowPackPageData },
): FollowPackPageData {
  const platforms = [...shown.followPack.platforms];
  for (const platform of next.followPack.platforms) {
    const i = platforms.findIndex((p) => p.platform === platform.platform);
    if (i < 0) platforms.push(platform);
    else
      platforms[i] = {
        ...platforms[i],
        accounts: [...platforms[i].accounts, ...platform.accounts],
      };
  }
  return {
    followPack: {
      ...next.followPack,
      people: {
        ...next.followPack.people,
        edges: [...shown.followPack.people.edges, ...next.followPack.people.edges],
      },
      platforms,
    },
  };
}

function untickedIn(params: URLSearchParams): Set<string> {
  return new Set((params.get('exclude') ?? '').split(',').filter((id) => /^\d+$/.test(id)));
}

/**
 * The unticked people live in the address (`?exclude=12,15`), so a pack can be shared as ticked.
 * The page holds them too: the router writes the address in a transition, after the click has
 * ended, and a controlled checkbox whose state arrives that late springs back under the pointer.
 */
function useUnticked(): [Set<string>, (id: string, ticked: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const [chosen, setChosen] = useState(() => ({ pathname, unticked: untickedIn(params) }));
  // another pack in the same page: start from its address
  const current =
    chosen.pathname === pathname ? chosen : { pathname, unticked: untickedIn(params) };
  if (current !== chosen) setChosen(current);
  const setTicked = (id: string, ticked: boolean) => {
    const next = new Set(current.unticked);
    if (ticked) next.delete(id);
    else next.add(id);
    setChosen({ pathname, unticked: next });
    setParams(
      (shown) => {
        const updated = new URLSearchParams(shown);
        if (next.size > 0) updated.set('exclude', [...next].join(','));
        else updated.delete('exclude');
        return updated;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return [current.unticked, setTicked];
}

/**
 * A follow pack: tick the people you want, then take them to each platform — Mastodon's import
 * file, follow links for X, Threads and Bluesky, and profile links to copy.
 */
export function FollowPackPage() {
  const { source: sourceParam = '', id } = useParams();
  const source = SOURCES[sourceParam];
  const session = useAuthSession();
  const [unticked, setTicked] = useUnticked();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const { data, error, refetch, fetchMore, loading } = useQuery(FollowPackPageQuery, {
    variables: { source, id: id ?? null },
    skip: !source,
  });
  const pack = data?.followPack;
  usePageTitle(pack ? `Follow pack: ${pack.title}` : 'Follow pack', !!error && !data);

  if (!source || (error && !data && errorCode(error) === 'NOT_FOUND')) {
    return (
      <>
        <h1>Follow pack not found</h1>
        <p>
          There is no follow pack at this address. Try <Link to="/leaders">the leaders</Link> or{' '}
          <Link to="/communities">a community</Link>.
        </p>
      </>
    );
  }
  if (error && !data) {
    return (
      <>
        <h1>Follow pack</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!pack) return <Loading label="Gathering the follow pack" />;

  const people = pack.people.edges.map(({ node }) => node);
  const ticked = people.filter(({ person }) => !unticked.has(person.id));
  const tickedAccounts = new Set(ticked.flatMap(({ accounts }) => accounts.map((a) => a.id)));
  const platforms = pack.platforms
    .map((platform) => ({
      ...platform,
      accounts: platform.accounts.filter((account) => tickedAccounts.has(account.id)),
    }))
    .filter((platform) => platform.accounts.length > 0);
  // the file holds the whole pack, so it leaves out everyone unticked, shown or not
  const excluded = [...unticked];
  const csvPath = excluded.length
    ? `${pack.mastodonCsvPath}&exclude=${excluded.join(',')}`
    : pack.mastodonCsvPath;

  const download = async () => {
    setDownloadError(null);
    try {
      await downloadWithToken(session, csvPath, 'following_accounts.csv');
    } catch (e) {
      setDownloadError(e);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {downloadError ? <QueryErrorSummary error={downloadError} /> : null}
        <h1>
          <span className="nhsuk-caption-l">
            Follow pack<span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          <span dir="auto">{pack.title}</span>
        </h1>
        <p className="nhsuk-lede-text">
          Follow these colleagues on the platforms you use, all at once.
        </p>
        {people.length === 0 ? (
          <p className="app-empty">There is nobody in this pack yet.</p>
        ) : (
          <>
            <h2>1. Choose who to follow</h2>
            {pack.people.pageInfo.hasNextPage ? (
              <InsetText>
                <p>
                  This shows the first {people.length.toLocaleString('en-GB')} people of the pack.
                  Show more below; the Mastodon follow list holds everyone ticked in the pack.
                </p>
              </InsetText>
            ) : null}
            <Checkboxes
              id="person"
              name="person"
              legend={`People (${ticked.length} of ${people.length} ticked)`}
              legendProps={{ size: 's' }}
              hint="Untick anyone you do not want to follow. Everything below changes as you tick, and the address of this page keeps your choice, so you can share it."
            >
              {people.map(({ person, accounts }) => (
                <Checkboxes.Item
                  key={person.id}
                  value={person.id}
                  checked={!unticked.has(person.id)}
                  onChange={(event) => setTicked(person.id, event.currentTarget.checked)}
                  hint={
                    [
                      person.jobTitle,
                      accounts.length === 0
                        ? 'no accounts you can see'
                        : accounts.map((a) => PLATFORM_LABELS[a.platform]).join(', '),
                    ]
                      .filter(Boolean)
                      .join(' · ') || undefined
                  }
                >
                  <span dir="auto">{person.displayName}</span>
                </Checkboxes.Item>
              ))}
            </Checkboxes>
            <p className="nhsuk-u-visually-hidden" role="status">
              {ticked.length} of {people.length} ticked
            </p>
            {pack.people.pageInfo.hasNextPage ? (
              <Button
                type="button"
                secondary
                aria-disabled={loading || undefined}
                onClick={() =>
                  void fetchMore({
                    variables: { after: pack.people.pageInfo.endCursor },
                    updateQuery: appendPage,
                  })
                }
              >
                Show more people
              </Button>
            ) : null}

            <h2>2. Follow them on each platform</h2>
            <div>
              {platforms.length === 0 ? (
                <p className="app-empty">None of the people ticked have accounts you can see.</p>
              ) : (
                platforms.map((platform) => (
                  <section
                    key={platform.platform}
                    className="app-pack-platform"
                    aria-labelledby={`pack-${platform.platform}`}
                  >
                    <h3 id={`pack-${platform.platform}`} className="app-pack-platform__title">
                      <PlatformIcon platform={platform.platform} />
                      {PLATFORM_LABELS[platform.platform]} ({platform.accounts.length})
                    </h3>
                    {platform.platform === 'MASTODON' ? (
                      <>
                        <p>
                          Download the list, then in Mastodon go to Preferences, Import and export,
                          Import, and choose “Following list”.
                        </p>
                        <Button type="button" onClick={() => void download()}>
                          Download the Mastodon follow list (CSV)
                        </Button>
                      </>
                    ) : null}
                    <ul className="app-pack-platform__links">
                      {platform.accounts.map((account) => (
                        <li key={account.id}>
                          <a href={account.followUrl} rel="noopener noreferrer">
                            Follow {account.handle}
                            <span className="nhsuk-u-visually-hidden">
                              {' '}
                              on {PLATFORM_LABELS[platform.platform]}
                            </span>
                          </a>
                        </li>
                      ))}
                    </ul>
                    <Textarea
                      id={`urls-${platform.platform}`}
                      label={`${PLATFORM_LABELS[platform.platform]} profile links to copy`}
                      labelProps={{ size: 's' }}
                      readOnly
                      rows={Math.min(6, Math.max(2, platform.accounts.length))}
                      value={platform.accounts.map((account) => account.url).join('\n')}
                    />
                  </section>
                ))
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
