import { useQuery } from '@apollo/client/react';
import { Button, Checkboxes, InsetText, Pagination } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { labelOptions, OptionSelect } from '../../components/OptionSelect/OptionSelect';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { ScoreBreakdown } from '../../components/ScoreBreakdown/ScoreBreakdown';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { TeamKind } from '../../gql/graphql';
import {
  type ChosenWindow,
  movementArrow,
  movementText,
  ordinal,
  points,
  WINDOW_LABELS,
  WINDOW_PARAMS,
  WINDOWS,
  filterFrom,
  liveBoardLink,
  windowFrom,
} from './leaderboard-labels';

const PAGE_SIZE = 20;

export const LeaderboardRow_entry = graphql(`
  fragment LeaderboardRow_entry on LeaderboardEntry {
    rank
    score
    movement
    isMe
    staff {
      id
      displayName
      jobTitle
      organisation {
        id
        name
      }
    }
    breakdown {
      ...ScoreBreakdown_part
    }
  }
`);

const LeaderboardPageQuery = graphql(`
  query LeaderboardPage(
    $window: LeaderboardWindow!
    $filter: LeaderboardFilter
    $first: Int!
    $after: String
  ) {
    leaderboard(window: $window, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          rank
          ...LeaderboardRow_entry
        }
      }
    }
  }
`);

// what does not change from page to page: fetched apart from the board, so paging asks only it
const LeaderboardContextQuery = graphql(`
  query LeaderboardContext(
    $window: LeaderboardWindow!
    $filter: LeaderboardFilter
    $weightsOrganisationId: ID
  ) {
    me {
      id
      showOnLeaderboard
      organisation {
        id
        name
      }
    }
    myLeaderboardPosition(window: $window, filter: $filter) {
      rank
      outOf
      score
      movement
      breakdown {
        ...ScoreBreakdown_part
      }
    }
    leaderboardWeights(organisationId: $weightsOrganisationId) {
      formula
    }
    risingStars(window: $window, filter: $filter, first: 5) {
      ...LeaderboardRow_entry
    }
    organisations {
      id
      name
    }
  }
`);

const TeamLeaderboardQuery = graphql(`
  query TeamLeaderboard($window: LeaderboardWindow!, $kind: TeamKind!) {
    teamLeaderboard(window: $window, kind: $kind) {
      teamId
      name
      rank
      averageScore
      people
    }
  }
`);

const TEAM_KINDS: { kind: TeamKind; param: string; label: string }[] = [
  { kind: 'DEPARTMENT', param: 'departments', label: 'Departments' },
  { kind: 'SITE', param: 'sites', label: 'Sites' },
  { kind: 'ORGANISATION', param: 'organisations', label: 'Organisations' },
];

// react-router's Link takes `state`; nhsuk's Pagination.Item passes it through untyped
const withState = (state: PageState) => ({ state }) as object;

interface PageState {
  /** cursors of the pages before this one, for "Previous" */
  cursors?: (string | null)[];
}

/** Ranks shared with a neighbour on the page read "joint". */
function jointRanks(ranks: number[]): Set<number> {
  const seen = new Map<number, number>();
  for (const rank of ranks) seen.set(rank, (seen.get(rank) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([rank]) => rank));
}

