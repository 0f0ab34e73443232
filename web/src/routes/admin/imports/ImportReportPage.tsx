import {
  BackLink,
  Button,
  NotificationBanner,
  SummaryList,
  Table,
  WarningCallout,
} from 'nhsuk-react-components';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useAuthSession } from '../../../app/auth/auth-context';
import { downloadWithToken } from '../../../app/auth/download-with-token';
import { type Problem, problemsFrom } from '../../../app/errors/error-messages';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { importedAt, KIND_LABELS, STATUS_LABELS } from './import-labels';
import { fetchReport, ImportProblem, type ImportReport, reportPath } from './imports-api';

// the server lists at most this many rejected rows (src/metrics MAX_REJECTED_LISTED)
const MAX_REJECTED_LISTED = 50_000;

/** An import's report: what was read, kept and refused, and every rejected row with its reason. */
export function ImportReportPage() {
  const { importId = '' } = useParams();
  const session = useAuthSession();
  const location = useLocation();
  const state = location.state as { report?: ImportReport; fileName?: string } | null;
  const justImported = state?.report && String(state.report.importId) === importId;
  const [report, setReport] = useState<ImportReport | null>(justImported ? state.report! : null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<Problem | null>(null);
  usePageTitle('Import report', !!problem);

  useEffect(() => {
    if (report) return;
    let live = true;
    fetchReport(session, importId)
      .then((found) => live && setReport(found))
      .catch((e: unknown) => {
        if (live) {
          setProblem(
            e instanceof ImportProblem
              ? e.problem
              : { message: 'Staff Voices is not working right now. Try again later.' },
          );
        }
      });
    return () => {
      live = false;
    };
  }, [session, importId, report]);

  const back = (
    <BackLink asElement={Link} to="/admin/imports">
      Import figures
    </BackLink>
  );
  if (problem) {
    return (
      <>
        {back}
        <QueryErrorSummary problems={[problem]} />
        <h1>Import report</h1>
      </>
    );
  }
  if (!report) return <Loading label="Loading the report" />;
  const download = () => {
    setDownloadProblem(null);
    downloadWithToken(session, reportPath(report.importId), `import-${report.importId}.json`).catch(
      (e: unknown) => setDownloadProblem(problemsFrom(e)[0]),
    );
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {back}
        {downloadProblem ? <QueryErrorSummary problems={[downloadProblem]} /> : null}
        {justImported ? (
          <NotificationBanner success>
            <NotificationBanner.Heading>
              {state.fileName ?? 'The file'} has been imported
            </NotificationBanner.Heading>
          </NotificationBanner>
        ) : null}
        <h1>
          <span className="nhsuk-caption-l">
            {KIND_LABELS[report.kind]}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          Import report
        </h1>
        {report.status === 'FAILED' ? (
          <WarningCallout>
            <WarningCallout.Heading>The import stopped before the end</WarningCallout.Heading>
            <p>
              The rows before it stopped were kept. Import the same file again to finish it: the
              rows already in count as unchanged.
            </p>
          </WarningCallout>
        ) : null}
        <SummaryList>
          <Row label="Started">{importedAt(report.startedAt)}</Row>
          <Row label="Status">{STATUS_LABELS[report.status]}</Row>
          <Row label="Rows read">{report.rowsRead.toLocaleString('en-GB')}</Row>
          <Row label="Added or changed">{report.rowsAccepted.toLocaleString('en-GB')}</Row>
          <Row label="Unchanged (already imported)">
            {report.rowsUnchanged.toLocaleString('en-GB')}
          </Row>
          <Row label="Rejected">{report.rowsRejected.toLocaleString('en-GB')}</Row>
          {report.ignoredColumns.length > 0 ? (
            <Row label="Columns ignored">{report.ignoredColumns.join(', ')}</Row>
          ) : null}
        </SummaryList>
        <p>
          {report.campaignId !== null ? (
            <Link to={`/campaigns/${report.campaignId}`}>See the campaign and its leaderboard</Link>
          ) : (
            <Link to="/leaderboard">See the leaderboard</Link>
          )}
        </p>

        <h2>Rejected rows</h2>
        {report.rejected.length === 0 ? (
          <p>No rows were rejected.</p>
        ) : (
          <>
            <p>
              Correct these rows in your spreadsheet and import the file again. Rows already
              imported will not be counted twice.
            </p>
            {report.rowsRejected > report.rejected.length ? (
              <p>
                Only the first {MAX_REJECTED_LISTED.toLocaleString('en-GB')} rejected rows are
                listed.
              </p>
            ) : null}
            <Table.Container>
              <Table responsive caption="Rejected rows, by line of the file">
                <Table.Head>
                  <Table.Row>
                    <Table.Cell>Line</Table.Cell>
                    <Table.Cell>Reason</Table.Cell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {report.rejected.map((row, index) => (
                    <Table.Row key={`${row.line}-${index}`}>
                      <Table.Cell>{row.line.toLocaleString('en-GB')}</Table.Cell>
                      <Table.Cell>{row.reason}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </Table.Container>
          </>
        )}
        <h2>Keep this report</h2>
        <p>
          The report stays available to your team at{' '}
          <Link to={`/admin/imports/${report.importId}`}>this page</Link> and, for other programs,
          at <code>{reportPath(report.importId)}</code>.
        </p>
        <Button type="button" secondary onClick={download}>
          Download the report (JSON)
        </Button>
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value>{children}</SummaryList.Value>
    </SummaryList.Row>
  );
}
