/**
 * How the client holds a signed-in session, whichever way the server signs people in.
 * The Apollo link asks `getToken()` before every request.
 */
export interface AuthSession {
  readonly mode: 'dev' | 'entra';
  /** A bearer token for the API, or null when nobody is signed in. */
  getToken(): Promise<string | null>;
  isSignedIn(): boolean;
  /** Why the last session ended without the person asking, if it did. */
  endedReason(): 'expired' | null;
  /** The server refused our token: forget it, so the person signs in again. */
  expire(): void;
  signOut(): Promise<void>;
  /** Sign-in by redirect to the identity provider (Entra); absent in development mode. */
  signInWithRedirect?(returnTo: string): Promise<void>;
  /** Where to land once a redirect sign-in has come back. */
  returnTo?(): string | null;
  subscribe(listener: () => void): () => void;
}

/** Listener bookkeeping shared by both kinds of session. */
export class SessionEvents {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(): void {
    for (const listener of this.listeners) listener();
  }
}
