import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, withNodeEnvDefault } from './app.config';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

/** A complete Entra configuration; each case below breaks one thing. */
const entra = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  NODE_ENV: 'test',
  AUTH_MODE: 'entra',
  ENTRA_TENANT_IDS: TENANT,
  ENTRA_AUDIENCES: 'api://staff-voices',
  ENTRA_CLIENT_ID: CLIENT_ID,
  ENTRA_API_SCOPE: 'api://staff-voices/access_as_user',
  ...overrides,
});

const unset = undefined;

describe('loadConfig: identity settings', () => {
  it('reads a complete Entra configuration', () => {
    const config = loadConfig(
      entra({
        ENTRA_TENANT_IDS: `${TENANT.toUpperCase()}, ${OTHER_TENANT}`,
        ENTRA_AUDIENCES: `api://staff-voices,${CLIENT_ID}`,
        ENTRA_AUTHORITY: 'https://login.microsoftonline.com/',
        ENTRA_TENANT_ORGANISATIONS: `${OTHER_TENANT.toUpperCase()}=rj1`,
        SCIM_TOKEN: 'x'.repeat(40),
      }),
    );
    expect(config.authMode).toBe('entra');
    expect(config.entra).toEqual({
      tenantIds: [TENANT, OTHER_TENANT],
      audiences: ['api://staff-voices', CLIENT_ID],
      authority: 'https://login.microsoftonline.com',
      clientId: CLIENT_ID,
      apiScope: 'api://staff-voices/access_as_user',
      tenantOrganisations: { [OTHER_TENANT]: 'RJ1' },
      requiredScope: 'access_as_user',
      // two tenants and no SCIM_TENANT_ID: no provisioned record links to any sign-in
      scimTenantId: null,
    });
    expect(config.scimToken).toBe('x'.repeat(40));
  });

  it('defaults to development sign-in outside production and to Entra in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).authMode).toBe('dev');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^ENTRA_TENANT_IDS: required/);
  });

  it.each([
    ['Production'],
    ['prod'],
    ['staging'],
    ['production '],
    ['PRODUCTION'],
    [''],
    [undefined],
  ])('counts NODE_ENV=%p as production: no dev sign-in, every interface', (nodeEnv) => {
    expect(() => loadConfig({ NODE_ENV: nodeEnv, AUTH_MODE: 'dev' })).toThrow(
      /^AUTH_MODE: dev sign-in is refused in production/,
    );
    const config = loadConfig(entra({ NODE_ENV: nodeEnv }));
    expect(config).toMatchObject({ isProduction: true, host: undefined, seedDemoData: false });
  });

  it('says why AUTH_MODE became entra when NODE_ENV is not set', () => {
    expect(() => loadConfig({})).toThrow(
      /^ENTRA_TENANT_IDS: required .*AUTH_MODE defaults to entra because NODE_ENV is not set/,
    );
  });

  it.each([['development'], ['test']])(
    'allows dev sign-in for NODE_ENV=%s, on 127.0.0.1 unless HOST says otherwise',
    (nodeEnv) => {
      expect(loadConfig({ NODE_ENV: nodeEnv })).toMatchObject({
        isProduction: false,
        authMode: 'dev',
        host: '127.0.0.1',
      });
      expect(loadConfig({ NODE_ENV: nodeEnv, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    },
  );

  it('takes --node-env-default only when NODE_ENV is not set', () => {
    const argv = ['node', 'dist/main.js', '--node-env-default=development'];
    expect(withNodeEnvDefault({}, argv).NODE_ENV).toBe('development');
    expect(withNodeEnvDefault({ NODE_ENV: 'production' }, argv).NODE_ENV).toBe('production');
    expect(withNodeEnvDefault({}, ['node', 'dist/main.js']).NODE_ENV).toBeUndefined();
  });

  it('refuses a HOST that is not an address', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', HOST: 'a b' })).toThrow(/^HOST: "a b"/);
  });

  it('accepts a local http authority outside production (test issuers)', () => {
    expect(loadConfig(entra({ ENTRA_AUTHORITY: 'http://127.0.0.1:4000' })).entra.authority).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it.each([
    [
      'dev mode in production',
      { NODE_ENV: 'production', AUTH_MODE: 'dev' },
      /^AUTH_MODE: dev sign-in is refused in production \(NODE_ENV=production\)/,
    ],
    ['an unknown mode', { AUTH_MODE: 'saml' }, /^AUTH_MODE: "saml" is not one of entra, dev/],
    ['no tenants', { ENTRA_TENANT_IDS: unset }, /^ENTRA_TENANT_IDS: required when AUTH_MODE=entra/],
    ['an empty tenant list', { ENTRA_TENANT_IDS: ' , ' }, /^ENTRA_TENANT_IDS: required/],
    [
      'a tenant that is not a GUID',
      { ENTRA_TENANT_IDS: 'contoso.onmicrosoft.com' },
      /^ENTRA_TENANT_IDS: "contoso.onmicrosoft.com" is not a tenant id/,
    ],
    ['no audiences', { ENTRA_AUDIENCES: unset }, /^ENTRA_AUDIENCES: required when AUTH_MODE=entra/],
    ['no client id', { ENTRA_CLIENT_ID: unset }, /^ENTRA_CLIENT_ID: required when AUTH_MODE=entra/],
    [
      'a client id that is not a GUID',
      { ENTRA_CLIENT_ID: 'staff-voices' },
      /^ENTRA_CLIENT_ID: "staff-voices" is not a client id/,
    ],
    ['no API scope', { ENTRA_API_SCOPE: unset }, /^ENTRA_API_SCOPE: required when AUTH_MODE=entra/],
    [
      'a scope without a name',
      { ENTRA_API_SCOPE: 'api://staff-voices' },
      /^ENTRA_API_SCOPE: "api:\/\/staff-voices" is not a scope/,
    ],
    [
      'an authority that is not a URL',
      { ENTRA_AUTHORITY: 'login.microsoftonline.com' },
      /^ENTRA_AUTHORITY: "login.microsoftonline.com" is not a URL/,
    ],
    [
      'an http authority in production',
      { NODE_ENV: 'production', ENTRA_AUTHORITY: 'http://127.0.0.1:4000' },
      /^ENTRA_AUTHORITY: must be https in production/,
    ],
    [
      'a tenant organisation without "="',
      { ENTRA_TENANT_ORGANISATIONS: TENANT },
      /^ENTRA_TENANT_ORGANISATIONS: ".*" is not tenantId=ODS_CODE/,
    ],
    [
      'a tenant organisation for a tenant that is not a GUID',
      { ENTRA_TENANT_ORGANISATIONS: 'nhs=RJ1' },
      /^ENTRA_TENANT_ORGANISATIONS: "nhs" is not a tenant id/,
    ],
    [
      'a tenant organisation with a bad ODS code',
      { ENTRA_TENANT_ORGANISATIONS: `${TENANT}=Guy's` },
      /^ENTRA_TENANT_ORGANISATIONS: "Guy's" is not an ODS code/,
    ],
    [
      'a tenant organisation for a tenant not allowed',
      { ENTRA_TENANT_ORGANISATIONS: `${OTHER_TENANT}=RJ1` },
      /^ENTRA_TENANT_ORGANISATIONS: tenant ".*" is not in ENTRA_TENANT_IDS/,
    ],
    ['a short SCIM token', { SCIM_TOKEN: 'secret' }, /^SCIM_TOKEN: must be at least 32 characters/],
  ])('refuses %s, naming the variable in one line', (_, overrides, message) => {
    const attempt = () => loadConfig(entra(overrides));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('does not ask for Entra settings in development mode', () => {
    expect(loadConfig({ NODE_ENV: 'development', AUTH_MODE: 'dev' }).entra.tenantIds).toEqual([]);
  });
});

describe('loadConfig: proof-of-ownership fetches', () => {
  it('has safe defaults and no stand-in platform', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).proofFetch).toEqual({
      timeoutMs: 5000,
      maxBytes: 512 * 1024,
      maxRedirects: 3,
      platformBaseUrl: undefined,
    });
  });

  it('takes a local stand-in for the platforms outside production only', () => {
    const url = 'http://127.0.0.1:4000';
    expect(
      loadConfig({ NODE_ENV: 'test', PROOF_FETCH_PLATFORM_BASE_URL: url }).proofFetch
        .platformBaseUrl,
    ).toBe(url);
    expect(() =>
      loadConfig(entra({ NODE_ENV: 'production', PROOF_FETCH_PLATFORM_BASE_URL: url })),
    ).toThrow(/PROOF_FETCH_PLATFORM_BASE_URL: refused in production/);
    expect(() =>
      loadConfig(entra({ NODE_ENV: unset, PROOF_FETCH_PLATFORM_BASE_URL: url })),
    ).toThrow(ConfigError);
  });

  it('names a bad value', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PROOF_FETCH_MAX_BYTES: 'lots' })).toThrow(
      /PROOF_FETCH_MAX_BYTES/,
    );
  });
});

