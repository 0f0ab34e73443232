import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, InsetText, SummaryList, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsFrom, figureProblem, FIGURE_LABELS } from '../../../app/errors/error-messages';
import { METRIC_SOURCE_LABELS, PLATFORM_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import type { ReportMyMetricsInput } from '../../../gql/graphql';
import { NotFoundPage } from '../../not-found/NotFoundPage';

const MyFiguresQuery = graphql(`
  query MyFigures {
    me {
      id
      accounts {
        id
        platform
        handle
        latestFigures {
          day
          followers
          following
          posts
          engagements
          source
        }
      }
    }
  }
`);

const ReportMyMetricsMutation = graphql(`
  mutation ReportMyMetrics($input: ReportMyMetricsInput!) {
    reportMyMetrics(input: $input) {
      snapshot {
        day
        followers
        source
      }
    }
  }
`);

const FIGURES = ['followers', 'following', 'posts', 'engagements'] as const;

const HINTS: Record<(typeof FIGURES)[number], string> = {
  followers: 'How many people follow the account, as the platform shows it',
  following: 'How many accounts it follows (optional)',
  posts: 'Posts made that day (optional)',
  engagements: 'Likes, replies and reposts of your posts that day (optional)',
};

/** Today's date in London, as the server counts days. */
function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** Record my own figures for one of my accounts: shown as self-reported, counted on the leaderboard. */
export function ReportFiguresPage() {
  const { id } = useParams();
  const { data, error, refetch } = useQuery(MyFiguresQuery, { fetchPolicy: 'cache-and-network' });
  const [report, { loading, error: saveError }] = useMutation(ReportMyMetricsMutation, {
    refetchQueries: ['MyFigures'],
  });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const account = data?.me.accounts.find((a) => a.id === id);
  const label = account ? PLATFORM_LABELS[account.platform] : '';
  const fieldErrors = { ...fieldErrorsFrom(saveError), ...localErrors };
  const hasProblems = !!saveError || Object.keys(localErrors).length > 0;
  usePageTitle(
    account ? `Report your ${label} figures` : 'Report your figures',
    (!!error && !data) || hasProblems,
  );

  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label="Loading your account" />;
  if (!account) return <NotFoundPage />;
  const today = londonToday();
  const latest = account.latestFigures;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const local: Record<string, string> = {};
    const input: ReportMyMetricsInput = { accountId: account.id, followers: 0 };
    for (const figure of FIGURES) {
      const typed = String(form.get(figure) ?? '').trim();
      const problem = figureProblem(figure, typed);
      if (problem) local[figure] = problem;
      else if (typed !== '') input[figure] = Number(typed.replaceAll(',', ''));
    }
    const day = String(form.get('day') ?? '').trim();
    if (day && day > today) local.day = 'Date must be today or in the past';
    if (day) input.day = day;
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await report({ variables: { input } });
      navigate('/me', {
        state: { flash: `Your ${label} figures have been recorded` },
      });
    } catch {
      // shown in the error summary and beside the field
    }
  };

  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to={`/me/accounts/${account.id}`}>
          Back to your {label} account
        </BackLink>
        {problems.length > 0 ? <QueryErrorSummary problems={problems} /> : null}
        <h1>Report your {label} figures</h1>
        <p>
          Your communications team imports figures for many accounts. If yours are missing or out of
          date, you can give them here for{' '}
          <span className="app-break-anywhere" dir="auto">
            {account.handle}
          </span>
          .
        </p>
        <InsetText>
          <p>
            Figures you give are shown as self-reported wherever they appear. They count towards the
            leaderboard until the communications team imports figures for the same day, which take
            their place.
          </p>
        </InsetText>
        {latest ? (
          <>
            <h2 className="nhsuk-heading-s">Latest figures we hold</h2>
            <SummaryList>
              <SummaryList.Row>
                <SummaryList.Key>Date</SummaryList.Key>
                <SummaryList.Value>{latest.day}</SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Followers</SummaryList.Key>
                <SummaryList.Value>{latest.followers.toLocaleString('en-GB')}</SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Source</SummaryList.Key>
                <SummaryList.Value>{METRIC_SOURCE_LABELS[latest.source]}</SummaryList.Value>
              </SummaryList.Row>
            </SummaryList>
          </>
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            id="day"
            name="day"
            type="date"
            label="Date of the figures"
            hint="Today, or an earlier day"
            defaultValue={today}
            max={today}
            error={fieldErrors.day}
            width={10}
          />
          {FIGURES.map((figure) => (
            <TextInput
              key={figure}
              id={figure}
              name={figure}
              label={
                figure === 'followers'
                  ? FIGURE_LABELS[figure]
                  : `${FIGURE_LABELS[figure]} (optional)`
              }
              hint={HINTS[figure]}
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
              defaultValue={figure === 'followers' && latest ? String(latest.followers) : ''}
              error={fieldErrors[figure]}
              width={10}
            />
          ))}
          <Button type="submit" disabled={loading}>
            Record these figures
          </Button>
        </form>
      </div>
    </div>
  );
}
