import { randomUUID } from 'node:crypto';
import type { BrowserContext, Route } from 'playwright-core';
import { StaffMember } from '../../src/staff/staff-member.entity';
import { LocalOidcIssuer } from '../support/local-oidc-issuer';
import { browserTest, useBrowserHarness } from './support/browser-harness';

const TENANT = randomUUID();
const CLIENT_ID = randomUUID();
const API_SCOPE = 'api://staff-voices/access_as_user';
/**
 * MSAL only talks to an https authority, so the browser reaches the local issuer under this name:
 * the test routes it to the issuer's real HTTP server. The server reads discovery and keys from the
 * issuer directly (ENTRA_AUTHORITY), as it would from login.microsoftonline.com.
 */
const PUBLIC_AUTHORITY = 'https://login.staff-voices.test';

let issuer: LocalOidcIssuer;
const env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  issuer = await LocalOidcIssuer.start();
  Object.assign(env, {
    AUTH_MODE: 'entra',
    ENTRA_TENANT_IDS: TENANT,
    ENTRA_AUDIENCES: 'api://staff-voices',
    ENTRA_AUTHORITY: issuer.authority,
    ENTRA_CLIENT_ID: CLIENT_ID,
    ENTRA_API_SCOPE: API_SCOPE,
  });
});
const app = useBrowserHarness(env);
afterAll(() => issuer?.stop());

/** Sends the browser's Microsoft traffic to the local issuer. */
async function routeSignIn(context: BrowserContext, baseUrl: string) {
  issuer.registerClient({
    clientId: CLIENT_ID,
    redirectUris: [`${baseUrl}/sign-in`],
    apiScope: API_SCOPE,
  });
  // the client learns its authority from the server; the browser sees the https name
  await context.route('**/api/client-config', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).split(issuer.authority).join(PUBLIC_AUTHORITY);
    await route.fulfill({ response, body });
  });
  // MSAL's instance discovery: an authority outside Microsoft's clouds is trusted as it is
  await context.route('https://login.microsoftonline.com/**', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        tenant_discovery_endpoint: `${PUBLIC_AUTHORITY}/${TENANT}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [],
      }),
    }),
  );
  await context.route(`${PUBLIC_AUTHORITY}/**`, (route) => forwardToIssuer(route));
  // so does the page's Content-Security-Policy, which lets MSAL reach ENTRA_AUTHORITY alone
  await context.route(`${baseUrl}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const headers = response.headers();
    const policy = headers['content-security-policy'] ?? '';
    headers['content-security-policy'] = policy.split(issuer.authority).join(PUBLIC_AUTHORITY);
    await route.fulfill({ response, headers });
  });
}

async function forwardToIssuer(route: Route) {
  const request = route.request();
  const target = request.url().replace(PUBLIC_AUTHORITY, issuer.authority);
  const response = await fetch(target, {
    method: request.method(),
    headers: { ...request.headers(), 'x-public-authority': PUBLIC_AUTHORITY },
    body: request.postData() ?? undefined,
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status === 302 && location) {
    // Chromium would follow a fulfilled redirect without routing it: navigate afresh instead,
    // so the page it lands on is routed (and its Content-Security-Policy rewritten)
    const escaped = location.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><meta http-equiv="refresh" content="0;url=${escaped}">`,
    });
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  await route.fulfill({
    status: response.status,
    headers,
    body: Buffer.from(await response.arrayBuffer()),
  });
}

browserTest(
  'a member of staff signs in with Microsoft (Entra ID) and their record is created',
  app,
  async (journey) => {
    const { page } = journey;
    const oid = randomUUID();
    issuer.signInAs({
      oid,
      name: 'Nadia Newstarter',
      preferredUsername: `nadia.newstarter.${oid.slice(0, 8)}@example.nhs.uk`,
    });
    await routeSignIn(journey.context, app().baseUrl);

    await journey.goto('/me');
    await page.waitForURL('**/sign-in?returnTo=%2Fme');
    await journey.settled();
    await journey.expectAccessible();

    await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
    await page.waitForURL('**/me');
    await journey.settled();
    await page.getByRole('banner').getByText('Nadia Newstarter').waitFor();
    expect(await page.getByRole('banner').getByText('Communications team').count()).toBe(0);
    await journey.expectAccessible();

    const person = await app()
      .app.dataSource.getRepository(StaffMember)
      .findOneByOrFail({ tenantId: TENANT, objectId: oid });
    expect(person).toMatchObject({ displayName: 'Nadia Newstarter', isCommsAdmin: false });
    expect(journey.consoleErrors).toEqual([]);
  },
);

browserTest(
  'the communications team role comes from the Comms.Admin app role in the token',
  app,
  async (journey) => {
    const { page } = journey;
    const oid = randomUUID();
    issuer.signInAs({
      oid,
      name: 'Carys Comms',
      preferredUsername: `carys.comms.${oid.slice(0, 8)}@example.nhs.uk`,
      roles: ['Comms.Admin'],
    });
    await routeSignIn(journey.context, app().baseUrl);

    await journey.goto('/sign-in');
    await journey.expectAccessible();
    await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
    await page.getByRole('banner').getByText('Carys Comms').waitFor();
    await page.getByRole('banner').getByText('Communications team').waitFor();
    await journey.settled();
    await journey.expectAccessible();
  },
);
