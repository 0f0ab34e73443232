import { useQuery } from '@apollo/client/react';
import {
  BackLink,
  Button,
  Details,
  ErrorMessage,
  Radios,
  Select,
  Table,
} from 'nhsuk-react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuthSession } from '../../../app/auth/auth-context';
import { missingMessage, type Problem } from '../../../app/errors/error-messages';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import { ImportColumns, type ImportKind } from './import-columns';
import { fetchRecentImports, ImportProblem, type ImportSummary, uploadCsv } from './imports-api';
import { importedAt, KIND_LABELS, STATUS_LABELS } from './import-labels';

const ImportsPageQuery = graphql(`
  query ImportsPage($first: Int!) {
    me {
      id
      isCommsAdmin
      isNationalAdmin
      organisation {
        id
        name
      }
    }
    campaigns(first: $first) {
      edges {
        node {
          id
          name
          startsOn
          nhsWide
          organisation {
            id
          }
        }
      }
    }
  }
`);

/** The communications team imports figures, or a campaign's activity, from a CSV file. */
export function ImportsPage() {
  const session = useAuthSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preselected = params.get('campaignId');
  const { data, error: queryError } = useQuery(ImportsPageQuery, { variables: { first: 100 } });
  const [kind, setKind] = useState<ImportKind>(preselected ? 'CAMPAIGN_ACTIVITY' : 'METRICS');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<ImportSummary[] | null>(null);
  const [recentProblem, setRecentProblem] = useState<Problem | null>(null);
  usePageTitle('Import figures', problems.length > 0);

  useEffect(() => {
    let live = true;
    fetchRecentImports(session)
      .then((found) => live && setRecent(found))
      .catch((e: unknown) => {
        if (live && e instanceof ImportProblem) setRecentProblem(e.problem);
      });
    return () => {
      live = false;
    };
  }, [session]);

  if (queryError && !data) return <QueryErrorSummary error={queryError} />;
  if (!data) return <Loading />;
  const me = data.me;
  // the campaigns whose activity this team may import (the server checks again)
  const campaigns = data.campaigns.edges
    .map(({ node }) => node)
    .filter((c) =>
      c.nhsWide
        ? me.isNationalAdmin
        : me.isNationalAdmin || (me.isCommsAdmin && c.organisation?.id === me.organisation?.id),
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const campaignId = String(form.get('campaignId') ?? '');
    const found: Problem[] = [];
    if (kind === 'CAMPAIGN_ACTIVITY' && !campaignId) {
      found.push({ field: 'campaignId', message: missingMessage('importCampaign') });
    }
    if (!(file instanceof File) || file.name === '') {
      found.push({ field: 'file', message: missingMessage('file') });
    } else if (file.size === 0) {
      found.push({
        field: 'file',
        message: 'The file is empty. Select a CSV file with a header row and some rows.',
      });
    }
    setProblems(found);
    if (found.length > 0 || !(file instanceof File)) return;
    setBusy(true);
    uploadCsv(session, file, kind === 'CAMPAIGN_ACTIVITY' ? campaignId : null)
      .then((report) =>
        navigate(`/admin/imports/${report.importId}`, {
          state: { report, fileName: file.name },
        }),
      )
      .catch((e: unknown) => {
        setBusy(false);
        setProblems([
          {
            field: 'file',
            message:
              e instanceof ImportProblem
                ? e.problem.message
                : 'Staff Voices is not working right now. Try again later.',
          },
        ]);
      });
  };

  const fieldError = (field: string) => problems.find((p) => p.field === field)?.message;
  const fileError = fieldError('file');

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin">
          Communications team
        </BackLink>
        {problems.length > 0 ? <QueryErrorSummary problems={problems} /> : null}
        <h1>Import figures</h1>
        <p className="nhsuk-lede-text">
          Upload a spreadsheet saved as a CSV file. Every row is checked: good rows are kept, and
          the report lists each row that was not, with its line and the reason.
        </p>
        <p>
          Importing the same file again changes nothing. The leaderboards change as soon as the
          import finishes.
        </p>
        <form onSubmit={submit} noValidate>
          <Radios name="kind" legend="What is in the file?" legendProps={{ size: 'm' }}>
            <Radios.Item
              id="kind"
              value="METRICS"
              checked={kind === 'METRICS'}
              onChange={() => setKind('METRICS')}
              hint="Followers, and optionally following, posts and engagements, for a day"
            >
              Daily figures for staff accounts
            </Radios.Item>
            <Radios.Item
              id="kind-campaign"
              value="CAMPAIGN_ACTIVITY"
              checked={kind === 'CAMPAIGN_ACTIVITY'}
              onChange={() => setKind('CAMPAIGN_ACTIVITY')}
              hint="Posts and engagements with the campaign’s hashtag, for days of the campaign"
            >
              A campaign’s activity
            </Radios.Item>
          </Radios>
          {kind === 'CAMPAIGN_ACTIVITY' ? (
            campaigns.length === 0 ? (
              <p>
                There are no campaigns whose activity you can import.{' '}
                <Link to="/campaigns/new">Create a campaign</Link> first.
              </p>
            ) : (
              <Select
                id="campaignId"
                name="campaignId"
                label="Campaign"
                defaultValue={preselected ?? ''}
                error={fieldError('campaignId')}
              >
                <Select.Option value="">Select a campaign</Select.Option>
                {campaigns.map((c) => (
                  <Select.Option key={c.id} value={c.id}>
                    {c.name}
                  </Select.Option>
                ))}
              </Select>
            )
          ) : null}

          <h2 className="nhsuk-heading-m">What the file must contain</h2>
          <p>
            A header row naming the columns, in any order and any case. Other columns are ignored
            (the report names them). Save it as “CSV UTF-8”.
          </p>
          <ImportColumns kind={kind} />

          <div className={`nhsuk-form-group${fileError ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label nhsuk-label--m" htmlFor="file">
              CSV file
            </label>
            <div className="nhsuk-hint" id="file-hint">
              A .csv file saved as “CSV UTF-8”
            </div>
            {fileError ? <ErrorMessage id="file-error">{fileError}</ErrorMessage> : null}
            <input
              className={`nhsuk-file-upload${fileError ? ' nhsuk-file-upload--error' : ''}`}
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
            />
          </div>
          <Button type="submit" aria-disabled={busy || undefined}>
            {busy ? 'Importing…' : 'Import file'}
          </Button>
        </form>

        <h2>Recent imports</h2>
        {recentProblem ? (
          <QueryErrorSummary problems={[recentProblem]} />
        ) : !recent ? (
          <Loading label="Loading recent imports" />
        ) : recent.length === 0 ? (
          <p className="app-empty">Nobody in your team has imported a file yet.</p>
        ) : (
          <RecentImports imports={recent} campaigns={data.campaigns.edges.map((e) => e.node)} />
        )}
        <Details>
          <Details.Summary>About the size limit</Details.Summary>
          <Details.Text>
            A file over the size limit (200 MB unless your service desk changed it) is refused.
            Split a large spreadsheet into several files, each with the header row, and import them
            one after another.
          </Details.Text>
        </Details>
      </div>
    </div>
  );
}

function RecentImports({
  imports,
  campaigns,
}: {
  imports: ImportSummary[];
  campaigns: { id: string; name: string }[];
}) {
  const campaignName = (id: number | null) =>
    id === null ? null : (campaigns.find((c) => c.id === String(id))?.name ?? 'a campaign');
  return (
    <Table.Container>
      <Table responsive caption="Your team’s last 20 imports, newest first">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Imported</Table.Cell>
            <Table.Cell>What</Table.Cell>
            <Table.Cell>Result</Table.Cell>
            <Table.Cell>Report</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {imports.map((i) => (
            <Table.Row key={i.importId}>
              <Table.Cell>{importedAt(i.startedAt)}</Table.Cell>
              <Table.Cell>
                {KIND_LABELS[i.kind]}
                {i.campaignId !== null ? `: ${campaignName(i.campaignId)}` : ''}
              </Table.Cell>
              <Table.Cell>
                {STATUS_LABELS[i.status]}: {i.rowsRead.toLocaleString('en-GB')} rows read,{' '}
                {i.rowsAccepted.toLocaleString('en-GB')} added or changed,{' '}
                {i.rowsRejected.toLocaleString('en-GB')} rejected
              </Table.Cell>
              <Table.Cell>
                <Link to={`/admin/imports/${i.importId}`}>
                  Report<span className="nhsuk-u-visually-hidden"> of import {i.importId}</span>
                </Link>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Table.Container>
  );
}
