import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, CharacterCount, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsFrom } from '../../app/forms/field-errors';
import { STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { labelOptions, OptionSelect } from '../../components/OptionSelect/OptionSelect';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type { StaffGroup, UpdateMyProfileInput } from '../../gql/graphql';

const EditProfilePageQuery = graphql(`
  query EditProfilePage {
    me {
      id
      displayName
      jobTitle
      staffGroup
      pronouns
      bio
      organisation {
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
      site {
        id
      }
      department {
        id
      }
    }
  }
`);

const UpdateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      staffMember {
        id
        displayName
        jobTitle
        staffGroup
        pronouns
        bio
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

// the server's limits, so people see them before they hit them
const LIMITS = { displayName: 100, jobTitle: 100, pronouns: 30, bio: 1000 };

export function EditProfilePage() {
  const { data, error, refetch } = useQuery(EditProfilePageQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [save, { loading: saving, error: saveError }] = useMutation(UpdateMyProfileMutation);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const fieldErrors = { ...fieldErrorsFrom(saveError), ...localErrors };
  const hasProblems = !!saveError || Object.keys(localErrors).length > 0;
  usePageTitle('Change your profile', (!!error && !data) || hasProblems);

  if (error && !data) {
    return (
      <>
        <h1>Change your profile</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <Loading label="Loading your profile" />;
  const { me } = data;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const displayName = text('displayName');
    if (!displayName) {
      setLocalErrors({ displayName: 'Enter your name' });
      return;
    }
    setLocalErrors({});
    // an emptied field clears it (null); the name cannot be cleared
    const input: UpdateMyProfileInput = {
      displayName,
      jobTitle: text('jobTitle') || null,
      pronouns: text('pronouns') || null,
      bio: String(form.get('bio') ?? '').trim() || null,
      staffGroup: (text('staffGroup') || null) as StaffGroup | null,
    };
    if (me.organisation) {
      input.siteId = text('siteId') || null;
      input.departmentId = text('departmentId') || null;
    }
    try {
      await save({ variables: { input } });
      navigate('/me', { state: { flash: 'Your profile has been saved' } });
    } catch {
      // shown in the error summary and beside the field
    }
  };

  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/me">
          Back to your profile
        </BackLink>
        {problems.length > 0 ? (
          <QueryErrorSummary problems={problems} />
        ) : saveError ? (
          <QueryErrorSummary error={saveError} />
        ) : null}
        <h1>Change your profile</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            id="displayName"
            name="displayName"
            label="Name"
            hint="The name colleagues know you by"
            defaultValue={me.displayName}
            error={fieldErrors.displayName}
            autoComplete="name"
            maxLength={LIMITS.displayName}
            spellCheck={false}
          />
          <TextInput
            id="jobTitle"
            name="jobTitle"
            label="Job title (optional)"
            defaultValue={me.jobTitle ?? ''}
            error={fieldErrors.jobTitle}
            autoComplete="organization-title"
            maxLength={LIMITS.jobTitle}
          />
          <OptionSelect
            id="staffGroup"
            name="staffGroup"
            label="Staff group (optional)"
            hint="Your staff group in the Electronic Staff Record (ESR)"
            defaultValue={me.staffGroup ?? ''}
            error={fieldErrors.staffGroup}
            emptyLabel="Not given"
            options={labelOptions(STAFF_GROUP_LABELS)}
          />
          {me.organisation ? (
            <>
              <OptionSelect
                id="siteId"
                name="siteId"
                label="Site (optional)"
                hint={`A site of ${me.organisation.name}`}
                defaultValue={me.site?.id ?? ''}
                error={fieldErrors.siteId}
                emptyLabel="Not given"
                options={me.organisation.sites}
              />
              <OptionSelect
                id="departmentId"
                name="departmentId"
                label="Department or team (optional)"
                defaultValue={me.department?.id ?? ''}
                error={fieldErrors.departmentId}
                emptyLabel="Not given"
                options={me.organisation.departments}
              />
            </>
          ) : null}
          <TextInput
            id="pronouns"
            name="pronouns"
            label="Pronouns (optional)"
            hint="For example, she/her, he/him or they/them"
            defaultValue={me.pronouns ?? ''}
            error={fieldErrors.pronouns}
            width={10}
            maxLength={LIMITS.pronouns}
          />
          <CharacterCount
            id="bio"
            name="bio"
            label="About you (optional)"
            hint="What you do and what you post about. Colleagues see this in the directory."
            defaultValue={me.bio ?? ''}
            error={fieldErrors.bio}
            maxLength={LIMITS.bio}
            rows={6}
          />
          <Button type="submit" disabled={saving}>
            Save your profile
          </Button>
        </form>
      </div>
    </div>
  );
}
