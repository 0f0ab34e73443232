import { Navigate } from 'react-router';
import { useMeId } from '../../app/auth/use-me-id';
import { Loading } from '../../components/Loading/Loading';

/** /following: the signed-in person's own following page. */
export function MyFollowingRedirect() {
  const meId = useMeId();
  return meId ? <Navigate to={`/people/${meId}/following`} replace /> : <Loading />;
}
