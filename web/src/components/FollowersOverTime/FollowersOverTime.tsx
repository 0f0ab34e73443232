import { useQuery } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { graphql } from '../../gql';
import { Loading } from '../Loading/Loading';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';
import type { ChartSeries } from './FollowersLineChart';

// the chart library is only fetched by a profile that has figures to draw
const FollowersLineChart = lazy(() =>
  import('./FollowersLineChart').then((m) => ({ default: m.FollowersLineChart })),
);

export const HISTORY_DAYS = 90;

const FollowersOverTimeQuery = graphql(`
  query FollowersOverTime($id: ID!, $days: Int!) {
    staffMember(id: $id) {
      id
      accounts {
        id
        platform
        handle
        figureHistory(days: $days) {
          day
          followers
          source
        }
      }
    }
  }
`);

const shortDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
const longDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/**
 * A person's followers on each of their accounts (the ones the viewer may see) over the last
 * 90 days: a line chart, and the same figures in a table for screen readers and anyone who
 * prefers one. Figures the person reported themself are marked as self-reported in both.
 */
export function FollowersOverTime({
  staffId,
  headingLevel = 2,
}: {
  staffId: string;
  headingLevel?: 2 | 3;
}) {
  const { data, error, refetch } = useQuery(FollowersOverTimeQuery, {
    variables: { id: staffId, days: HISTORY_DAYS },
  });
  const Heading = `h${headingLevel}` as const;

  const heading = <Heading id="followers-over-time">Followers over time</Heading>;
  if (error && !data) {
    return (
      <section aria-labelledby="followers-over-time">
        {heading}
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </section>
    );
  }
  if (!data) return <Loading label="Loading followers over time" />;

  const series: ChartSeries[] = data.staffMember.accounts
    .filter((a) => a.figureHistory.length > 0)
    .map((a) => ({
      key: `a${a.id}`,
      label: `${PLATFORM_LABELS[a.platform]} ${a.handle}`,
      points: a.figureHistory.map((f) => ({
        day: f.day,
        followers: f.followers,
        selfReported: f.source === 'SELF_REPORTED',
      })),
    }));
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => p.day)))].sort();
  const anySelfReported = series.some((s) => s.points.some((p) => p.selfReported));

  return (
    <section aria-labelledby="followers-over-time" className="app-followers-over-time">
      {heading}
      {series.length === 0 ? (
        <p className="app-empty">No follower figures in the last {HISTORY_DAYS} days.</p>
      ) : (
        <>
          <p>
            Followers on each account over the last {HISTORY_DAYS} days, from figures imported by
            the communications team or reported by the account’s owner.
            {anySelfReported
              ? ' Hollow dots are self-reported figures: the owner’s own word, not checked by anyone.'
              : ''}
          </p>
          <div className="app-followers-over-time__chart" aria-hidden="true">
            <Suspense fallback={null}>
              <FollowersLineChart series={series} days={days} shortDay={shortDay} />
            </Suspense>
          </div>
          <details className="nhsuk-details" data-testid="followers-table">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Show the figures as a table</span>
            </summary>
            <div className="nhsuk-details__text app-followers-over-time__table">
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption nhsuk-table__caption--s">
                  Followers by day
                </caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">
                      Day
                    </th>
                    {series.map((s) => (
                      <th
                        key={s.key}
                        scope="col"
                        className="nhsuk-table__header nhsuk-table__header--numeric"
                      >
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {days.map((day) => (
                    <tr key={day} className="nhsuk-table__row">
                      <th scope="row" className="nhsuk-table__header">
                        {longDay(day)}
                      </th>
                      {series.map((s) => {
                        const point = s.points.find((p) => p.day === day);
                        return (
                          <td key={s.key} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                            {point ? (
                              <>
                                {point.followers.toLocaleString('en-GB')}
                                {point.selfReported ? ' (self-reported)' : ''}
                              </>
                            ) : (
                              <span className="app-not-given">No figure</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
