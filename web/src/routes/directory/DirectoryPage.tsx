import { useQuery } from '@apollo/client/react';
import { Button, Checkboxes, Pagination, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsFrom } from '../../app/errors/error-messages';
import { PLATFORM_LABELS, STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { Loading } from '../../components/Loading/Loading';
import { labelOptions, OptionSelect } from '../../components/OptionSelect/OptionSelect';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { StaffCard } from '../../components/StaffCard/StaffCard';
import { graphql } from '../../gql';
import type { DirectorySort, Platform, StaffFilter, StaffGroup } from '../../gql/graphql';

const PAGE_SIZE = 20;

const DirectoryPageQuery = graphql(`
  query DirectoryPage($first: Int!, $after: String, $filter: StaffFilter, $sort: DirectorySort) {
    staff(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      totalCountCapped
      searchLimited
      similarWords
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...StaffCard_staff
          ...FollowButton_staff
        }
      }
    }
  }
`);

// the filters' choices: fetched once, apart from the results, and only what the page shows
const DirectoryFilterOptionsQuery = graphql(`
  query DirectoryFilterOptions {
    organisations {
      id
      name
    }
    communities(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const DirectoryPlacesQuery = graphql(`
  query DirectoryPlaces($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      sites {
        id
        name
      }
      departments {
        id
        name
      }
    }
  }
`);

// the URL holds the search, so results can be bookmarked, shared and returned to with Back
const FILTERS = [
  'organisation',
  'site',
  'department',
  'staffGroup',
  'platform',
  'community',
  'verified',
] as const;
type FilterName = (typeof FILTERS)[number];

const FILTER_LABELS: Record<FilterName, string> = {
  organisation: 'Organisation',
  site: 'Site',
  department: 'Department or team',
  staffGroup: 'Staff group',
  platform: 'Has an account on',
  community: 'Member of',
  verified: 'Verified',
};

function filterFrom(params: URLSearchParams): StaffFilter {
  const filter: StaffFilter = {};
  const q = params.get('q')?.trim();
  if (q) filter.search = q;
  if (params.get('organisation')) filter.organisationId = params.get('organisation');
  if (params.get('site')) filter.siteId = params.get('site');
  if (params.get('department')) filter.departmentId = params.get('department');
  if (params.get('staffGroup')) filter.staffGroup = params.get('staffGroup') as StaffGroup;
  if (params.get('platform')) filter.platform = params.get('platform') as Platform;
  if (params.get('community')) filter.communityId = params.get('community');
  if (params.get('verified') === '1') filter.verifiedOnly = true;
  return filter;
}

// react-router's Link takes `state`; nhsuk's Pagination.Item passes it through untyped
const withState = (state: PageState) => ({ state }) as object;

interface PageState {
  /** cursors of the pages before this one, for "Previous" */
  cursors?: (string | null)[];
}

function countText(total: number, capped: boolean, limited: boolean): string {
  if (limited)
    return `${total.toLocaleString('en-GB')} ${total === 1 ? 'match' : 'matches'} so far`;
  if (capped) return `More than ${total.toLocaleString('en-GB')} people`;
  return `${total.toLocaleString('en-GB')} ${total === 1 ? 'person' : 'people'}`;
}

/** What a page of a search of single letters (checked a stretch at a time) holds. */
function limitedText(shownCount: number, pageNumber: number, more: boolean): string {
  const found =
    shownCount === 0
      ? 'No matches in this part of the directory'
      : `Showing the ${pageNumber > 1 ? 'next' : 'first'} ${shownCount.toLocaleString('en-GB')} ${shownCount === 1 ? 'match' : 'matches'}`;
  return `${found}; add more of the name to narrow it${more ? ', or look further on the next page' : ''}.`;
}

/** The `sort` of the page's address, as the API's order. */
const SORTS: Record<string, DirectorySort> = { name: 'NAME', surname: 'SURNAME' };

export function DirectoryPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const cursors = (location.state as PageState | null)?.cursors ?? [];
  const after = params.get('after');
  const filter = filterFrom(params);
  const sortParam = params.get('sort') ?? '';
  const sort: DirectorySort = Object.hasOwn(SORTS, sortParam) ? SORTS[sortParam] : 'RELEVANCE';
  const { data, previousData, error, loading, refetch } = useQuery(DirectoryPageQuery, {
    variables: { first: PAGE_SIZE, after, filter, sort },
  });
  const options = useQuery(DirectoryFilterOptionsQuery, { fetchPolicy: 'cache-first' }).data;

  // the search box and the organisation are the person's until they search: never re-mounted
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [organisationId, setOrganisationId] = useState(params.get('organisation') ?? '');
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => setQuery(params.get('q') ?? ''), [params]);
  useEffect(() => setOrganisationId(params.get('organisation') ?? ''), [params]);
  const places = useQuery(DirectoryPlacesQuery, {
    variables: { organisationId },
    skip: !organisationId,
    fetchPolicy: 'cache-first',
  }).data?.organisation;

  const shown = data ?? previousData;
  const pageNumber = cursors.length + 1;
  const total = shown?.staff.totalCount ?? 0;
  const capped = shown?.staff.totalCountCapped ?? false;
  // a search of single letters is checked a stretch of the directory at a time, never counted
  const limited = shown?.staff.searchLimited ?? false;
  const pages = capped ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageOf = (n: number) => (pages ? `page ${n} of ${pages}` : `page ${n}`);
  const titleBase = filter.search ? `Directory: ${filter.search}` : 'Staff directory';
  usePageTitle(
    data && (pages === null || pages > 1) ? `${titleBase} (${pageOf(pageNumber)})` : titleBase,
    !!error && !data,
  );

  // after Previous or Next, land on the new page's heading, not the foot of the old one
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusResults, setFocusResults] = useState(false);
  useEffect(() => {
    if (!focusResults || !data || loading) return;
    setFocusResults(false);
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focusResults, data, loading]);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    if (query.trim()) next.set('q', query.trim());
    for (const name of FILTERS) {
      const value = form.get(name);
      if (typeof value === 'string' && value.trim()) next.set(name, value.trim());
    }
    // a site or department belongs to one organisation: drop them when it changes
    if (next.get('organisation') !== params.get('organisation')) {
      if (next.get('site') && !places?.sites.some((s) => s.id === next.get('site'))) {
        next.delete('site');
      }
      if (
        next.get('department') &&
        !places?.departments.some((d) => d.id === next.get('department'))
      ) {
        next.delete('department');
      }
    }
    if (params.get('sort')) next.set('sort', params.get('sort')!);
    setFiltersOpen(false);
    navigate(`/directory?${next}`);
  };

  const pageLink = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('after', cursor);
    else next.delete('after');
    return `/directory?${next}`;
  };
  const without = (...names: string[]) => {
    const next = new URLSearchParams(params);
    for (const name of [...names, 'after']) next.delete(name);
    return `/directory?${next}`;
  };
  const sortTo = (value: string) => {
    const next = new URLSearchParams(params);
    next.delete('after');
    if (Object.hasOwn(SORTS, value)) next.set('sort', value);
    else next.delete('sort');
    navigate(`/directory?${next}`);
  };

  const nameOf = (list: readonly { id: string; name: string }[] | undefined, id: string) =>
    list?.find((item) => item.id === id)?.name;
  const communities = (options?.communities.edges ?? []).map(({ node }) => node);
  const valueLabel = (name: FilterName, value: string): string | undefined => {
    switch (name) {
      case 'organisation':
        return nameOf(options?.organisations, value);
      case 'site':
        return nameOf(places?.sites, value);
      case 'department':
        return nameOf(places?.departments, value);
      case 'staffGroup':
        return STAFF_GROUP_LABELS[value as StaffGroup];
      case 'platform':
        return PLATFORM_LABELS[value as Platform];
      case 'community':
        return nameOf(communities, value);
      case 'verified':
        return 'only people with a verified account';
    }
  };
  const active = FILTERS.flatMap((name) => {
    const value = params.get(name);
    if (!value) return [];
    const label = valueLabel(name, value);
    return label ? [{ name, label }] : [];
  });

  const searchError = fieldErrorsFrom(error, { search: filter.search })['filter.search'];

  return (
    <>
      {error && !data ? (
        <QueryErrorSummary
          error={error}
          onRetry={() => void refetch()}
          fieldIds={{ 'filter.search': 'q' }}
          values={{ search: filter.search }}
        />
      ) : null}
      <h1>Staff directory</h1>
      <p className="nhsuk-lede-text">
        Find colleagues by name, job title, social media handle or what they say about themselves.
      </p>
      <form className="app-directory__form" role="search" onSubmit={search} noValidate>
        <div className="app-directory__search">
          <TextInput
            id="q"
            name="q"
            type="search"
            label="Search the directory"
            labelProps={{ size: 's' }}
            hint="For example, a name, “ward sister”, or @handle"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            error={searchError}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" className="app-directory__search-button">
            Search
          </Button>
        </div>
        <details
          className="nhsuk-details app-directory__filters"
          open={filtersOpen}
          onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
        >
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Filter the results</span>
          </summary>
          <div className="nhsuk-details__text">
            <div className="app-directory__filter-grid" key={params.toString()}>
              <OptionSelect
                id="organisation"
                name="organisation"
                label={FILTER_LABELS.organisation}
                value={organisationId}
                onChange={(e) => setOrganisationId(e.currentTarget.value)}
                emptyLabel="Any organisation"
                options={options?.organisations ?? []}
              />
              {organisationId && places ? (
                <>
                  <OptionSelect
                    id="site"
                    name="site"
                    label={FILTER_LABELS.site}
                    defaultValue={params.get('site') ?? ''}
                    emptyLabel="Any site"
                    options={places.sites}
                  />
                  <OptionSelect
                    id="department"
                    name="department"
                    label={FILTER_LABELS.department}
                    defaultValue={params.get('department') ?? ''}
                    emptyLabel="Any department"
                    options={places.departments}
                  />
                </>
              ) : null}
              <OptionSelect
                id="staffGroup"
                name="staffGroup"
                label={FILTER_LABELS.staffGroup}
                defaultValue={params.get('staffGroup') ?? ''}
                emptyLabel="Any staff group"
                options={labelOptions(STAFF_GROUP_LABELS)}
              />
              <OptionSelect
                id="platform"
                name="platform"
                label={FILTER_LABELS.platform}
                defaultValue={params.get('platform') ?? ''}
                emptyLabel="Any platform"
                options={labelOptions(PLATFORM_LABELS)}
              />
              <OptionSelect
                id="community"
                name="community"
                label={FILTER_LABELS.community}
                defaultValue={params.get('community') ?? ''}
                emptyLabel="Any community"
                options={communities}
              />
              <Checkboxes id="verified-filter" name="verified">
                <Checkboxes.Item value="1" defaultChecked={params.get('verified') === '1'}>
                  Only people with a verified account
                </Checkboxes.Item>
              </Checkboxes>
            </div>
            <Button type="submit" secondary>
              Apply filters
            </Button>
          </div>
        </details>
      </form>

      {active.length > 0 ? (
        <div className="app-filter-tags">
          <h2 className="nhsuk-heading-xs app-filter-tags__heading">Filters</h2>
          <ul className="app-filter-tags__list">
            {active.map(({ name, label }) => (
              <li key={name}>
                <Link
                  className="app-filter-tag"
                  to={without(...(name === 'organisation' ? [name, 'site', 'department'] : [name]))}
                >
                  <span className="nhsuk-u-visually-hidden">Remove filter: </span>
                  {FILTER_LABELS[name]}: {label}
                  <span className="app-filter-tag__cross" aria-hidden="true">
                    ×
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link
              to={
                filter.search ? `/directory?q=${encodeURIComponent(filter.search)}` : '/directory'
              }
            >
              Clear filters
            </Link>
          </p>
        </div>
      ) : null}

      {error && !data ? null : !shown ? (
        <Loading label="Searching the directory" />
      ) : (
        <section aria-labelledby="results-heading" aria-busy={loading}>
          <div className="app-directory__results-header">
            <h2
              id="results-heading"
              className="app-directory__count"
              aria-live="polite"
              tabIndex={-1}
              ref={headingRef}
            >
              {countText(total, capped, limited)}
              {pages === null || pages > 1 ? (
                <span className="app-directory__page">, {pageOf(pageNumber)}</span>
              ) : null}
            </h2>
            <Select
              id="sort"
              label="Sort by"
              labelProps={{ size: 's' }}
              className="app-directory__sort"
              value={
                sort === 'SURNAME'
                  ? 'surname'
                  : sort === 'NAME' || !filter.search
                    ? 'name'
                    : 'relevance'
              }
              onChange={(e) => sortTo(e.currentTarget.value)}
            >
              {/* with nothing searched, best match is name order */}
              {filter.search ? <Select.Option value="relevance">Best match</Select.Option> : null}
              <Select.Option value="name">Name (A to Z)</Select.Option>
              <Select.Option value="surname">Surname (A to Z)</Select.Option>
            </Select>
          </div>
          {shown.staff.similarWords.length > 0 ? (
            <p className="app-directory__similar" data-testid="similar-words">
              No one matches “{filter.search}” exactly. Showing people matching similar spellings:{' '}
              {shown.staff.similarWords.join(', ')}.
            </p>
          ) : null}
          {limited ? (
            <p className="app-directory__limited" data-testid="search-limited">
              {limitedText(shown.staff.edges.length, pageNumber, shown.staff.pageInfo.hasNextPage)}
            </p>
          ) : null}
          {shown.staff.edges.length === 0 && limited ? null : shown.staff.edges.length === 0 ? (
            <div className="app-empty">
              <p>No one in the directory matches your search.</p>
              <p>You could:</p>
              <ul>
                <li>check the spelling, or use fewer words</li>
                <li>search for part of a name, such as “jo” for Joanne</li>
                <li>remove some filters</li>
              </ul>
            </div>
          ) : (
            <ul className="app-card-list">
              {shown.staff.edges.map(({ node }) => (
                <li key={node.id} className="app-card-list__item">
                  <StaffCard staff={node}>
                    <div className="app-staff-card__actions">
                      <FollowButton staff={node} />
                    </div>
                  </StaffCard>
                </li>
              ))}
            </ul>
          )}
          {pageNumber > 1 || shown.staff.pageInfo.hasNextPage ? (
            <Pagination aria-label="Directory pages">
              {pageNumber > 1 ? (
                <Pagination.Item
                  previous
                  asElement={Link}
                  to={pageLink(cursors[cursors.length - 1] ?? null)}
                  onClick={() => setFocusResults(true)}
                  {...withState({ cursors: cursors.slice(0, -1) })}
                  labelText={pageOf(pageNumber - 1).replace(/^p/, 'P')}
                />
              ) : null}
              {shown.staff.pageInfo.hasNextPage ? (
                <Pagination.Item
                  next
                  asElement={Link}
                  to={pageLink(shown.staff.pageInfo.endCursor)}
                  onClick={() => setFocusResults(true)}
                  {...withState({ cursors: [...cursors, after] })}
                  labelText={pageOf(pageNumber + 1).replace(/^p/, 'P')}
                />
              ) : null}
            </Pagination>
          ) : null}
        </section>
      )}
    </>
  );
}
