import { acceptedIssuers, discoveryUrl, readDiscovery } from './entra-discovery';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('Entra discovery', () => {
  it('reads the tenant v2 discovery document', () => {
    expect(discoveryUrl('https://login.microsoftonline.com', TID)).toBe(
      `https://login.microsoftonline.com/${TID}/v2.0/.well-known/openid-configuration`,
    );
  });

  it.each([
    [
      `https://login.microsoftonline.com/${TID}/v2.0`,
      `https://login.microsoftonline.com/${TID}/v2.0`,
    ],
    [
      'https://login.microsoftonline.com/{tenantid}/v2.0',
      `https://login.microsoftonline.com/${TID}/v2.0`,
    ],
    [
      'https://login.microsoftonline.com/{TenantId}/v2.0',
      `https://login.microsoftonline.com/${TID}/v2.0`,
    ],
  ])('binds the issuer %s to the tenant, with its v1 form', (discovered, v2) => {
    expect(acceptedIssuers(discovered, TID)).toEqual([v2, `https://sts.windows.net/${TID}/`]);
  });

  it.each([[null], [{}], [{ issuer: 'x' }], [{ jwks_uri: 'x' }], [{ issuer: 1, jwks_uri: 'x' }]])(
    'refuses a document without issuer and jwks_uri: %p',
    (document) => {
      expect(() => readDiscovery(document)).toThrow(/issuer and jwks_uri/);
    },
  );
});