describe('loadConfig: TRUST_PROXY (client addresses behind a load balancer)', () => {
  it.each([
    [unset, ['loopback']],
    ['1', 1],
    ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
    ['fd00::/8', ['fd00::/8']],
  ])('reads %s', (value, expected) => {
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['0', 'everyone', '10.0.0.0/33', '10.0.0.1/8/1', 'true'])(
    'refuses %s by name',
    (value) => {
      expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value })).toThrow(
        new ConfigError(
          `TRUST_PROXY: "${value}" is not a hop count (1–9), an address, a CIDR range, loopback, linklocal or uniquelocal`,
        ),
      );
    },
  );
});

describe('loadConfig: reads', () => {
  const base = { NODE_ENV: 'test', AUTH_MODE: 'dev' };

  it('gives reads a 2 s budget and one worker per core by default', () => {
    const { reads } = loadConfig(base);
    expect(reads.budgetMs).toBe(2000);
    expect(reads.sqliteWorkers).toBe(availableParallelism());
  });

  it('takes a budget and a number of workers, 0 reading on the main thread', () => {
    expect(
      loadConfig({ ...base, READ_TIME_BUDGET_MS: '750', SQLITE_READ_WORKERS: '0' }).reads,
    ).toEqual({ budgetMs: 750, sqliteWorkers: 0 });
  });

  it.each([
    ['READ_TIME_BUDGET_MS', '10', 'from 50 to 600000'],
    ['READ_TIME_BUDGET_MS', '2s', 'whole number of milliseconds'],
    ['SQLITE_READ_WORKERS', '-1', 'from 0 to 64'],
    ['SQLITE_READ_WORKERS', '65', 'from 0 to 64'],
  ])('refuses %s=%s', (name, value, says) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(says);
  });
});

describe('loadConfig: imports', () => {
  const base = { NODE_ENV: 'test', AUTH_MODE: 'dev' };

  it('holds 500,000 accepted rows before writing them by default, or as IMPORT_WINDOW_ROWS says', () => {
    expect(loadConfig(base).importWindowRows).toBe(500_000);
    expect(loadConfig({ ...base, IMPORT_WINDOW_ROWS: '40000' }).importWindowRows).toBe(40_000);
  });

  it.each(['19999', 'lots', '1e9.5'])('refuses IMPORT_WINDOW_ROWS=%s', (value) => {
    expect(() => loadConfig({ ...base, IMPORT_WINDOW_ROWS: value })).toThrow(
      new ConfigError(`IMPORT_WINDOW_ROWS: "${value}" is not a whole number of rows from 20000`),
    );
  });
});
