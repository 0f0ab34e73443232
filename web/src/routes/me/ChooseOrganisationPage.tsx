import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsFrom, missingMessage } from '../../app/errors/error-messages';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { OptionSelect } from '../../components/OptionSelect/OptionSelect';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const ChooseOrganisationPageQuery = graphql(`
  query ChooseOrganisationPage {
    me {
      id
      organisation {
        id
      }
      site {
        id
      }
      department {
        id
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

const ChooseMyOrganisationMutation = graphql(`
  mutation ChooseMyOrganisation($input: ChooseMyOrganisationInput!) {
    chooseMyOrganisation(input: $input) {
      me {
        id
        needsOrganisation
        organisation {
          id
          name
        }
        site {
          id
          name
        }
        department {
          id
          name
        }
      }
    }
  }
`);

/** For people whose sign-in did not say where they work. */
export function ChooseOrganisationPage() {
  const { data, error, refetch } = useQuery(ChooseOrganisationPageQuery);
  const [choose, { loading, error: saveError }] = useMutation(ChooseMyOrganisationMutation);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const navigate = useNavigate();
  const fieldErrors = fieldErrorsFrom(saveError);
  usePageTitle('Where do you work?', (!!error && !data) || !!saveError || missing);

  if (error && !data) {
    return (
      <>
        <h1>Where do you work?</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <Loading />;
  const chosenId = organisationId ?? data.me.organisation?.id ?? '';
  const organisation = data.organisations.find((o) => o.id === chosenId);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!chosenId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await choose({
        variables: {
          input: {
            organisationId: chosenId,
            siteId: String(form.get('siteId') ?? '') || null,
            departmentId: String(form.get('departmentId') ?? '') || null,
          },
        },
      });
      navigate('/me', { state: { flash: 'Your organisation has been saved' } });
    } catch {
      // shown in the error summary
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/me">
          Back to your profile
        </BackLink>
        {missing ? (
          <QueryErrorSummary
            problems={[{ message: missingMessage('organisationId'), field: 'organisationId' }]}
          />
        ) : saveError ? (
          <QueryErrorSummary error={saveError} />
        ) : null}
        <h1>Where do you work?</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <OptionSelect
            id="organisationId"
            name="organisationId"
            label="Organisation"
            value={chosenId}
            onChange={(e) => setOrganisationId(e.currentTarget.value)}
            error={missing ? missingMessage('organisationId') : fieldErrors.organisationId}
            emptyLabel="Choose your organisation"
            options={data.organisations}
          />
          {organisation ? (
            <div key={organisation.id}>
              <OptionSelect
                id="siteId"
                name="siteId"
                label="Site (optional)"
                defaultValue={data.me.site?.id ?? ''}
                error={fieldErrors.siteId}
                emptyLabel="Not given"
                options={organisation.sites}
              />
              <OptionSelect
                id="departmentId"
                name="departmentId"
                label="Department or team (optional)"
                defaultValue={data.me.department?.id ?? ''}
                error={fieldErrors.departmentId}
                emptyLabel="Not given"
                options={organisation.departments}
              />
            </div>
          ) : null}
          <Button type="submit" disabled={loading}>
            Save
          </Button>
        </form>
      </div>
    </div>
  );
}
