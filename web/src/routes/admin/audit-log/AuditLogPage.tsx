import { useQuery } from '@apollo/client/react';
import { BackLink, Button, Checkboxes, Details, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMeId } from '../../../app/auth/use-me-id';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import type { AuditLogFilter } from '../../../gql/graphql';

const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          actorKind
          actorReference
          actor {
            id
            displayName
          }
          targetType
          targetId
          before
          after
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 25;
const FIELDS = ['action', 'actor', 'subjectType', 'subjectId', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

/** The next day of a YYYY-MM-DD day, for a "to" that includes its whole day. */
const dayAfter = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** The audit log's filter from the page's address; null values are left out. */
function filterOf(params: URLSearchParams, meId: string | null): AuditLogFilter {
  const filter: AuditLogFilter = {};
  const text = (name: string) => params.get(name)?.trim() || null;
  if (text('action')) filter.action = text('action');
  const actor = params.get('mine') === 'yes' ? meId : text('actor');
  if (actor) filter.actorId = actor;
  if (text('subjectType')) filter.targetType = text('subjectType');
  if (text('subjectId')) filter.targetId = text('subjectId');
  const from = text('from');
  if (from && DAY.test(from)) filter.from = `${from}T00:00:00.000Z`;
  const to = text('to');
  if (to && DAY.test(to)) filter.to = `${dayAfter(to)}T00:00:00.000Z`;
  return filter;
}

/** Communications team: the audit log, newest first, filtered and paged by cursor. */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const meId = useMeId();
  const after = params.get('after');
  const mine = params.get('mine') === 'yes';
  const { data, error, refetch, loading } = useQuery(AuditLogQuery, {
    variables: { first: PAGE_SIZE, after, filter: filterOf(params, meId) },
    skip: mine && meId === null,
    fetchPolicy: 'cache-and-network',
  });
  usePageTitle('Audit log', !!error);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FIELDS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    if (form.get('mine') === 'yes') next.set('mine', 'yes');
    setParams(next);
  };

  const nextPage = (cursor: string) => {
    const next = new URLSearchParams(params);
    next.set('after', cursor);
    return `?${next.toString()}`;
  };
  const firstPage = () => {
    const next = new URLSearchParams(params);
    next.delete('after');
    const query = next.toString();
    return query ? `?${query}` : '?';
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <BackLink asElement={Link} to="/admin">
          Back to communications team
        </BackLink>
        {error ? <QueryErrorSummary error={error} onRetry={() => void refetch()} /> : null}
        <h1>Audit log</h1>
        <p className="nhsuk-lede-text">
          Every change made by your communications team, by provisioning and by the system: who made
          it, what changed and when. Nobody can edit or delete an entry.
        </p>

        <Details>
          <Details.Summary>Filter the log</Details.Summary>
          <Details.Text>
            <form onSubmit={apply} noValidate key={params.toString()}>
              <TextInput
                id="action"
                name="action"
                label="Action"
                hint="For example, verification.verify, leader.set or guidance.publish"
                defaultValue={params.get('action') ?? ''}
              />
              <TextInput
                id="actor"
                name="actor"
                label="Who did it (staff number)"
                hint="The number at the end of the person’s profile address, for example 123 in /people/123"
                defaultValue={params.get('actor') ?? ''}
                width={10}
              />
              <Checkboxes id="mine" name="mine">
                <Checkboxes.Item value="yes" defaultChecked={mine}>
                  Only what I did
                </Checkboxes.Item>
              </Checkboxes>
              <TextInput
                id="subjectType"
                name="subjectType"
                label="Kind of thing changed"
                hint="For example, social_account, staff, community or guidance"
                defaultValue={params.get('subjectType') ?? ''}
              />
              <TextInput
                id="subjectId"
                name="subjectId"
                label="Its number"
                defaultValue={params.get('subjectId') ?? ''}
                width={10}
              />
              <TextInput
                id="from"
                name="from"
                type="date"
                label="From"
                defaultValue={params.get('from') ?? ''}
                width={10}
              />
              <TextInput
                id="to"
                name="to"
                type="date"
                label="To (including this day)"
                defaultValue={params.get('to') ?? ''}
                width={10}
              />
              <div className="nhsuk-button-group">
                <Button type="submit">Show entries</Button>
                <Link to="/admin/audit-log" className="nhsuk-link">
                  Clear filters
                </Link>
              </div>
            </form>
          </Details.Text>
        </Details>

        {!data ? (
          loading ? (
            <Loading label="Loading the audit log" />
          ) : null
        ) : (
          <>
            <p role="status">
              {data.auditLog.totalCount === 0
                ? 'No entries match.'
                : `${data.auditLog.totalCount.toLocaleString('en-GB')} ${
                    data.auditLog.totalCount === 1 ? 'entry matches' : 'entries match'
                  }, newest first.`}
            </p>
            {data.auditLog.edges.length > 0 ? (
              <div
                className="app-table-scroll"
                role="region"
                aria-labelledby="audit-caption"
                tabIndex={0}
              >
                <table className="nhsuk-table">
                  <caption
                    className="nhsuk-table__caption nhsuk-table__caption--s"
                    id="audit-caption"
                  >
                    Audit log entries
                  </caption>
                  <thead className="nhsuk-table__head">
                    <tr className="nhsuk-table__row">
                      <th scope="col" className="nhsuk-table__header">
                        When
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        Who
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        Action
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        What changed
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        Before and after
                      </th>
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {data.auditLog.edges.map(({ node }) => (
                      <tr key={node.id} className="nhsuk-table__row">
                        <td className="nhsuk-table__cell">{when(node.at as string)}</td>
                        <td className="nhsuk-table__cell">
                          {node.actor ? (
                            <Link to={`/people/${node.actor.id}`}>{node.actor.displayName}</Link>
                          ) : node.actorReference ? (
                            `Erased person (${node.actorReference})`
                          ) : node.actorKind === 'SCIM' ? (
                            'Provisioning'
                          ) : (
                            'The system'
                          )}
                        </td>
                        <td className="nhsuk-table__cell">
                          <code>{node.action}</code>
                        </td>
                        <td className="nhsuk-table__cell">
                          {node.targetType}
                          {node.targetId ? ` ${node.targetId}` : ''}
                          {node.organisation ? (
                            <>
                              <br />
                              {node.organisation.name}
                            </>
                          ) : null}
                        </td>
                        <td className="nhsuk-table__cell">
                          {node.before || node.after ? (
                            <Details>
                              <Details.Summary>Show the change</Details.Summary>
                              <Details.Text>
                                <p className="nhsuk-u-margin-bottom-1">Before:</p>
                                <pre className="app-audit-json">{node.before ?? 'nothing'}</pre>
                                <p className="nhsuk-u-margin-bottom-1">After:</p>
                                <pre className="app-audit-json">{node.after ?? 'nothing'}</pre>
                              </Details.Text>
                            </Details>
                          ) : (
                            'Not recorded'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <nav className="nhsuk-pagination" aria-label="Pages of the audit log">
              <ul className="nhsuk-list nhsuk-pagination__list">
                {after ? (
                  <li className="nhsuk-pagination-item--previous">
                    <Link className="nhsuk-pagination__link" to={firstPage()}>
                      Newest entries
                    </Link>
                  </li>
                ) : null}
                {data.auditLog.pageInfo.hasNextPage && data.auditLog.pageInfo.endCursor ? (
                  <li className="nhsuk-pagination-item--next">
                    <Link
                      className="nhsuk-pagination__link"
                      to={nextPage(data.auditLog.pageInfo.endCursor)}
                    >
                      Older entries
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          </>
        )}
      </div>
    </div>
  );
}
