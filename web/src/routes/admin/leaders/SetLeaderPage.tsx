import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, CharacterCount, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  fieldErrorsFrom,
  missingMessage,
  type SentValues,
  textProblem,
} from '../../../app/errors/error-messages';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import { useLeadersList } from './use-leaders-list';

const SetLeaderPageQuery = graphql(`
  query SetLeaderPage($id: ID!) {
    staffMember(id: $id) {
      id
      displayName
      jobTitle
      leader {
        title
        statement
      }
    }
  }
`);

const SetLeaderMutation = graphql(`
  mutation SetLeader($input: SetLeaderInput!) {
    setLeader(input: $input) {
      leader {
        title
        statement
        featuredOrder
        person {
          id
          leader {
            title
            statement
          }
        }
      }
    }
  }
`);

/** Communications team: feature a person on the leaders page, or edit their leader profile. */
export function SetLeaderPage() {
  const { staffId = '' } = useParams();
  const { data, error, refetch } = useQuery(SetLeaderPageQuery, { variables: { id: staffId } });
  const { list } = useLeadersList();
  const [save, { loading, error: saveError }] = useMutation(SetLeaderMutation, {
    refetchQueries: ['AdminLeadersPage', 'LeadersPage'],
  });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<SentValues>({});
  const navigate = useNavigate();
  const fieldErrors = { ...fieldErrorsFrom(saveError, sent), ...localErrors };
  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
  const person = data?.staffMember;
  usePageTitle(
    person ? `Leader profile: ${person.displayName}` : 'Leader profile',
    (!!error && !data) || problems.length > 0,
  );

  if (error && !data) {
    return (
      <>
        <h1>Leader profile</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!person || !list) return <Loading />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const statement = String(form.get('statement') ?? '').trim() || null;
    const problem = title ? textProblem('title', title) : missingMessage('leaderTitle');
    if (problem) {
      setLocalErrors({ title: problem });
      return;
    }
    setLocalErrors({});
    setSent({ title, statement });
    try {
      await save({
        variables: {
          input: { staffId: person.id, title, statement, organisationId: list.organisationId },
        },
      });
      navigate('/admin/leaders', {
        state: { flash: `${person.displayName} is featured on the leaders page` },
      });
    } catch {
      // shown in the error summary and beside the field
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin/leaders">
          Manage leaders
        </BackLink>
        {problems.length > 0 ? <QueryErrorSummary problems={problems} /> : null}
        <h1>
          <span className="nhsuk-caption-l">
            {person.leader ? 'Edit leader profile' : 'Feature as a leader'}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          {person.displayName}
        </h1>
        <p>On {list.name}.</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            id="title"
            name="title"
            label="Title"
            hint="For example, Chief Executive"
            defaultValue={person.leader?.title ?? person.jobTitle ?? ''}
            error={fieldErrors.title}
          />
          <CharacterCount
            id="statement"
            name="statement"
            label="Statement (optional)"
            hint="Why they are here, in their own words"
            defaultValue={person.leader?.statement ?? ''}
            error={fieldErrors.statement}
            maxLength={1000}
            rows={5}
          />
          <Button type="submit" disabled={loading}>
            {person.leader ? 'Save leader profile' : 'Feature on the leaders page'}
          </Button>
        </form>
      </div>
    </div>
  );
}
