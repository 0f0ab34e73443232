import { useQuery } from '@apollo/client/react';
import { BackLink, Button, Select } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../app/page/use-page-title';
import { FlashBanner } from '../../../components/FlashBanner/FlashBanner';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';

const AdminPlacesMeQuery = graphql(`
  query AdminPlacesMe {
    me {
      id
      isNationalAdmin
      organisation {
        id
      }
    }
    organisations {
      id
      name
    }
  }
`);

export const AdminPlacesPageQuery = graphql(`
  query AdminPlacesPage($id: ID!) {
    organisation(id: $id) {
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

/**
 * Communications team: the organisation's sites and departments, each with a link to rename it.
 * A national admin may choose any organisation.
 */
export function AdminPlacesPage() {
  const [params, setParams] = useSearchParams();
  const me = useQuery(AdminPlacesMeQuery);
  const chosen = me.data?.me.isNationalAdmin ? params.get('organisation') : null;
  const organisationId = chosen || me.data?.me.organisation?.id || null;
  const places = useQuery(AdminPlacesPageQuery, {
    variables: { id: organisationId ?? '' },
    skip: !organisationId,
  });
  const error = me.error ?? places.error;
  usePageTitle('Sites and departments', !!error);

  if (error) {
    return (
      <>
        <h1>Sites and departments</h1>
        <QueryErrorSummary
          error={error}
          onRetry={() => void (me.error ? me.refetch() : places.refetch())}
        />
      </>
    );
  }
  if (!me.data || (organisationId && !places.data)) {
    return <Loading label="Loading sites and departments" />;
  }
  const organisation = places.data?.organisation;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin">
          Communications team
        </BackLink>
        <FlashBanner />
        <h1>Sites and departments</h1>
        {me.data.me.isNationalAdmin ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const chosen = String(new FormData(event.currentTarget).get('organisation') ?? '');
              setParams(chosen ? { organisation: chosen } : {});
            }}
          >
            <Select
              id="organisation"
              name="organisation"
              label="Organisation"
              defaultValue={organisationId ?? ''}
            >
              <Select.Option value="">Choose an organisation</Select.Option>
              {me.data.organisations.map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.name}
                </Select.Option>
              ))}
            </Select>
            <Button type="submit" secondary>
              Show its sites and departments
            </Button>
          </form>
        ) : null}
        {!organisation ? (
          <p>
            Your organisation has not been confirmed yet, so there are no sites or departments to
            manage.
          </p>
        ) : (
          <>
            <p className="nhsuk-lede-text">
              The names staff choose on their profiles at {organisation.name}, and search for in the
              directory. A new name applies to everyone there at once.
            </p>
            <PlaceList
              title="Sites"
              kind="site"
              organisationId={organisation.id}
              places={organisation.sites}
            />
            <PlaceList
              title="Departments and teams"
              kind="department"
              organisationId={organisation.id}
              places={organisation.departments}
            />
          </>
        )}
      </div>
    </div>
  );
}

function PlaceList({
  title,
  kind,
  organisationId,
  places,
}: {
  title: string;
  kind: 'site' | 'department';
  organisationId: string;
  places: { id: string; name: string }[];
}) {
  return (
    <>
      <h2>{title}</h2>
      {places.length === 0 ? (
        <p className="app-empty">None yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border app-places">
          {places.map((place) => (
            <li key={place.id}>
              <span dir="auto">{place.name}</span>{' '}
              <Link to={`/admin/places/${organisationId}/${kind}/${place.id}`}>
                Rename<span className="nhsuk-u-visually-hidden"> {place.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
