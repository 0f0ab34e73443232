import { useApolloClient, useMutation } from '@apollo/client/react';
import { BackLink, Button, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuthSession } from '../../app/auth/auth-context';
import { ERASE_CONFIRM_MESSAGE } from '../../app/errors/error-messages';
import { usePageTitle } from '../../app/page/use-page-title';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const EraseMyDataMutation = graphql(`
  mutation EraseMyData($input: EraseMyDataInput!) {
    eraseMyData(input: $input) {
      erased
    }
  }
`);

/** The confirmation step: the person types ERASE, then everything goes and they are signed out. */
export function EraseMyDataPage() {
  const session = useAuthSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [erase, { loading, error }] = useMutation(EraseMyDataMutation);
  const [localError, setLocalError] = useState<string | null>(null);
  usePageTitle('Erase your data', !!localError || !!error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const confirm = String(new FormData(event.currentTarget).get('confirm') ?? '').trim();
    if (confirm !== 'ERASE') {
      setLocalError(ERASE_CONFIRM_MESSAGE);
      return;
    }
    setLocalError(null);
    try {
      await erase({ variables: { input: { confirm } } });
    } catch {
      return; // shown in the error summary
    }
    await session.signOut();
    await client.clearStore();
    navigate('/sign-in?erased=1');
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/me/data">
          Back to your data
        </BackLink>
        {localError ? (
          <QueryErrorSummary problems={[{ message: localError, field: 'confirm' }]} />
        ) : error ? (
          <QueryErrorSummary error={error} />
        ) : null}
        <h1>Erase your data</h1>
        <p>
          Everything Staff Voices holds about you will be erased: your profile, your social media
          accounts here, who you follow and who follows you, and your community memberships. You
          will be signed out. This cannot be undone.
        </p>
        <p>If you want to keep a copy, download it first.</p>
        <p>
          <Link to="/me/data">Download a copy of your data</Link>
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            id="confirm"
            name="confirm"
            label="Type ERASE to confirm"
            hint="In capital letters"
            error={localError ?? undefined}
            autoComplete="off"
            spellCheck={false}
            width={10}
          />
          <div className="app-button-group">
            <Button type="submit" warning disabled={loading}>
              Erase my data
            </Button>
            <Link to="/me">No, keep my data</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
