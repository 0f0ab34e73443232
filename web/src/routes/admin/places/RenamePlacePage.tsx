import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrorsFrom, type SentValues } from '../../../app/errors/error-messages';
import { usePageTitle } from '../../../app/page/use-page-title';
import { useNavigateWithFlash } from '../../../components/FlashBanner/FlashBanner';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { AdminPlacesPageQuery } from './AdminPlacesPage';

const RenameSiteMutation = graphql(`
  mutation RenameSite($input: RenameSiteInput!) {
    renameSite(input: $input) {
      site {
        id
        name
      }
    }
  }
`);

const RenameDepartmentMutation = graphql(`
  mutation RenameDepartment($input: RenameDepartmentInput!) {
    renameDepartment(input: $input) {
      department {
        id
        name
      }
    }
  }
`);

// the server's limit (src/organisations/dto/rename-place.input.ts)
const MAX_NAME = 200;

/** What is wrong with a new place name before it is sent, in the words the server's rules mean. */
function nameProblem(name: string): string | null {
  if (name === '') return 'Enter a name';
  if ([...name].length > MAX_NAME) return `Name must be ${MAX_NAME} characters or fewer`;
  return null;
}

/** Communications team: rename a site or a department of the organisation. */
export function RenamePlacePage() {
  const { organisationId = '', kind, id = '' } = useParams();
  const isSite = kind === 'site';
  const { data, error, refetch } = useQuery(AdminPlacesPageQuery, {
    variables: { id: organisationId },
  });
  const options = { refetchQueries: ['AdminPlacesPage'], awaitRefetchQueries: true };
  const [renameSite, siteState] = useMutation(RenameSiteMutation, options);
  const [renameDepartment, departmentState] = useMutation(RenameDepartmentMutation, options);
  const saving = isSite ? siteState : departmentState;
  const [localError, setLocalError] = useState<string | null>(null);
  const [sent, setSent] = useState<SentValues>({});
  const navigateWithFlash = useNavigateWithFlash();
  const fieldErrors = fieldErrorsFrom(saving.error, sent);
  const nameError = localError ?? fieldErrors.name;
  const problems = nameError ? [{ field: 'name', message: nameError }] : [];
  const noun = isSite ? 'site' : 'department';
  usePageTitle(`Rename a ${noun}`, (!!error && !data) || problems.length > 0);

  if (kind !== 'site' && kind !== 'department') return <NotFoundPage />;
  if (error && !data) {
    return (
      <>
        <h1>Rename a {noun}</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <Loading />;
  const organisation = data.organisation;
  const place = (isSite ? organisation.sites : organisation.departments).find((p) => p.id === id);
  if (!place) return <NotFoundPage />;
  const back = `/admin/places?organisation=${organisation.id}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    const problem = nameProblem(name);
    setLocalError(problem);
    if (problem) return;
    setSent({ name });
    try {
      if (isSite) await renameSite({ variables: { input: { siteId: place.id, name } } });
      else await renameDepartment({ variables: { input: { departmentId: place.id, name } } });
      navigateWithFlash(back, `${place.name} is now called ${name}`);
    } catch {
      // shown in the error summary and beside the field
    }
  };

  // other refusals (not your organisation, gone) are not about the field
  const otherError = saving.error && !fieldErrors.name ? saving.error : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to={back}>
          Sites and departments
        </BackLink>
        {problems.length > 0 ? <QueryErrorSummary problems={problems} /> : null}
        {otherError ? <QueryErrorSummary error={otherError} /> : null}
        <h1>
          <span className="nhsuk-caption-l">
            Rename a {noun}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          <span dir="auto">{place.name}</span>
        </h1>
        <p>
          Everyone at this {noun} of {organisation.name} shows the new name at once, and the
          directory finds them by it.
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            id="name"
            name="name"
            label="New name"
            defaultValue={place.name}
            error={nameError ?? undefined}
            dir="auto"
          />
          <Button type="submit" disabled={saving.loading}>
            Save the new name
          </Button>
        </form>
      </div>
    </div>
  );
}
