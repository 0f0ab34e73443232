import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuthSession, useSignedIn } from './auth-context';

/** Pages behind sign-in send a signed-out visitor to sign in, then back here. */
export function RequireSignIn() {
  const signedIn = useSignedIn();
  const session = useAuthSession();
  const location = useLocation();
  if (signedIn) return <Outlet />;
  const params = new URLSearchParams({ returnTo: location.pathname + location.search });
  if (session.endedReason() === 'expired') params.set('expired', '1');
  return <Navigate to={`/sign-in?${params}`} replace />;
}
