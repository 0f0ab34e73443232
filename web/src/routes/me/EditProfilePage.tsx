import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, CharacterCount, Radios, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { fieldErrorsFrom, type SentValues, textProblem } from '../../app/errors/error-messages';
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
      showOnLeaderboard
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
        showOnLeaderboard
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

// one-line fields are checked here (a pasted name is never cut short); the bio has its counter
const CHECKED_HERE = ['displayName', 'jobTitle', 'pronouns'] as const;

export function EditProfilePage() {
  const { data, error, refetch } = useQuery(EditProfilePageQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [save, { loading: saving, error: saveError }] = useMutation(UpdateMyProfileMutation);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<SentValues>({});
  const navigate = useNavigate();
  const { hash } = useLocation();
  const fieldErrors = { ...fieldErrorsFrom(saveError, sent), ...localErrors };
  const loaded = !!data;
  // "Change pronouns" on the profile lands on the pronouns box, not the top of the form
  useEffect(() => {
    if (loaded && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.focus();
  }, [loaded, hash]);
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
    const local: Record<string, string> = {};
    for (const field of CHECKED_HERE) {
      const problem = textProblem(field, text(field));
      if (problem) local[field] = problem;
    }
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    // an emptied field clears it (null); the name cannot be cleared
    const input: UpdateMyProfileInput = {
      displayName,
      jobTitle: text('jobTitle') || null,
      pronouns: text('pronouns') || null,
      bio: String(form.get('bio') ?? '').trim() || null,
      staffGroup: (text('staffGroup') || null) as StaffGroup | null,
      showOnLeaderboard: text('showOnLeaderboard') === 'yes',
    };
    if (me.organisation) {
      input.siteId = text('siteId') || null;
      input.departmentId = text('departmentId') || null;
    }
    setSent(input as SentValues);
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
          <QueryErrorSummary error={saveError} values={sent} />
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
            spellCheck={false}
            dir="auto"
          />
          <TextInput
            id="jobTitle"
            name="jobTitle"
            label="Job title (optional)"
            defaultValue={me.jobTitle ?? ''}
            error={fieldErrors.jobTitle}
            autoComplete="organization-title"
            dir="auto"
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
            dir="auto"
          />
          <CharacterCount
            id="bio"
            name="bio"
            label="About you (optional)"
            hint="What you do and what you post about. Colleagues see this in the directory."
            defaultValue={me.bio ?? ''}
            error={fieldErrors.bio}
            maxLength={1000}
            rows={6}
            dir="auto"
          />
          <Radios
            id="showOnLeaderboard-choice"
            name="showOnLeaderboard"
            legend="Show my name on leaderboards"
            legendProps={{ size: 's' }}
            hint="The leaderboard ranks staff by how they share the NHS’s work on social media. Until you say yes, colleagues see you there as an anonymous entry, with points but none of your figures. You always see your own place, and your organisation’s communications team always sees its own people by name. You can change this at any time."
            error={fieldErrors.showOnLeaderboard}
          >
            <Radios.Item id="showOnLeaderboard" value="yes" defaultChecked={me.showOnLeaderboard}>
              Yes, show my name, score and figures to colleagues
            </Radios.Item>
            <Radios.Item
              id="showOnLeaderboard-no"
              value="no"
              defaultChecked={!me.showOnLeaderboard}
            >
              No, show me as an anonymous entry
            </Radios.Item>
          </Radios>
          <Button type="submit" disabled={saving}>
            Save your profile
          </Button>
        </form>
      </div>
    </div>
  );
}
