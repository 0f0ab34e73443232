import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsFrom } from '../../../app/errors/error-messages';
import { PLATFORM_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import type { AccountPurpose, AccountVisibility } from '../../../gql/graphql';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { HandleInput, PurposeRadios, VisibilityRadios } from './account-fields';
import { HandlePreview } from './HandlePreview';

export const MyAccountsQuery = graphql(`
  query MyAccounts {
    me {
      id
      accounts {
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

const UpdateSocialAccountMutation = graphql(`
  mutation UpdateSocialAccount($input: UpdateSocialAccountInput!) {
    updateSocialAccount(input: $input) {
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

export function EditAccountPage() {
  const { id } = useParams();
  const { data, error, refetch } = useQuery(MyAccountsQuery);
  const [update, { loading, error: saveError }] = useMutation(UpdateSocialAccountMutation);
  const [handle, setHandle] = useState<string | null>(null);
  const navigate = useNavigate();
  const account = data?.me.accounts.find((a) => a.id === id);
  const sent = account ? { platform: account.platform } : undefined;
  const fieldErrors = fieldErrorsFrom(saveError, sent);
  usePageTitle(
    account ? `Change your ${PLATFORM_LABELS[account.platform]} account` : 'Change an account',
    (!!error && !data) || !!saveError,
  );

  if (error && !data) {
    return (
      <>
        <h1>Change an account</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <Loading label="Loading your account" />;
  if (!account) return <NotFoundPage />;
  const typed = handle ?? account.handle;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await update({
        variables: {
          input: {
            id: account.id,
            // only send a new handle: re-sending the same one would restart verification
            ...(typed.trim() && typed.trim() !== account.handle ? { handle: typed.trim() } : {}),
            purpose: form.get('purpose') as AccountPurpose,
            visibility: form.get('visibility') as AccountVisibility,
          },
        },
      });
      navigate('/me', {
        state: { flash: `${PLATFORM_LABELS[account.platform]} account saved` },
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
        {saveError ? <QueryErrorSummary error={saveError} values={sent} /> : null}
        <h1>Change your {PLATFORM_LABELS[account.platform]} account</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <HandleInput
            label="Handle or profile link"
            hint={
              account.verificationStatus === 'VERIFIED'
                ? 'Changing the handle means the account needs verifying again'
                : undefined
            }
            value={typed}
            onChange={setHandle}
            error={fieldErrors.handle}
          />
          <HandlePreview
            platform={typed.trim() !== account.handle ? account.platform : ''}
            input={typed}
            hideProblem={!!fieldErrors.handle}
          />
          <PurposeRadios value={account.purpose} error={fieldErrors.purpose} />
          <VisibilityRadios value={account.visibility} error={fieldErrors.visibility} />
          <div className="app-button-group">
            <Button type="submit" disabled={loading}>
              Save changes
            </Button>
            <Link to={`/me/accounts/${account.id}/verify`}>
              {account.verificationStatus === 'VERIFIED'
                ? 'Verified: see how'
                : 'Get this account verified'}
            </Link>
            <Link to={`/me/accounts/${account.id}/figures`}>Report your figures</Link>
            <Link className="app-link-danger" to={`/me/accounts/${account.id}/remove`}>
              Remove this account
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
