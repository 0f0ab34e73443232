import type { AuthSession } from './auth-session';

/** Downloads a file from our API with the bearer token (a plain link could not send it). */
export async function downloadWithToken(
  session: AuthSession,
  path: string,
  fallbackName: string,
): Promise<void> {
  const token = await session.getToken();
  const res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (res.status === 401) {
    session.expire();
    throw new Error('Your session has ended. Sign in again to download the file.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The download failed (${res.status})`);
  }
  const name =
    /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
