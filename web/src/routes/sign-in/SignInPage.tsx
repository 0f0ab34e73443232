import { Button, InsetText } from 'nhsuk-react-components';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { safeReturnTo, useAuthSession, useSignedIn } from '../../app/auth/auth-context';
import { DevSession } from '../../app/auth/dev-session';
import { usePageTitle } from '../../app/page/use-page-title';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { DevSignIn } from './DevSignIn';

export function SignInPage() {
  usePageTitle('Sign in');
  const session = useAuthSession();
  const signedIn = useSignedIn();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const returnTo = safeReturnTo(params.get('returnTo') ?? session.returnTo?.());

  if (signedIn) return <Navigate to={returnTo} replace />;

  const entraSignIn = async () => {
    try {
      await session.signInWithRedirect?.(returnTo);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {error ? <QueryErrorSummary error={error} /> : null}
        <h1>Sign in to Staff Voices</h1>
        {params.get('expired') ? (
          <InsetText>
            <p>Your session has ended. Sign in again to carry on.</p>
          </InsetText>
        ) : null}
        {params.get('erased') ? (
          <InsetText>
            <p>
              Everything Staff Voices held about you has been erased, and you have been signed out.
              If you sign in again, you start with an empty profile.
            </p>
          </InsetText>
        ) : params.get('signedOut') ? (
          <InsetText>
            <p>You have signed out.</p>
          </InsetText>
        ) : null}
        {session instanceof DevSession ? (
          <DevSignIn session={session} />
        ) : (
          <>
            <p>Sign in with your work Microsoft account, the one you use for NHS email.</p>
            <Button login type="button" onClick={() => void entraSignIn()}>
              Sign in with Microsoft
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
