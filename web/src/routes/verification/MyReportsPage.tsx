import { useQuery } from '@apollo/client/react';
import { BackLink, SummaryList } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { FlashBanner } from '../../components/FlashBanner/FlashBanner';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from './report-labels';

const MyListingReportsQuery = graphql(`
  query MyListingReports {
    myListingReports(first: 50) {
      totalCount
      edges {
        node {
          id
          kind
          platform
          handle
          status
          note
          createdAt
          resolvedAt
        }
      }
    }
  }
`);

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** The listings I reported, and what the communications team did. */
export function MyReportsPage() {
  const { data, error, refetch } = useQuery(MyListingReportsQuery);
  usePageTitle('Your reports');
  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label="Loading your reports" />;
  const reports = data.myListingReports.edges.map((e) => e.node);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/me">
          Back to your profile
        </BackLink>
        <FlashBanner />
        <h1>Your reports</h1>
        {reports.length === 0 ? <p>You have not reported any listings.</p> : null}
        {reports.map((report) => (
          <section key={report.id}>
            <h2 className="nhsuk-heading-s">
              {PLATFORM_LABELS[report.platform]} {report.handle}
            </h2>
            <SummaryList>
              <SummaryList.Row>
                <SummaryList.Key>What you reported</SummaryList.Key>
                <SummaryList.Value>
                  {REPORT_KIND_LABELS[report.kind]}, {dateFormat.format(new Date(report.createdAt))}
                </SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Outcome</SummaryList.Key>
                <SummaryList.Value>{REPORT_STATUS_LABELS[report.status]}</SummaryList.Value>
              </SummaryList.Row>
              {report.note ? (
                <SummaryList.Row>
                  <SummaryList.Key>Note from the communications team</SummaryList.Key>
                  <SummaryList.Value dir="auto">{report.note}</SummaryList.Value>
                </SummaryList.Row>
              ) : null}
            </SummaryList>
          </section>
        ))}
      </div>
    </div>
  );
}
