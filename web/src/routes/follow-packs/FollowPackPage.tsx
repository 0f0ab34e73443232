import { useQuery } from '@apollo/client/react';
import { Button, Checkboxes, InsetText, Textarea } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuthSession } from '../../app/auth/auth-context';
import { downloadWithToken } from '../../app/auth/download-with-token';
import { errorCode } from '../../app/forms/field-errors';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { PlatformIcon } from '../../components/PlatformIcon/PlatformIcon';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type { FollowPackSource } from '../../gql/graphql';

const FollowPackPageQuery = graphql(`
  query FollowPackPage($source: FollowPackSource!, $id: ID, $exclude: [ID!]) {
    followPack(source: $source, id: $id, exclude: $exclude) {
      title
      source
      tickedCount
      truncated
      mastodonCsvPath
      people {
        ticked
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
      platforms {
        platform
        profileUrls
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

/**
 * A follow pack: tick the people you want, then take them to each platform — Mastodon's import
 * file, follow links for X, Threads and Bluesky, and profile links to copy.
 */
export function FollowPackPage() {
  const { source: sourceParam = '', id } = useParams();
  const source = SOURCES[sourceParam];
  const session = useAuthSession();
  const [exclude, setExclude] = useState<string[]>([]);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const { data, previousData, error, refetch, loading } = useQuery(FollowPackPageQuery, {
    variables: { source, id: id ?? null, exclude },
    skip: !source,
  });
  const pack = (data ?? previousData)?.followPack;
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

  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ticked = new Set(new FormData(event.currentTarget).getAll('person').map(String));
    setExclude(pack.people.map((p) => p.person.id).filter((pid) => !ticked.has(pid)));
  };

  const download = async () => {
    setDownloadError(null);
    try {
      await downloadWithToken(session, pack.mastodonCsvPath, 'following_accounts.csv');
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
          {pack.title}
        </h1>
        <p className="nhsuk-lede-text">
          Follow these colleagues on the platforms you use, all at once.
        </p>
        {pack.people.length === 0 ? (
          <p className="app-empty">There is nobody in this pack yet.</p>
        ) : (
          <>
            <h2>1. Choose who to follow</h2>
            {pack.truncated ? (
              <InsetText>
                <p>
                  This pack holds the first {pack.people.length.toLocaleString('en-GB')} people.
                </p>
              </InsetText>
            ) : null}
            <form
              onSubmit={choose}
              noValidate
              // remount when the server's answer changes which boxes are ticked
              key={pack.people.map((p) => (p.ticked ? 1 : 0)).join('')}
            >
              <Checkboxes
                id="person"
                name="person"
                legend={`People (${pack.tickedCount} of ${pack.people.length} ticked)`}
                legendProps={{ size: 's' }}
                hint="Everyone is ticked. Untick anyone you do not want to follow."
              >
                {pack.people.map(({ person, ticked, accounts }) => (
                  <Checkboxes.Item
                    key={person.id}
                    value={person.id}
                    defaultChecked={ticked}
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
                    {person.displayName}
                  </Checkboxes.Item>
                ))}
              </Checkboxes>
              <Button type="submit" secondary disabled={loading}>
                Update the pack
              </Button>
            </form>

            <h2>2. Follow them on each platform</h2>
            {pack.platforms.length === 0 ? (
              <p className="app-empty">None of the people ticked have accounts you can see.</p>
            ) : (
              pack.platforms.map((platform) => (
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
                    rows={Math.min(6, Math.max(2, platform.profileUrls.length))}
                    value={platform.profileUrls.join('\n')}
                  />
                </section>
              ))
            )}
          </>
        )}
      </div>
    </div>
  );
}