export function LeaderboardPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const cursors = (location.state as PageState | null)?.cursors ?? [];
  const after = params.get('after');
  const window = windowFrom(params.get('window'));
  const filter = filterFrom(params);
  const board = useQuery(LeaderboardPageQuery, {
    variables: { window, filter, first: PAGE_SIZE, after },
  });
  const context = useQuery(LeaderboardContextQuery, {
    variables: { window, filter, weightsOrganisationId: filter.organisationId ?? null },
  });
  const me = context.data?.me;
  const teamKind =
    TEAM_KINDS.find((t) => t.param === params.get('teams')) ??
    (me && !me.organisation ? TEAM_KINDS[2] : TEAM_KINDS[0]);
  const teams = useQuery(TeamLeaderboardQuery, {
    variables: { window, kind: teamKind.kind },
    skip: !me,
  });

  const shown = board.data ?? board.previousData;
  const pageNumber = cursors.length + 1;
  const total = shown?.leaderboard.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageOf = (n: number) => `page ${n} of ${pages}`;
  usePageTitle(
    board.data && pages > 1 ? `Leaderboard (${pageOf(pageNumber)})` : 'Leaderboard',
    !!board.error && !board.data,
  );

  // after Previous or Next, land on the new page's heading, not the foot of the old one
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusResults, setFocusResults] = useState(false);
  useEffect(() => {
    if (!focusResults || !board.data || board.loading) return;
    setFocusResults(false);
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focusResults, board.data, board.loading]);

  const link = (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    if (!keepPage) next.delete('after');
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const query = next.toString();
    return query ? `/leaderboard?${query}` : '/leaderboard';
  };

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' && v ? v : null;
    };
    navigate(
      link({
        organisation: value('organisation'),
        staffGroup: value('staffGroup'),
        leaders: value('leaders'),
      }),
    );
  };

  const entries = (shown?.leaderboard.edges ?? []).map(({ node }) => node);
  const joint = jointRanks(entries.map((e) => e.rank));
  const position = context.data?.myLeaderboardPosition;
  const organisationName = filter.organisationId
    ? context.data?.organisations.find((o) => o.id === filter.organisationId)?.name
    : undefined;
  const boardName = [
    filter.leaders ? 'Leaders' : null,
    organisationName ?? (filter.organisationId ? null : 'NHS-wide'),
    filter.staffGroup ? STAFF_GROUP_LABELS[filter.staffGroup] : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      {board.error && !board.data ? (
        <QueryErrorSummary error={board.error} onRetry={() => void board.refetch()} />
      ) : null}
      <h1>Leaderboard</h1>
      <p className="nhsuk-lede-text">
        Colleagues who share the NHS’s work on social media, ranked by an advocacy score that
        explains itself.
      </p>
      <p>
        <Link to={liveBoardLink({ window, filter })}>
          Open the live leaderboard for a big screen
        </Link>
      </p>

      <nav className="app-choice-links" aria-label="Leaderboard period">
        <ul>
          {WINDOWS.map((w: ChosenWindow) => (
            <li key={w}>
              {w === window ? (
                <Link to={link({ window: WINDOW_PARAMS[w] })} aria-current="page">
                  {WINDOW_LABELS[w]}
                </Link>
              ) : (
                <Link to={link({ window: WINDOW_PARAMS[w] })}>{WINDOW_LABELS[w]}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>

      <form className="app-leaderboard__filters" onSubmit={applyFilters} noValidate>
        <details className="nhsuk-details" open={Object.keys(filter).length > 0 || undefined}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Choose a board</span>
          </summary>
          {/* mounted again once the organisations arrive, so the chosen one shows as chosen */}
          <div
            className="nhsuk-details__text"
            key={`${params.toString()}-${context.data ? 'ready' : 'loading'}`}
          >
            <OptionSelect
              id="organisation"
              name="organisation"
              label="Organisation"
              defaultValue={filter.organisationId ?? ''}
              emptyLabel="NHS-wide"
              options={context.data?.organisations ?? []}
            />
            <OptionSelect
              id="staffGroup"
              name="staffGroup"
              label="Staff group"
              hint="So a porter is ranked with porters, and a consultant with consultants"
              defaultValue={filter.staffGroup ?? ''}
              emptyLabel="Every staff group"
              options={labelOptions(STAFF_GROUP_LABELS)}
            />
            <Checkboxes id="leaders-filter" name="leaders">
              <Checkboxes.Item value="1" defaultChecked={filter.leaders === true}>
                The leaders’ board (leaders are ranked only there)
              </Checkboxes.Item>
            </Checkboxes>
            <Button type="submit" secondary>
              Show this board
            </Button>
          </div>
        </details>
      </form>

      {me ? (
        <div className="nhsuk-card app-my-position" data-testid="my-position">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-m">Your position</h2>
            {position ? (
              <>
                <p className="app-my-position__rank">
                  {ordinal(position.rank)} of {position.outOf.toLocaleString('en-GB')},{' '}
                  {points(position.score)}. {movementText(position.movement)}
                  {position.movement === null ? ' on this board' : ''}.
                </p>
                <ScoreBreakdown parts={position.breakdown} score={position.score} label="you" />
              </>
            ) : (
              <p>
                You are not on this board. Only people who are in the directory, and whose profile
                fits the board, are ranked.
              </p>
            )}
            <p>
              {me.showOnLeaderboard ? (
                <>
                  Colleagues see your name on leaderboards.{' '}
                  <Link to="/me/edit#showOnLeaderboard">Change this</Link>
                </>
              ) : (
                <>
                  Colleagues see you as an anonymous entry.{' '}
                  <Link to="/me/edit#showOnLeaderboard">Choose to be named on leaderboards</Link>
                </>
              )}
            </p>
          </div>
        </div>
      ) : null}

      {board.error && !board.data ? null : !shown ? (
        <Loading label="Loading the leaderboard" />
      ) : (
        <section aria-labelledby="board-heading" aria-busy={board.loading}>
          <h2 id="board-heading" tabIndex={-1} ref={headingRef} aria-live="polite">
            {boardName}: {WINDOW_LABELS[window].toLowerCase()}
            <span className="app-leaderboard__count">
              {' '}
              ({total.toLocaleString('en-GB')} {total === 1 ? 'person' : 'people'}
              {pages > 1 ? `, ${pageOf(pageNumber)}` : ''})
            </span>
          </h2>
          {entries.length === 0 ? (
            <p className="app-empty">No one is ranked on this board yet.</p>
          ) : (
            <LeaderboardTable
              caption={`${boardName}, ${WINDOW_LABELS[window].toLowerCase()}`}
              entries={shown.leaderboard.edges.map(({ node }) => node)}
              joint={joint}
              showingSelf={me?.showOnLeaderboard ?? true}
            />
          )}
          {pageNumber > 1 || shown.leaderboard.pageInfo.hasNextPage ? (
            <Pagination aria-label="Leaderboard pages">
              {pageNumber > 1 ? (
                <Pagination.Item
                  previous
                  asElement={Link}
                  to={link({ after: cursors[cursors.length - 1] ?? null }, true)}
                  onClick={() => setFocusResults(true)}
                  {...withState({ cursors: cursors.slice(0, -1) })}
                  labelText={pageOf(pageNumber - 1).replace(/^p/, 'P')}
                />
              ) : null}
              {shown.leaderboard.pageInfo.hasNextPage ? (
                <Pagination.Item
                  next
                  asElement={Link}
                  to={link({ after: shown.leaderboard.pageInfo.endCursor }, true)}
                  onClick={() => setFocusResults(true)}
                  {...withState({ cursors: [...cursors, after] })}
                  labelText={pageOf(pageNumber + 1).replace(/^p/, 'P')}
                />
              ) : null}
            </Pagination>
          ) : null}
        </section>
      )}

      <section aria-labelledby="rising-heading">
        <h2 id="rising-heading">Rising stars</h2>
        <p>Who gained most points on this board since the previous {windowNoun(window)}.</p>
        {!context.data ? (
          <Loading label="Loading rising stars" />
        ) : context.data.risingStars.length === 0 ? (
          <p className="app-empty">No one has moved up this board yet.</p>
        ) : (
          <LeaderboardTable
            caption="Rising stars"
            entries={context.data.risingStars}
            joint={new Set()}
            showingSelf={me?.showOnLeaderboard ?? true}
          />
        )}
      </section>

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <p>
          Teams are compared by their average score per ranked person, never by totals, so a big
          team does not win by being big. Leaders are not counted in team averages.
        </p>
        <nav className="app-choice-links" aria-label="Compare teams by">
          <ul>
            {TEAM_KINDS.filter((t) => me?.organisation || t.kind === 'ORGANISATION').map((t) => (
              <li key={t.kind}>
                {t.kind === teamKind.kind ? (
                  <Link to={link({ teams: t.param }, true)} aria-current="page" replace>
                    {t.label}
                  </Link>
                ) : (
                  <Link to={link({ teams: t.param }, true)} replace>
                    {t.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        {teams.error && !teams.data ? (
          <QueryErrorSummary error={teams.error} onRetry={() => void teams.refetch()} />
        ) : !teams.data ? (
          <Loading label="Loading teams" />
        ) : teams.data.teamLeaderboard.length === 0 ? (
          <p className="app-empty">
            {teamKind.kind === 'ORGANISATION'
              ? 'No organisation has anyone ranked yet.'
              : `No ${teamKind.label.toLowerCase()} of your organisation have anyone ranked yet.`}
          </p>
        ) : (
          <table className="nhsuk-table app-team-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              {teamKind.label} by average score per person
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Rank
                </th>
                <th scope="col" className="nhsuk-table__header">
                  {teamKind.label.replace(/s$/, '')}
                </th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                  Average score
                </th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                  People ranked
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {teams.data.teamLeaderboard.map((team) => (
                <tr key={team.teamId} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">{team.rank}</td>
                  <td className="nhsuk-table__cell" dir="auto">
                    {team.name}
                  </td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {team.averageScore.toLocaleString('en-GB', {
                      minimumFractionDigits: 1,
                      maximumFractionDigits: 1,
                    })}
                  </td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{team.people}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="formula-heading">
        <h2 id="formula-heading">How the score is worked out</h2>
        {context.data ? (
          <>
            <p>
              {organisationName
                ? `With the weights ${organisationName}’s communications team set:`
                : 'With the NHS-wide weights (each person is scored with their own organisation’s weights, if it set any):'}
            </p>
            <ul>
              {context.data.leaderboardWeights.formula.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
        <InsetText>
          <p>
            People are named on the leaderboard only after they choose to be, on their profile.
            Until then colleagues see an anonymous entry, with points but no figures. You always see
            your own entry, and the communications team of a person’s own organisation sees its own
            people by name.
          </p>
        </InsetText>
      </section>
    </>
  );
}

function windowNoun(window: ChosenWindow): string {
  switch (window) {
    case 'WEEK':
      return '7 days';
    case 'MONTH':
      return '30 days';
    case 'QUARTER':
      return '90 days';
    case 'ALL_TIME':
      return 'week';
  }
}

interface LeaderboardTableProps {
  caption: string;
  entries: readonly FragmentType<typeof LeaderboardRow_entry>[];
  joint: Set<number>;
  /** Whether the viewer opted in: if not, their own row says colleagues see it anonymously. */
  showingSelf: boolean;
}

function LeaderboardTable({ caption, entries: refs, joint, showingSelf }: LeaderboardTableProps) {
  const entries = getFragmentData(LeaderboardRow_entry, refs);
  return (
    <table className="nhsuk-table-responsive app-leaderboard-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Rank
          </th>
          <th scope="col" className="nhsuk-table__header">
            Person
          </th>
          <th scope="col" className="nhsuk-table__header">
            Score
          </th>
          <th scope="col" className="nhsuk-table__header">
            Since the previous period
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {entries.map((entry, index) => {
          const who = entry.staff?.displayName ?? 'Anonymous member of staff';
          return (
            <tr
              key={entry.staff?.id ?? `anonymous-${index}`}
              className={`nhsuk-table__row${entry.isMe ? ' app-leaderboard-table__me' : ''}`}
              data-testid={entry.isMe ? 'my-row' : undefined}
            >
              <td className="nhsuk-table__cell app-leaderboard-table__rank">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Rank{' '}
                </span>
                {entry.rank}
                {joint.has(entry.rank) ? ' (joint)' : ''}
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Person{' '}
                </span>
                <span>
                  {entry.staff ? (
                    <Link to={`/people/${entry.staff.id}`} dir="auto">
                      {who}
                    </Link>
                  ) : (
                    <span className="app-leaderboard-table__anonymous">{who}</span>
                  )}
                  {entry.isMe ? (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--blue">You</strong>
                      {!showingSelf ? (
                        <span className="app-leaderboard-table__note">
                          Colleagues see this as an anonymous entry
                        </span>
                      ) : null}
                    </>
                  ) : null}
                  {entry.staff?.organisation ? (
                    <span className="app-leaderboard-table__note" dir="auto">
                      {entry.staff.organisation.name}
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Score{' '}
                </span>
                <span>
                  <span className="app-leaderboard-table__score">{points(entry.score)}</span>
                  <ScoreBreakdown
                    parts={entry.breakdown}
                    score={entry.score}
                    label={entry.isMe ? 'you' : `rank ${entry.rank}, ${who}`}
                  />
                </span>
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Since the previous period{' '}
                </span>
                <span>
                  <span aria-hidden="true" className="app-leaderboard-table__arrow">
                    {movementArrow(entry.movement)}{' '}
                  </span>
                  {movementText(entry.movement)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
