/** What the server tells the client before anyone signs in (GET /api/client-config). */
export interface ClientConfig {
  authMode: 'dev' | 'entra';
  entra?: { authority: string; clientId: string | null; apiScope: string | null };
}

export async function fetchClientConfig(): Promise<ClientConfig> {
  const res = await fetch('/api/client-config', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`The server answered ${res.status} for its configuration`);
  return (await res.json()) as ClientConfig;
}
