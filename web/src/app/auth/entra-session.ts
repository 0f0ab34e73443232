import {
  type AccountInfo,
  InteractionRequiredAuthError,
  PublicClientApplication,
} from '@azure/msal-browser';
import { AuthSession, SessionEvents } from './auth-session';
import type { ClientConfig } from './client-config';

/** Entra ID sign-in with MSAL's redirect flow; a fresh access token is fetched silently per request. */
export class EntraSession implements AuthSession {
  readonly mode = 'entra' as const;
  private readonly events = new SessionEvents();
  private ended: 'expired' | null = null;

  private constructor(
    private readonly msal: PublicClientApplication,
    private readonly scopes: string[],
  ) {}

  static async create(config: NonNullable<ClientConfig['entra']>): Promise<EntraSession> {
    if (!config.clientId || !config.apiScope) {
      throw new Error(
        'Entra sign-in is not configured: the server needs ENTRA_CLIENT_ID and ENTRA_API_SCOPE',
      );
    }
    const msal = new PublicClientApplication({
      auth: {
        clientId: config.clientId,
        authority: config.authority,
        redirectUri: `${window.location.origin}/sign-in`,
        postLogoutRedirectUri: `${window.location.origin}/`,
      },
      cache: { cacheLocation: 'sessionStorage' },
    });
    await msal.initialize();
    const result = await msal.handleRedirectPromise();
    const account = result?.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    if (account) msal.setActiveAccount(account);
    return new EntraSession(msal, [config.apiScope]);
  }

  private account(): AccountInfo | null {
    return this.msal.getActiveAccount();
  }

  /** Where to land after Microsoft sends the person back, kept in MSAL's redirect state. */
  returnTo(): string | null {
    return sessionStorage.getItem('staff-voices.return-to');
  }

  async signInWithRedirect(returnTo: string): Promise<void> {
    sessionStorage.setItem('staff-voices.return-to', returnTo);
    await this.msal.loginRedirect({ scopes: this.scopes });
  }

  async getToken(): Promise<string | null> {
    const account = this.account();
    if (!account) return null;
    try {
      const result = await this.msal.acquireTokenSilent({ scopes: this.scopes, account });
      return result.accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) {
        await this.msal.acquireTokenRedirect({ scopes: this.scopes, account });
        return null;
      }
      throw error;
    }
  }

  isSignedIn(): boolean {
    return this.account() !== null;
  }

  endedReason() {
    return this.ended;
  }

  expire(): void {
    if (!this.account()) return;
    this.msal.setActiveAccount(null);
    this.ended = 'expired';
    this.events.emit();
  }

  async signOut(): Promise<void> {
    const account = this.account();
    this.ended = null;
    this.events.emit();
    await this.msal.logoutRedirect({ account: account ?? undefined });
  }

  subscribe(listener: () => void) {
    return this.events.subscribe(listener);
  }
}
