import { useQuery } from '@apollo/client/react';
import { Button, SummaryList, Tag, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type { Platform } from '../../gql/graphql';

const OfficialAccountsQuery = graphql(`
  query OfficialAccountsPage {
    officialAccounts(first: 100) {
      totalCount
      edges {
        node {
          id
          platform
          handle
          url
          label
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

type Check =
  | {
      status: 'OFFICIAL';
      platform: Platform;
      handle: string;
      organisation: { name: string };
      verification: { verifiedAt: string };
    }
  | {
      status: 'VERIFIED_STAFF';
      platform: Platform;
      handle: string;
      person: { name: string; jobTitle: string | null; organisation: string | null };
      verification: { proof: string | null; verifiedAt: string };
    }
  | { status: 'UNKNOWN' };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });
const PROOF: Record<string, string> = {
  BIO_CODE: ', who also saw a code they gave in the account’s bio',
  REL_ME: ', who also saw the Mastodon profile link back to Staff Voices',
};

/** Public: NHS organisations' official accounts, and "is this account NHS staff?". */
export function OfficialAccountsPage() {
  usePageTitle('Official NHS accounts and verified staff');
  const { data, error, refetch } = useQuery(OfficialAccountsQuery);
  const [result, setResult] = useState<Check | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const check = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get('url') ?? '').trim();
    setResult(null);
    if (!url) {
      setProblem('Enter a link to a social media profile');
      return;
    }
    const res = await fetch(`/api/verify?url=${encodeURIComponent(url)}`, {
      headers: { Accept: 'application/json' },
    }).catch(() => null);
    if (!res) return setProblem('Staff Voices could not be reached. Try again.');
    if (res.status === 400) {
      return setProblem('Enter a link to a profile, like https://x.com/NHSEngland');
    }
    if (res.status === 429) return setProblem('You have checked a lot of accounts. Wait a minute.');
    if (!res.ok) return setProblem('Staff Voices is not working right now. Try again later.');
    setProblem(null);
    setResult((await res.json()) as Check);
  };

  const byOrganisation = new Map<string, NonNullable<typeof data>['officialAccounts']['edges']>();
  for (const edge of data?.officialAccounts.edges ?? []) {
    const name = edge.node.organisation?.name ?? 'NHS';
    byOrganisation.set(name, [...(byOrganisation.get(name) ?? []), edge]);
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Official NHS accounts and verified staff</h1>
        <p className="nhsuk-lede-text">
          Check whether a social media account is an NHS organisation’s own, or belongs to a member
          of NHS staff whose communications team has verified it.
        </p>
        <form onSubmit={(e) => void check(e)} noValidate>
          <TextInput
            id="url"
            name="url"
            label="Link to the account’s profile"
            hint="For example, https://x.com/NHSEngland"
            error={problem ?? undefined}
            autoComplete="off"
          />
          <Button type="submit">Check the account</Button>
        </form>
        {result ? (
          <div aria-live="polite" className="app-check-result">
            {result.status === 'OFFICIAL' ? (
              <>
                <h2>
                  <Tag modifier="green">Official account</Tag>
                </h2>
                <p>
                  {PLATFORM_LABELS[result.platform]} {result.handle} is an official account of{' '}
                  {result.organisation.name}, registered by its communications team on{' '}
                  {dateFormat.format(new Date(result.verification.verifiedAt))}.
                </p>
              </>
            ) : result.status === 'VERIFIED_STAFF' ? (
              <>
                <h2>
                  <Tag modifier="green">Verified member of NHS staff</Tag>
                </h2>
                <p>
                  {PLATFORM_LABELS[result.platform]} {result.handle} belongs to {result.person.name}
                  {result.person.jobTitle ? `, ${result.person.jobTitle}` : ''}
                  {result.person.organisation ? `, ${result.person.organisation}` : ''}. Verified by
                  the communications team on{' '}
                  {dateFormat.format(new Date(result.verification.verifiedAt))}
                  {result.verification.proof ? PROOF[result.verification.proof] : ''}.
                </p>
              </>
            ) : (
              <>
                <h2>We cannot say</h2>
                <p>
                  Staff Voices cannot vouch for this account. It may belong to someone who has not
                  asked for it to be shown, or to no one in the NHS.
                </p>
              </>
            )}
          </div>
        ) : null}
        <h2>Official accounts</h2>
        {error && !data ? <QueryErrorSummary error={error} onRetry={() => void refetch()} /> : null}
        {!data && !error ? <Loading label="Loading official accounts" /> : null}
        {data && data.officialAccounts.totalCount === 0 ? (
          <p>No organisation has registered its official accounts yet.</p>
        ) : null}
        {[...byOrganisation].map(([name, edges]) => (
          <section key={name}>
            <h3>{name}</h3>
            <SummaryList>
              {edges.map(({ node }) => (
                <SummaryList.Row key={node.id}>
                  <SummaryList.Key>{PLATFORM_LABELS[node.platform]}</SummaryList.Key>
                  <SummaryList.Value>
                    <a href={node.url} rel="noopener noreferrer" className="app-break-anywhere">
                      {node.handle}
                    </a>
                    {node.label ? ` – ${node.label}` : ''}
                  </SummaryList.Value>
                </SummaryList.Row>
              ))}
            </SummaryList>
          </section>
        ))}
      </div>
    </div>
  );
}
