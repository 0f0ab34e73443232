import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { AuthSession } from './auth-session';

const AuthContext = createContext<AuthSession | null>(null);

export function AuthProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  return <AuthContext.Provider value={session}>{children}</AuthContext.Provider>;
}

export function useAuthSession(): AuthSession {
  const session = useContext(AuthContext);
  if (!session) throw new Error('useAuthSession must be used inside <AuthProvider>');
  return session;
}

/** Re-renders when the person signs in or out, or the server ends the session. */
export function useSignedIn(): boolean {
  const session = useAuthSession();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.isSignedIn(),
  );
}

/** Only same-site paths: never send someone to another origin after signing in. */
export function safeReturnTo(value: string | null | undefined, fallback = '/me'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value.startsWith('/sign-in') ? fallback : value;
}
