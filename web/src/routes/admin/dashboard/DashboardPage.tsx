import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Details, SummaryList, TextInput } from 'nhsuk-react-components';
import { cloneElement, type FormEvent, type ReactElement, type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useAuthSession } from '../../../app/auth/auth-context';
import { downloadWithToken } from '../../../app/auth/download-with-token';
import { PLATFORM_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import type { CommsDashboardQuery, GroupTable_GroupFragment } from '../../../gql/graphql';
import { DataTable } from './DataTable';

export const GroupTable_group = graphql(`
  fragment GroupTable_group on AdoptionGroup {
    id
    label
    figures {
      people
      listed
      withAccount
      accountShare
    }
  }
`);

const DashboardQuery = graphql(`
  query CommsDashboard($organisationId: ID, $from: String, $to: String) {
    commsDashboard(organisationId: $organisationId, from: $from, to: $to) {
      organisation {
        id
        name
      }
      from
      to
      day
      totals {
        people
        listed
        withAccount
        withVerifiedAccount
        accounts
        verifiedAccounts
        verifiedShare
        accountShare
      }
      bySite {
        ...GroupTable_group
      }
      byDepartment {
        ...GroupTable_group
      }
      byStaffGroup {
        ...GroupTable_group
      }
      byOrganisation {
        ...GroupTable_group
      }
      byPlatform {
        platform
        people
        accounts
        verifiedAccounts
      }
      campaigns {
        campaignId
        name
        participants
        posts
        engagements
      }
      history {
        day
        figures {
          listed
          withAccount
          verifiedAccounts
        }
      }
      topAdvocates(first: 10) {
        rank
        score
        staff {
          id
          displayName
          jobTitle
        }
      }
    }
  }
`);

type Dashboard = CommsDashboardQuery['commsDashboard'];
type Figures = Dashboard['totals'];

const percent = (share: number) => `${Math.round(share * 100)}%`;
const count = (n: number) => n.toLocaleString('en-GB');
const dayLabel = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
const fullDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

// NHS identity colours with at least 3:1 contrast on white
const COLOURS = { listed: '#005eb8', withAccount: '#007f3b', verified: '#330072' };

const GROUP_HEADERS = ['Name', 'People', 'Listed', 'With an account', 'Share with an account'];
type Group = GroupTable_GroupFragment;

/** One grouping's adoption table (by site, by department…), left out when it has no rows. */
function GroupTable({
  id,
  title,
  groups: refs,
  name = (g) => g.label,
}: {
  id: string;
  title: string;
  groups: FragmentType<typeof GroupTable_group>[];
  name?: (group: Group) => ReactNode;
}) {
  const groups = getFragmentData(GroupTable_group, refs);
  if (groups.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <DataTable
        id={id}
        caption={`Adoption ${title.toLowerCase()}`}
        headers={GROUP_HEADERS}
        rows={groups.map((g) => [
          name(g),
          count(g.figures.people),
          count(g.figures.listed),
          count(g.figures.withAccount),
          percent(g.figures.accountShare),
        ])}
      />
    </>
  );
}

const RefreshDashboardMutation = graphql(`
  mutation RefreshCommsDashboard($input: RefreshCommsDashboardInput!) {
    refreshCommsDashboard(input: $input) {
      organisationId
      day
    }
  }
`);

/** Counts one organisation's figures of today again, then shows them. */
function CountAgain({
  organisationId,
  onCounted,
}: {
  organisationId: string;
  onCounted: () => void;
}) {
  const [refresh, { loading, error }] = useMutation(RefreshDashboardMutation);
  const [counted, setCounted] = useState(false);
  return (
    <>
      {error ? <QueryErrorSummary error={error} /> : null}
      <Button
        type="button"
        secondary
        aria-disabled={loading || undefined}
        onClick={() => {
          if (loading) return;
          void refresh({ variables: { input: { organisationId } } })
            .then(() => {
              setCounted(true);
              onCounted();
            })
            .catch(() => undefined);
        }}
      >
        Count today’s figures again
      </Button>
      <p aria-live="polite">{counted ? 'Today’s figures have been counted again.' : ''}</p>
    </>
  );
}

/** Communications team: adoption, its history, campaign results, top advocates and exports. */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const organisationId = params.get('organisation');
  const from = params.get('from');
  const to = params.get('to');
  const { data, error, refetch, loading } = useQuery(DashboardQuery, {
    variables: { organisationId, from: from || null, to: to || null },
  });
  usePageTitle('Dashboard', !!error);

  const applyRange = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    for (const name of ['from', 'to']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  };

  if (error && !data) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <BackLink asElement={Link} to="/admin">
            Back to communications team
          </BackLink>
          <QueryErrorSummary error={error} onRetry={() => void refetch()} />
          <RangeForm from={from} to={to} onSubmit={applyRange} />
        </div>
      </div>
    );
  }
  if (!data) return <Loading label="Loading the dashboard" />;
  const board = data.commsDashboard;
  const where = board.organisation?.name ?? 'the NHS';

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <BackLink asElement={Link} to="/admin">
          Back to communications team
        </BackLink>
        {error ? <QueryErrorSummary error={error} /> : null}
        <h1>Dashboard: {where}</h1>
        <p className="nhsuk-lede-text">
          {board.day
            ? `Figures as of ${fullDay(board.day)}. They are counted once a day.`
            : 'There are no figures for these dates yet. They are counted once a day.'}
        </p>
        {board.organisation && organisationId ? (
          <p>
            <Link to="/admin/dashboard">Back to the whole NHS</Link>
          </p>
        ) : null}
        {board.organisation ? (
          <CountAgain organisationId={board.organisation.id} onCounted={() => void refetch()} />
        ) : null}

        <RangeForm from={board.from} to={board.to} onSubmit={applyRange} busy={loading} />

        <h2>Adoption</h2>
        <Totals totals={board.totals} />

        <h2>Over time</h2>
        <ChartWithTable
          id="history"
          title={`People listed and with an account, ${fullDay(board.from)} to ${fullDay(board.to)}`}
          chart={
            <LineChart data={board.history.map((d) => ({ day: d.day, ...d.figures }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" tickFormatter={dayLabel} />
              <YAxis allowDecimals={false} />
              <Tooltip labelFormatter={(d) => fullDay(String(d))} />
              <Legend />
              <Line dataKey="listed" name="Listed" stroke={COLOURS.listed} dot={false} />
              <Line
                dataKey="withAccount"
                name="With an account"
                stroke={COLOURS.withAccount}
                dot={false}
              />
              <Line
                dataKey="verifiedAccounts"
                name="Verified accounts"
                stroke={COLOURS.verified}
                dot={false}
              />
            </LineChart>
          }
          headers={['Day', 'Listed', 'With an account', 'Verified accounts']}
          rows={board.history.map((d) => [
            fullDay(d.day),
            count(d.figures.listed),
            count(d.figures.withAccount),
            count(d.figures.verifiedAccounts),
          ])}
          empty="No daily figures in these dates yet."
        />

        <h2>Accounts by platform</h2>
        <ChartWithTable
          id="platforms"
          title="Accounts by platform"
          chart={
            <BarChart
              data={board.byPlatform.map((p) => ({ ...p, name: PLATFORM_LABELS[p.platform] }))}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="accounts" name="Accounts" fill={COLOURS.listed} />
              <Bar dataKey="verifiedAccounts" name="Verified" fill={COLOURS.verified} />
            </BarChart>
          }
          headers={['Platform', 'People', 'Accounts', 'Verified accounts']}
          rows={board.byPlatform.map((p) => [
            PLATFORM_LABELS[p.platform],
            count(p.people),
            count(p.accounts),
            count(p.verifiedAccounts),
          ])}
          empty="Nobody has added an account yet."
        />

        <GroupTable
          id="by-organisation"
          title="By organisation"
          groups={board.byOrganisation}
          name={(g) =>
            g.id ? <Link to={`/admin/dashboard?organisation=${g.id}`}>{g.label}</Link> : g.label
          }
        />
        <GroupTable id="by-site" title="By site" groups={board.bySite} />
        <GroupTable id="by-department" title="By department" groups={board.byDepartment} />
        <GroupTable id="by-staff-group" title="By staff group" groups={board.byStaffGroup} />

        <h2>Campaign results</h2>
        {board.campaigns.length === 0 ? (
          <p>No campaign has participants yet.</p>
        ) : (
          <DataTable
            id="campaigns"
            caption="Campaigns: who took part and what they posted"
            headers={['Campaign', 'Participants', 'Posts', 'Engagements']}
            rows={board.campaigns.map((c) => [
              c.name,
              count(c.participants),
              count(c.posts),
              count(c.engagements),
            ])}
          />
        )}

        <h2>Top advocates this month</h2>
        <TopAdvocates advocates={board.topAdvocates} />

        <h2>Download</h2>
        <Downloads organisationId={organisationId} />
      </div>
    </div>
  );
}

function RangeForm({
  from,
  to,
  onSubmit,
  busy = false,
}: {
  from: string | null;
  to: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  busy?: boolean;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="app-range-form">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Dates</legend>
        <TextInput
          id="from"
          name="from"
          type="date"
          label="From"
          hint="For example, 2026-03-01"
          defaultValue={from ?? ''}
          width={10}
        />
        <TextInput id="to" name="to" type="date" label="To" defaultValue={to ?? ''} width={10} />
      </fieldset>
      <Button type="submit" secondary disabled={busy}>
        Show these dates
      </Button>
    </form>
  );
}

function Totals({ totals }: { totals: Figures }) {
  const rows: [string, string][] = [
    ['People', count(totals.people)],
    ['Listed in the directory', count(totals.listed)],
    [
      'With at least one account',
      `${count(totals.withAccount)} (${percent(totals.accountShare)} of people)`,
    ],
    ['With a verified account', count(totals.withVerifiedAccount)],
    ['Accounts', count(totals.accounts)],
    [
      'Verified accounts',
      `${count(totals.verifiedAccounts)} (${percent(totals.verifiedShare)} of accounts)`,
    ],
  ];
  return (
    <SummaryList>
      {rows.map(([key, value]) => (
        <SummaryList.Row key={key}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value}</SummaryList.Value>
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}

/**
 * A chart for those who can see it, and the same figures as a table for everyone else: the
 * chart is hidden from screen readers (it has nothing they can use), the table is not.
 */
function ChartWithTable({
  id,
  title,
  chart,
  headers,
  rows,
  empty,
}: {
  id: string;
  title: string;
  chart: ReactElement<{ accessibilityLayer?: boolean }>;
  headers: string[];
  rows: ReactNode[][];
  empty: string;
}) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <figure className="nhsuk-u-margin-0 nhsuk-u-margin-bottom-5">
      <figcaption className="nhsuk-heading-s">{title}</figcaption>
      <div className="app-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {cloneElement(chart, { accessibilityLayer: false })}
        </ResponsiveContainer>
      </div>
      <Details>
        <Details.Summary>Show the figures as a table</Details.Summary>
        <Details.Text>
          <DataTable id={`${id}-table`} caption={title} headers={headers} rows={rows} />
        </Details.Text>
      </Details>
    </figure>
  );
}

function TopAdvocates({ advocates }: { advocates: Dashboard['topAdvocates'] }) {
  if (advocates.length === 0) return <p>Nobody is on the leaderboard yet.</p>;
  return (
    <>
      <p>
        People who have not chosen to be named on the leaderboard appear by name only to their own
        organisation’s communications team.
      </p>
      <ol className="nhsuk-list">
        {advocates.map((a, i) => (
          <li key={a.staff?.id ?? `anonymous-${i}`}>
            {a.rank}.{' '}
            {a.staff ? (
              <>
                <Link to={`/people/${a.staff.id}`}>{a.staff.displayName}</Link>
                {a.staff.jobTitle ? `, ${a.staff.jobTitle}` : ''}
              </>
            ) : (
              'Not named'
            )}{' '}
            – {count(a.score)} points
          </li>
        ))}
      </ol>
    </>
  );
}

function Downloads({ organisationId }: { organisationId: string | null }) {
  const session = useAuthSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const query = organisationId ? `?organisationId=${encodeURIComponent(organisationId)}` : '';
  const download = async (what: 'advocates' | 'directory', label: string) => {
    setBusy(what);
    setFailure(null);
    setDone(null);
    try {
      await downloadWithToken(session, `/api/exports/${what}${query}`, `staff-voices-${what}.csv`);
      setDone(`The ${label} has been downloaded.`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {failure ? <QueryErrorSummary error={failure} /> : null}
      <p>
        Spreadsheet files (CSV). The advocates are in leaderboard order for the last 30 days, named
        as the leaderboard allows. The directory has the people others can see, with the accounts
        your team can see.
      </p>
      <div className="nhsuk-button-group">
        <Button
          type="button"
          secondary
          disabled={busy !== null}
          onClick={() => void download('advocates', 'list of advocates')}
        >
          Download advocates (CSV)
        </Button>
        <Button
          type="button"
          secondary
          disabled={busy !== null}
          onClick={() => void download('directory', 'directory')}
        >
          Download the directory (CSV)
        </Button>
      </div>
      {done ? (
        <p role="status" className="app-status app-status--done">
          {done}
        </p>
      ) : null}
    </>
  );
}
