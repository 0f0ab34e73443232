import { useQuery } from '@apollo/client/react';
import { Button, Checkboxes, Pagination, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { PLATFORM_LABELS, STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { labelOptions, OptionSelect } from '../../components/OptionSelect/OptionSelect';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { StaffCard } from '../../components/StaffCard/StaffCard';
import { graphql } from '../../gql';
import type { Platform, StaffFilter, StaffGroup } from '../../gql/graphql';

const PAGE_SIZE = 20;

const DirectoryPageQuery = graphql(`
  query DirectoryPage($first: Int!, $after: String, $filter: StaffFilter) {
    staff(first: $first, after: $after, filter: $filter) {
      totalCount
      totalCountCapped
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...StaffCard_staff
        }
      }
    }
    communities(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    organisations {
      id
      name
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
const PARAMS = [
  'q',
  'organisation',
  'site',
  'department',
  'staffGroup',
  'platform',
  'community',
  'verified',
];

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

// react-router's Link takes `state`; nhsuk's Pagination.Link passes it through untyped
const withState = (state: PageState) => ({ state }) as object;

interface PageState {
  /** cursors of the pages before this one, for "Previous" */
  cursors?: (string | null)[];
}

export function DirectoryPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const cursors = (location.state as PageState | null)?.cursors ?? [];
  const after = params.get('after');
  const filter = filterFrom(params);
  const searching = Object.keys(filter).length > 0;
  const { data, previousData, error, loading, refetch } = useQuery(DirectoryPageQuery, {
    variables: { first: PAGE_SIZE, after, filter },
  });
  usePageTitle(filter.search ? `Directory: ${filter.search}` : 'Staff directory', !!error && !data);
  const shown = data ?? previousData;
  const organisations = shown?.organisations ?? [];
  const organisation = organisations.find((o) => o.id === params.get('organisation'));

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of PARAMS) {
      const value = form.get(name);
      if (typeof value === 'string' && value.trim()) next.set(name, value.trim());
    }
    // a site or department belongs to one organisation: drop them when it changes
    if (next.get('organisation') !== params.get('organisation')) {
      next.delete('site');
      next.delete('department');
    }
    navigate(`/directory?${next}`);
  };

  const pageLink = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('after', cursor);
    else next.delete('after');
    return `/directory?${next}`;
  };
  const pageNumber = cursors.length + 1;

  return (
    <>
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
            hint="For example, a name, “ward sister”, “cardiology” or @handle"
            defaultValue={params.get('q') ?? ''}
            key={`q-${params.get('q') ?? ''}`}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" className="app-directory__search-button">
            Search
          </Button>
        </div>
        <details className="nhsuk-details app-directory__filters" open={searching}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Filter the results</span>
          </summary>
          <div className="nhsuk-details__text">
            <div className="app-directory__filter-grid" key={params.toString()}>
              <OptionSelect
                id="organisation"
                name="organisation"
                label="Organisation"
                defaultValue={params.get('organisation') ?? ''}
                emptyLabel="Any organisation"
                options={organisations}
              />
              {organisation ? (
                <>
                  <OptionSelect
                    id="site"
                    name="site"
                    label="Site"
                    defaultValue={params.get('site') ?? ''}
                    emptyLabel="Any site"
                    options={organisation.sites}
                  />
                  <OptionSelect
                    id="department"
                    name="department"
                    label="Department or team"
                    defaultValue={params.get('department') ?? ''}
                    emptyLabel="Any department"
                    options={organisation.departments}
                  />
                </>
              ) : null}
              <OptionSelect
                id="staffGroup"
                name="staffGroup"
                label="Staff group"
                defaultValue={params.get('staffGroup') ?? ''}
                emptyLabel="Any staff group"
                options={labelOptions(STAFF_GROUP_LABELS)}
              />
              <OptionSelect
                id="platform"
                name="platform"
                label="Has an account on"
                defaultValue={params.get('platform') ?? ''}
                emptyLabel="Any platform"
                options={labelOptions(PLATFORM_LABELS)}
              />
              <OptionSelect
                id="community"
                name="community"
                label="Member of"
                defaultValue={params.get('community') ?? ''}
                emptyLabel="Any community"
                options={(shown?.communities.edges ?? []).map(({ node }) => node)}
              />
              <Checkboxes id="verified-filter" name="verified">
                <Checkboxes.Item value="1" defaultChecked={params.get('verified') === '1'}>
                  Only people with a verified account
                </Checkboxes.Item>
              </Checkboxes>
            </div>
            <Button type="submit" secondary>
              Apply filters
            </Button>{' '}
            {searching ? (
              <p>
                <Link to="/directory">Clear search and filters</Link>
              </p>
            ) : null}
          </div>
        </details>
      </form>

      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !shown ? (
        <Loading label="Searching the directory" />
      ) : (
        <section aria-labelledby="results-heading" aria-busy={loading}>
          <h2 id="results-heading" className="app-directory__count" aria-live="polite">
            {shown.staff.totalCountCapped
              ? `More than ${shown.staff.totalCount.toLocaleString('en-GB')} people`
              : `${shown.staff.totalCount.toLocaleString('en-GB')} ${
                  shown.staff.totalCount === 1 ? 'person' : 'people'
                }`}
            {pageNumber > 1 ? (
              <span className="app-directory__page">, page {pageNumber}</span>
            ) : null}
          </h2>
          {shown.staff.edges.length === 0 ? (
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
                  <StaffCard staff={node} />
                </li>
              ))}
            </ul>
          )}
          {pageNumber > 1 || shown.staff.pageInfo.hasNextPage ? (
            <Pagination aria-label="Directory pages">
              {pageNumber > 1 ? (
                <Pagination.Link
                  previous
                  asElement={Link}
                  to={pageLink(cursors[cursors.length - 1] ?? null)}
                  {...withState({ cursors: cursors.slice(0, -1) })}
                  labelText={`Page ${pageNumber - 1}`}
                />
              ) : null}
              {shown.staff.pageInfo.hasNextPage ? (
                <Pagination.Link
                  next
                  asElement={Link}
                  to={pageLink(shown.staff.pageInfo.endCursor)}
                  {...withState({ cursors: [...cursors, after] })}
                  labelText={`Page ${pageNumber + 1}`}
                />
              ) : null}
            </Pagination>
          ) : null}
        </section>
      )}
    </>
  );
}
