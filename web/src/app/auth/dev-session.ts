import { AuthSession, SessionEvents } from './auth-session';

const STORAGE_KEY = 'staff-voices.dev-session';
// renew a little early so a request never leaves with a token about to lapse
const EXPIRY_MARGIN_MS = 30_000;

interface StoredToken {
  accessToken: string;
  expiresAt: number;
}

export interface DevPerson {
  id: number;
  displayName: string;
  jobTitle: string | null;
  isCommsAdmin: boolean;
  organisationName: string | null;
}

/**
 * Development sign-in: pick a seeded person. The token lives in localStorage, so a link opened
 * in a new tab is signed in too (Entra sign-in keeps MSAL's own cache; this class is dev only).
 */
export class DevSession implements AuthSession {
  readonly mode = 'dev' as const;
  private readonly events = new SessionEvents();
  private ended: 'expired' | null = null;

  constructor() {
    // signing in or out in another tab
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) this.events.emit();
    });
  }

  async listPeople(search = ''): Promise<DevPerson[]> {
    const query = search.trim() ? `?${new URLSearchParams({ search: search.trim() })}` : '';
    const res = await fetch(`/api/dev/people${query}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`Could not list people to sign in as (${res.status})`);
    return (await res.json()) as DevPerson[];
  }

  async signIn(staffId: number): Promise<void> {
    const res = await fetch('/api/dev/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ staffId }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { message?: string } | null;
      throw new Error(body?.message ?? `Sign-in failed (${res.status})`);
    }
    const { accessToken, expiresIn } = (await res.json()) as {
      accessToken: string;
      expiresIn: number;
    };
    const stored: StoredToken = { accessToken, expiresAt: Date.now() + expiresIn * 1000 };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    this.ended = null;
    this.events.emit();
  }

  private read(): StoredToken | null {
    try {
      const raw = localStorage.getItem(STORAGE_KEY);
      if (!raw) return null;
      const stored = JSON.parse(raw) as StoredToken;
      if (typeof stored.accessToken !== 'string' || typeof stored.expiresAt !== 'number') {
        return null;
      }
      return stored.expiresAt - EXPIRY_MARGIN_MS > Date.now() ? stored : null;
    } catch {
      return null;
    }
  }

  async getToken(): Promise<string | null> {
    return this.read()?.accessToken ?? null;
  }

  isSignedIn(): boolean {
    return this.read() !== null;
  }

  endedReason() {
    return this.ended;
  }

  expire(): void {
    if (!localStorage.getItem(STORAGE_KEY)) return;
    localStorage.removeItem(STORAGE_KEY);
    this.ended = 'expired';
    this.events.emit();
  }

  async signOut(): Promise<void> {
    localStorage.removeItem(STORAGE_KEY);
    this.ended = null;
    this.events.emit();
  }

  subscribe(listener: () => void) {
    return this.events.subscribe(listener);
  }
}
