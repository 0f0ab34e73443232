import { useMutation } from '@apollo/client/react';
import { BackLink, Button } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsFrom, missingMessage } from '../../../app/errors/error-messages';
import { PLATFORM_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { labelOptions, OptionSelect } from '../../../components/OptionSelect/OptionSelect';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import type { AccountPurpose, AccountVisibility, Platform } from '../../../gql/graphql';
import { HandleInput, PurposeRadios, VisibilityRadios } from './account-fields';
import { HandlePreview } from './HandlePreview';

const AddSocialAccountMutation = graphql(`
  mutation AddSocialAccount($input: AddSocialAccountInput!) {
    addSocialAccount(input: $input) {
      account {
        id
        platform
        handle
        url
        purpose
        visibility
        verificationStatus
      }
    }
  }
`);

const HANDLE_HINTS: Record<Platform, string> = {
  X: 'For example @NHSEngland, or paste a link such as x.com/NHSEngland',
  LINKEDIN: 'Paste the link to your profile, such as linkedin.com/in/your-name',
  FACEBOOK: 'Your username, or paste a link such as facebook.com/your.name',
  INSTAGRAM: 'For example @nhs, or paste a link such as instagram.com/nhs',
  MASTODON: 'Your full address such as @name@mastodon.social, or paste your profile link',
  BLUESKY: 'For example @name.bsky.social, or paste a link such as bsky.app/profile/name',
  THREADS: 'For example @name, or paste a link such as threads.net/@name',
  TIKTOK: 'For example @name, or paste a link such as tiktok.com/@name',
  YOUTUBE: 'For example @channel, or paste a link to your channel',
  WEBSITE: 'The address of your website or blog, such as www.example.org',
};

export function AddAccountPage() {
  const [add, { loading, error }] = useMutation(AddSocialAccountMutation, {
    refetchQueries: ['MyProfilePage'],
    awaitRefetchQueries: true,
  });
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [handle, setHandle] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // the server's answer is about what was sent: once the handle changes, the preview speaks
  const [sent, setSent] = useState<{ platform: string; handle: string } | null>(null);
  const navigate = useNavigate();
  const current = sent?.platform === platform && sent.handle === handle.trim();
  const fieldErrors = { ...(current ? fieldErrorsFrom(error, sent) : {}), ...localErrors };
  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
  usePageTitle('Add a social media account', problems.length > 0 || !!error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const missing: Record<string, string> = {};
    if (!platform) missing.platform = missingMessage('platform');
    if (!handle.trim()) missing.handle = missingMessage('handle');
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setSent({ platform, handle: handle.trim() });
    try {
      const { data } = await add({
        variables: {
          input: {
            platform: platform as Platform,
            handle: handle.trim(),
            purpose: form.get('purpose') as AccountPurpose,
            visibility: form.get('visibility') as AccountVisibility,
          },
        },
      });
      const account = data?.addSocialAccount.account;
      navigate('/me', {
        state: {
          flash: account
            ? `${PLATFORM_LABELS[account.platform]} account ${account.handle} added`
            : 'Account added',
        },
      });
    } catch {
      // shown in the error summary and beside the field
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/me">
          Back to your profile
        </BackLink>
        {problems.length > 0 ? (
          <QueryErrorSummary problems={problems} />
        ) : error && current ? (
          <QueryErrorSummary error={error} values={sent ?? undefined} />
        ) : null}
        <h1>Add a social media account</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <OptionSelect
            id="platform"
            name="platform"
            label="Platform"
            value={platform}
            onChange={(e) => setPlatform(e.currentTarget.value as Platform | '')}
            error={fieldErrors.platform}
            emptyLabel="Choose a platform"
            options={labelOptions(PLATFORM_LABELS)}
          />
          <HandleInput
            label="Your handle or profile link"
            hint={platform ? HANDLE_HINTS[platform] : 'Choose the platform first'}
            value={handle}
            onChange={setHandle}
            error={fieldErrors.handle}
          />
          <HandlePreview platform={platform} input={handle} hideProblem={!!fieldErrors.handle} />
          <PurposeRadios error={fieldErrors.purpose} />
          <VisibilityRadios error={fieldErrors.visibility} />
          <Button type="submit" disabled={loading}>
            Add account
          </Button>
        </form>
      </div>
    </div>
  );
}
