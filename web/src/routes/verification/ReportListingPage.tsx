import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Radios, Textarea } from 'nhsuk-react-components';
import { type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { errorCode, fieldErrorsFrom } from '../../app/errors/error-messages';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { useNavigateWithFlash } from '../../components/FlashBanner/FlashBanner';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type { ListingReportKind } from '../../gql/graphql';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { REPORT_KIND_LABELS } from './report-labels';

const ReportListingPageQuery = graphql(`
  query ReportListingPage($id: ID!) {
    staffMember(id: $id) {
      id
      displayName
      accounts {
        id
        platform
        handle
      }
    }
  }
`);

const ReportListingMutation = graphql(`
  mutation ReportListing($input: ReportListingInput!) {
    reportListing(input: $input) {
      report {
        id
        status
      }
    }
  }
`);

/** "Report this listing": the wrong person, an impersonation or abuse, with a reason. */
export function ReportListingPage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ReportListingPageQuery, { variables: { id } });
  const [report, reportState] = useMutation(ReportListingMutation, {
    refetchQueries: ['MyListingReports'],
  });
  const navigateWithFlash = useNavigateWithFlash();
  const fieldErrors = fieldErrorsFrom(reportState.error);
  usePageTitle('Report this listing', !!reportState.error);

  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND') return <NotFoundPage />;
    return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return <Loading label="Loading the listing" />;
  const person = data.staffMember;
  if (!person || person.accounts.length === 0) return <NotFoundPage />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void report({
      variables: {
        input: {
          accountId: String(form.get('accountId') ?? person.accounts[0].id),
          kind: (form.get('kind') ?? 'WRONG_PERSON') as ListingReportKind,
          reason: String(form.get('reason') ?? ''),
        },
      },
    })
      .then(() =>
        navigateWithFlash(
          '/me/reports',
          'Thank you. The communications team will look at your report.',
        ),
      )
      .catch(() => undefined);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to={`/people/${person.id}`}>
          Back to {person.displayName}
        </BackLink>
        {reportState.error ? <QueryErrorSummary error={reportState.error} /> : null}
        <h1>Report this listing</h1>
        <p>
          Tell the communications team of {person.displayName}’s organisation what is wrong. They
          will tell you what they did.
        </p>
        <form onSubmit={submit} noValidate>
          <Radios
            id="accountId"
            name="accountId"
            legend="Which account?"
            error={fieldErrors.accountId}
          >
            {person.accounts.map((account, i) => (
              <Radios.Item
                key={account.id}
                id={i === 0 ? 'accountId' : `accountId-${account.id}`}
                value={account.id}
                defaultChecked={i === 0}
              >
                {PLATFORM_LABELS[account.platform]} {account.handle}
              </Radios.Item>
            ))}
          </Radios>
          <Radios id="kind" name="kind" legend="What is wrong?" error={fieldErrors.kind}>
            {(Object.keys(REPORT_KIND_LABELS) as ListingReportKind[]).map((kind, i) => (
              <Radios.Item
                key={kind}
                id={i === 0 ? 'kind' : `kind-${kind.toLowerCase()}`}
                value={kind}
                defaultChecked={i === 0}
              >
                {REPORT_KIND_LABELS[kind]}
              </Radios.Item>
            ))}
          </Radios>
          <Textarea
            id="reason"
            name="reason"
            label="Tell us more"
            hint="What you have seen, and where"
            rows={4}
            error={fieldErrors.reason}
            dir="auto"
          />
          <Button type="submit" aria-disabled={reportState.loading || undefined}>
            Send the report
          </Button>
        </form>
      </div>
    </div>
  );
}
