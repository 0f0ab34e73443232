import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, NotificationBanner, Radios, Textarea } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsFrom } from '../../app/errors/error-messages';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type { ListingReportResolution } from '../../gql/graphql';
import { REPORT_KIND_LABELS } from './report-labels';

const ReportQueueQuery = graphql(`
  query ListingReportQueue {
    listingReportQueue(first: 50) {
      totalCount
      edges {
        node {
          id
          kind
          reason
          platform
          handle
          createdAt
          account {
            id
            url
          }
          subject {
            id
            displayName
          }
          reporter {
            id
            displayName
          }
        }
      }
    }
  }
`);

const ResolveMutation = graphql(`
  mutation ResolveListingReport($input: ResolveListingReportInput!) {
    resolveListingReport(input: $input) {
      report {
        id
        status
      }
    }
  }
`);

const RESOLUTIONS: { value: ListingReportResolution; label: string; hint: string }[] = [
  { value: 'DISMISS', label: 'Dismiss', hint: 'Nothing needs to change' },
  { value: 'HIDE', label: 'Hide the account', hint: 'Only its owner will see it' },
  { value: 'REMOVE', label: 'Remove the account', hint: 'Its handle becomes free' },
];

/** Communications team: reports of wrong or abusive listings of the organisation's staff. */
export function AdminReportsPage() {
  const { data, error, refetch } = useQuery(ReportQueueQuery);
  const [resolve, resolveState] = useMutation(ResolveMutation, {
    refetchQueries: ['ListingReportQueue'],
    awaitRefetchQueries: true,
  });
  const [done, setDone] = useState<string | null>(null);
  const fieldErrors = fieldErrorsFrom(resolveState.error);
  usePageTitle('Reports of listings', !!resolveState.error);

  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label="Loading reports" />;
  const queue = data.listingReportQueue;

  const submit = (reportId: string, handle: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const resolution = (form.get('resolution') ?? 'DISMISS') as ListingReportResolution;
    const note = String(form.get('note') ?? '');
    void resolve({ variables: { input: { reportId, resolution, note } } })
      .then(() => setDone(`The report about ${handle} is resolved`))
      .catch(() => undefined);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin">
          Back to communications team
        </BackLink>
        {resolveState.error ? <QueryErrorSummary error={resolveState.error} /> : null}
        <h1>Reports of listings</h1>
        {done ? (
          <NotificationBanner success>
            <NotificationBanner.Heading>{done}</NotificationBanner.Heading>
          </NotificationBanner>
        ) : null}
        <p>
          {queue.totalCount === 0
            ? 'No reports are open.'
            : `${queue.totalCount} open ${queue.totalCount === 1 ? 'report' : 'reports'}. The person who reported it reads your note.`}
        </p>
        {queue.edges.map(({ node }) => (
          <section key={node.id} className="nhsuk-card">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-s">
                {REPORT_KIND_LABELS[node.kind]}: {PLATFORM_LABELS[node.platform]} {node.handle}
              </h2>
              <p>
                Listed as{' '}
                {node.subject ? (
                  <Link to={`/people/${node.subject.id}`}>{node.subject.displayName}</Link>
                ) : (
                  'someone who has left'
                )}
                {node.reporter ? `, reported by ${node.reporter.displayName}` : ''}
              </p>
              <p className="app-bio" dir="auto">
                {node.reason}
              </p>
              <form onSubmit={submit(node.id, node.handle)} noValidate>
                <Radios
                  id={`resolution-${node.id}`}
                  name="resolution"
                  legend="What will you do?"
                  legendProps={{ size: 's' }}
                >
                  {RESOLUTIONS.map((r, i) => (
                    <Radios.Item
                      key={r.value}
                      id={
                        i === 0
                          ? `resolution-${node.id}`
                          : `resolution-${node.id}-${r.value.toLowerCase()}`
                      }
                      value={r.value}
                      hint={r.hint}
                      defaultChecked={i === 0}
                    >
                      {r.label}
                    </Radios.Item>
                  ))}
                </Radios>
                <Textarea
                  id={`note-${node.id}`}
                  name="note"
                  label="Note for the person who reported it"
                  rows={3}
                  error={fieldErrors.note}
                />
                <Button type="submit" aria-disabled={resolveState.loading || undefined}>
                  Resolve
                  <span className="nhsuk-u-visually-hidden"> the report about {node.handle}</span>
                </Button>
              </form>
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
