import type { AuthSession } from './auth-session';
import type { ClientConfig } from './client-config';
import { DevSession } from './dev-session';

export async function createSession(config: ClientConfig): Promise<AuthSession> {
  if (config.authMode === 'entra') {
    if (!config.entra) throw new Error('The server is in Entra mode but sent no Entra settings');
    // MSAL is only downloaded by deployments that sign in with Entra ID
    const { EntraSession } = await import('./entra-session');
    return EntraSession.create(config.entra);
  }
  return new DevSession();
}
