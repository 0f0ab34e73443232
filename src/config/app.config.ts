import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseRateLimits, RateLimits } from './rate-limit.config';

export type AuthMode = 'entra' | 'dev';

export type DatabaseConfig =
  { type: 'sqlite'; path: string } | { type: 'postgres'; url: string; schema?: string };

export interface EntraConfig {
  tenantIds: string[];
  audiences: string[];
  authority: string;
  /** Public client id and API scope handed to the web client for MSAL sign-in. */
  clientId?: string;
  apiScope?: string;
  /** A tenant whose staff all belong to one organisation (ODS code): `tid=ODS,...`. */
  tenantOrganisations: Record<string, string>;
  /**
   * The delegated scope a person's access token must carry in `scp` (ENTRA_REQUIRED_SCOPE;
   * default: the last part of ENTRA_API_SCOPE, e.g. `access_as_user`). App-only tokens have none.
   */
  requiredScope: string;
  /**
   * The tenant whose Entra provisioning sends SCIM (SCIM_TENANT_ID; default: the only tenant of
   * ENTRA_TENANT_IDS). A first sign-in links to a provisioned record only from this tenant.
   */
  scimTenantId: string | null;
}

export interface AppConfig {
  /** NODE_ENV as given; unset reads as `production`. */
  nodeEnv: string;
  /** Everything but NODE_ENV=development or test: dev sign-in refused, HSTS, no introspection. */
  isProduction: boolean;
  port: number;
  /** The address to listen on; undefined listens on every interface. */
  host: string | undefined;
  database: DatabaseConfig;
  authMode: AuthMode;
  entra: EntraConfig;
  scimToken?: string;
  redisUrl?: string;
  /** Prefixes every Redis key, so deployments (or tests) can share one Redis. */
  redisKeyPrefix: string;
  rateLimits: RateLimits;
  /**
   * Which proxies in front may name the client address (X-Forwarded-For), as Express's
   * `trust proxy`: a number of hops, or addresses, CIDR ranges and `loopback`/`linklocal`/
   * `uniquelocal`. Per-address rate limits count the address it yields.
   */
  trustProxy: number | string[];
  logLevel: string;
  /** Where the built web client lives; served at `/` when present. */
  webRoot: string;
  seedDemoData: boolean;
  privacy: PrivacyConfig;
  /** This service's own address as people see it, for links back to it (Mastodon rel="me"). */
  publicUrl: string;
  /** Reading public profile pages for proof of ownership (docs/verification.md). */
  proofFetch: ProofFetchConfig;
  /** The largest CSV a metrics or campaign activity import reads (IMPORT_MAX_BYTES); larger: 413. */
  importMaxBytes: number;
  /**
   * Accepted rows an import holds before writing them in (account, day) order
   * (IMPORT_WINDOW_ROWS, default 500,000, at least 20,000: 28 bytes a row).
   */
  importWindowRows: number;
  /**
   * GUIDANCE_GRACE_DAYS (default 30; 0 = none): after a new guidance version, how many days
   * people who had accepted before stay listed while they are asked to accept it.
   */
  guidanceGraceDays: number;
  /** How reads outside a write transaction run (docs/architecture.md, "Writes, reads and locks"). */
  reads: ReadsConfig;
}

export interface ReadsConfig {
  /**
   * READ_TIME_BUDGET_MS (default 2000): the longest a read may take, waiting for a worker
   * included; past it the read is stopped and answered READ_TOO_SLOW. SQLite: the worker running
   * it is terminated and replaced; PostgreSQL: `statement_timeout` on reads.
   */
  budgetMs: number;
  /**
   * SQLITE_READ_WORKERS (default: the number of cores): worker threads, each with its own
   * read-only connection; 0 reads on the main thread (no budget: a statement cannot be stopped).
   */
  sqliteWorkers: number;
}

export interface ProofFetchConfig {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Development and tests only: a local server standing in for every platform. */
  platformBaseUrl?: string;
}

export interface PrivacyConfig {
  /** Days a leaver's data is kept after deactivation before the sweep erases it (LEAVER_RETENTION_DAYS). */
  leaverRetentionDays: number;
  /** How often the server sweeps for leavers due (LEAVER_SWEEP_INTERVAL_MINUTES; 0: never). */
  sweepIntervalMinutes: number;
}

/** 200 MiB: a year of daily figures for 20,000 accounts. */
export const DEFAULT_IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** 500,000 rows, 14 MB: 25 write batches (docs/metrics.md, "How an import is written"). */
export const DEFAULT_IMPORT_WINDOW_ROWS = 500_000;
/** A window holds at least one write batch (IMPORT_BATCH_ROWS). */
export const MIN_IMPORT_WINDOW_ROWS = 20_000;

/** Start-up refuses bad configuration with one line naming the variable. */
export class ConfigError extends Error {}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const portSchema = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

function parseDatabaseUrl(raw: string): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path)
      throw new ConfigError(
        'DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/staff-voices.db',
      );
    return { type: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL: not a valid postgres:// URL');
    }
    return { type: 'postgres', url: raw };
  }
  const scheme = raw.split(':')[0] || raw;
  throw new ConfigError(
    `DATABASE_URL: unsupported database "${scheme}"; use sqlite:<path> or postgres://user@host/db`,
  );
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ODS_CODE = /^[A-Z0-9]{3,10}$/;

function parseTenantOrganisations(raw: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of list(raw)) {
    const [tenant, ods, extra] = pair.split('=').map((part) => part?.trim());
    if (!tenant || !ods || extra !== undefined) {
      throw new ConfigError(`ENTRA_TENANT_ORGANISATIONS: "${pair}" is not tenantId=ODS_CODE`);
    }
    if (!GUID.test(tenant)) {
      throw new ConfigError(`ENTRA_TENANT_ORGANISATIONS: "${tenant}" is not a tenant id (GUID)`);
    }
    if (!ODS_CODE.test(ods.toUpperCase())) {
      throw new ConfigError(`ENTRA_TENANT_ORGANISATIONS: "${ods}" is not an ODS code`);
    }
    map[tenant.toLowerCase()] = ods.toUpperCase();
  }
  return map;
}

/** The only NODE_ENV values that are not production. Anything else, or nothing, is production. */
const DEVELOPMENT_ENVIRONMENTS = ['development', 'test'];

/**
 * `npm start` and `npm run seed` pass `--node-env-default=development` so a newcomer gets the
 * development sign-in; NODE_ENV, when set, always wins.
 */
export function withNodeEnvDefault(env: NodeJS.ProcessEnv, argv: string[]): NodeJS.ProcessEnv {
  const flag = argv.find((arg) => arg.startsWith('--node-env-default='));
  if (env.NODE_ENV !== undefined || !flag) return env;
  return { ...env, NODE_ENV: flag.slice('--node-env-default='.length) };
}

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'production';
  const isProduction = !DEVELOPMENT_ENVIRONMENTS.includes(nodeEnv);
  const productionBecause =
    env.NODE_ENV === undefined
      ? 'NODE_ENV is not set, which counts as production'
      : nodeEnv === 'production'
        ? 'NODE_ENV=production'
        : `NODE_ENV="${nodeEnv}" counts as production (only development and test do not)`;

  const port = portSchema.safeParse(env.PORT ?? '3000');
  if (!port.success) {
    throw new ConfigError(`PORT: "${env.PORT}" ${port.error.issues[0].message}`);
  }

  const database = parseDatabaseUrl(env.DATABASE_URL || 'sqlite:data/staff-voices.db');

  const authModeRaw = env.AUTH_MODE || (isProduction ? 'entra' : 'dev');
  if (authModeRaw !== 'entra' && authModeRaw !== 'dev') {
    throw new ConfigError(`AUTH_MODE: "${authModeRaw}" is not one of entra, dev`);
  }
  const authMode: AuthMode = authModeRaw;
  if (authMode === 'dev' && isProduction) {
    throw new ConfigError(
      `AUTH_MODE: dev sign-in is refused in production (${productionBecause}); use entra, or NODE_ENV=development on your own machine`,
    );
  }

  const authority = (env.ENTRA_AUTHORITY || 'https://login.microsoftonline.com').replace(
    /\/+$/,
    '',
  );
  let authorityUrl: URL;
  try {
    authorityUrl = new URL(authority);
  } catch {
    throw new ConfigError(`ENTRA_AUTHORITY: "${authority}" is not a URL`);
  }
  if (authorityUrl.protocol !== 'https:' && isProduction) {
    throw new ConfigError('ENTRA_AUTHORITY: must be https in production');
  }

  const entra: EntraConfig = {
    tenantIds: list(env.ENTRA_TENANT_IDS).map((id) => id.toLowerCase()),
    audiences: list(env.ENTRA_AUDIENCES),
    authority,
    clientId: env.ENTRA_CLIENT_ID || undefined,
    apiScope: env.ENTRA_API_SCOPE || undefined,
    tenantOrganisations: parseTenantOrganisations(env.ENTRA_TENANT_ORGANISATIONS),
    requiredScope: '',
    scimTenantId: null,
  };
  if (authMode === 'entra') {
    if (entra.tenantIds.length === 0) {
      throw new ConfigError(
        `ENTRA_TENANT_IDS: required when AUTH_MODE=entra (comma-separated tenant ids)${
          env.AUTH_MODE ? '' : `; AUTH_MODE defaults to entra because ${productionBecause}`
        }`,
      );
    }
    const badTenant = entra.tenantIds.find((id) => !GUID.test(id));
    if (badTenant)
      throw new ConfigError(`ENTRA_TENANT_IDS: "${badTenant}" is not a tenant id (GUID)`);
    if (entra.audiences.length === 0) {
      throw new ConfigError(
        'ENTRA_AUDIENCES: required when AUTH_MODE=entra (the API application id URI and/or client id)',
      );
    }
    // the web client signs in with these; without them nobody can
    if (!entra.clientId) {
      throw new ConfigError(
        "ENTRA_CLIENT_ID: required when AUTH_MODE=entra (the web client app registration's client id)",
      );
    }
    if (!GUID.test(entra.clientId)) {
      throw new ConfigError(`ENTRA_CLIENT_ID: "${entra.clientId}" is not a client id (GUID)`);
    }
    if (!entra.apiScope) {
      throw new ConfigError(
        'ENTRA_API_SCOPE: required when AUTH_MODE=entra (e.g. api://staff-voices/access_as_user)',
      );
    }
    if (!/^\S*[^\s/:]\/[\w.-]+$/.test(entra.apiScope)) {
      throw new ConfigError(
        `ENTRA_API_SCOPE: "${entra.apiScope}" is not a scope such as api://staff-voices/access_as_user`,
      );
    }
    const strayTenant = Object.keys(entra.tenantOrganisations).find(
      (tenant) => !entra.tenantIds.includes(tenant),
    );
    if (strayTenant) {
      throw new ConfigError(
        `ENTRA_TENANT_ORGANISATIONS: tenant "${strayTenant}" is not in ENTRA_TENANT_IDS`,
      );
    }
  }

  entra.requiredScope =
    env.ENTRA_REQUIRED_SCOPE?.trim() || entra.apiScope?.split('/').pop() || 'access_as_user';
  if (!/^[\w.-]+$/.test(entra.requiredScope)) {
    throw new ConfigError(
      `ENTRA_REQUIRED_SCOPE: "${entra.requiredScope}" is not a scope name such as access_as_user`,
    );
  }
  const scimTenant = env.SCIM_TENANT_ID?.trim().toLowerCase();
  if (scimTenant && !GUID.test(scimTenant)) {
    throw new ConfigError(`SCIM_TENANT_ID: "${scimTenant}" is not a tenant id (GUID)`);
  }
  if (scimTenant && authMode === 'entra' && !entra.tenantIds.includes(scimTenant)) {
    throw new ConfigError(`SCIM_TENANT_ID: tenant "${scimTenant}" is not in ENTRA_TENANT_IDS`);
  }
  // development identities live in the all-zero tenant (the dev sign-in's DEV_TENANT_ID)
  const onlyTenant = authMode === 'dev' ? '00000000-0000-0000-0000-000000000000' : null;
  entra.scimTenantId =
    scimTenant || (entra.tenantIds.length === 1 ? entra.tenantIds[0] : onlyTenant);

  const scimToken = env.SCIM_TOKEN || undefined;
  if (scimToken && scimToken.length < 32) {
    throw new ConfigError('SCIM_TOKEN: must be at least 32 characters (a long random secret)');
  }

  const host = env.HOST?.trim() || (isProduction ? undefined : '127.0.0.1');
  if (host !== undefined && !/^[A-Za-z0-9.:[\]-]+$/.test(host)) {
    throw new ConfigError(`HOST: "${host}" is not an address or host name`);
  }

  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL: must start with redis:// or rediss://');
  }

  const redisKeyPrefix = env.REDIS_KEY_PREFIX ?? 'staff-voices:';
  const rateLimits = parseRateLimits(env, (message) => new ConfigError(message));
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);

  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL: "${logLevel}" is not one of ${levels.join(', ')}`);
  }

  const wholeNumber = (name: string, fallback: string, max: number) => {
    const raw = env[name] ?? fallback;
    const parsed = z.coerce.number().int().min(0).max(max).safeParse(raw);
    if (!parsed.success || raw.trim() === '') {
      throw new ConfigError(`${name}: "${raw}" must be a whole number from 0 to ${max}`);
    }
    return parsed.data;
  };
  const privacy: PrivacyConfig = {
    leaverRetentionDays: wholeNumber('LEAVER_RETENTION_DAYS', '90', 3650),
    sweepIntervalMinutes: wholeNumber(
      'LEAVER_SWEEP_INTERVAL_MINUTES',
      nodeEnv === 'test' ? '0' : '60',
      7 * 24 * 60,
    ),
  };
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port.data}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL: "${publicUrl}" is not a URL`);
  }
  const proofFetch = parseProofFetch(env, isProduction, productionBecause);
  const importMaxBytes = z.coerce
    .number()
    .int()
    .min(1)
    .safeParse(env.IMPORT_MAX_BYTES || String(DEFAULT_IMPORT_MAX_BYTES));
  if (!importMaxBytes.success) {
    throw new ConfigError(
      `IMPORT_MAX_BYTES: "${env.IMPORT_MAX_BYTES}" is not a whole number of bytes`,
    );
  }
  const importWindowRows = z.coerce
    .number()
    .int()
    .min(MIN_IMPORT_WINDOW_ROWS)
    .safeParse(env.IMPORT_WINDOW_ROWS || String(DEFAULT_IMPORT_WINDOW_ROWS));
  if (!importWindowRows.success) {
    throw new ConfigError(
      `IMPORT_WINDOW_ROWS: "${env.IMPORT_WINDOW_ROWS}" is not a whole number of rows from ${MIN_IMPORT_WINDOW_ROWS}`,
    );
  }
  const graceText = env.GUIDANCE_GRACE_DAYS?.trim() || '30';
  const guidanceGraceDays = Number(graceText);
  if (!/^\d{1,4}$/.test(graceText) || guidanceGraceDays > 3650) {
    throw new ConfigError(
      `GUIDANCE_GRACE_DAYS: "${env.GUIDANCE_GRACE_DAYS}" must be a whole number of days from 0 to 3650`,
    );
  }

  const reads = parseReads(env);

  return {
    nodeEnv,
    isProduction,
    port: port.data,
    host,
    database,
    authMode,
    entra,
    scimToken,
    redisUrl,
    redisKeyPrefix,
    rateLimits,
    trustProxy,
    logLevel,
    webRoot: env.WEB_ROOT || 'web/dist',
    importMaxBytes: importMaxBytes.data,
    importWindowRows: importWindowRows.data,
    seedDemoData: (env.SEED_DEMO_DATA ?? (isProduction ? 'false' : 'true')) === 'true',
    guidanceGraceDays,
    reads,
    privacy,
    publicUrl,
    proofFetch,
  };
}

/** A read budget under 50 ms would refuse ordinary pages on a busy machine; 10 minutes is plenty. */
const MIN_READ_BUDGET_MS = 50;
const MAX_READ_BUDGET_MS = 600_000;
const MAX_READ_WORKERS = 64;

function parseReads(env: NodeJS.ProcessEnv): ReadsConfig {
  const budgetText = env.READ_TIME_BUDGET_MS?.trim() || '2000';
  const budgetMs = Number(budgetText);
  if (
    !/^\d{1,6}$/.test(budgetText) ||
    budgetMs < MIN_READ_BUDGET_MS ||
    budgetMs > MAX_READ_BUDGET_MS
  ) {
    throw new ConfigError(
      `READ_TIME_BUDGET_MS: "${env.READ_TIME_BUDGET_MS}" must be a whole number of milliseconds from ${MIN_READ_BUDGET_MS} to ${MAX_READ_BUDGET_MS}`,
    );
  }
  const workersText = env.SQLITE_READ_WORKERS?.trim() || String(availableParallelism());
  const sqliteWorkers = Number(workersText);
  if (!/^\d{1,2}$/.test(workersText) || sqliteWorkers > MAX_READ_WORKERS) {
    throw new ConfigError(
      `SQLITE_READ_WORKERS: "${env.SQLITE_READ_WORKERS}" must be a whole number from 0 to ${MAX_READ_WORKERS}`,
    );
  }
  return { budgetMs, sqliteWorkers };
}

function parseProofFetch(
  env: NodeJS.ProcessEnv,
  isProduction: boolean,
  productionBecause: string,
): ProofFetchConfig {
  const whole = (name: string, fallback: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new ConfigError(`${name}: "${raw}" is not a whole number from 0 to ${max}`);
    }
    return value;
  };
  const platformBaseUrl = env.PROOF_FETCH_PLATFORM_BASE_URL?.trim() || undefined;
  if (platformBaseUrl) {
    // it lets the fetcher reach one loopback address: never where real people's requests arrive
    if (isProduction) {
      throw new ConfigError(
        `PROOF_FETCH_PLATFORM_BASE_URL: refused in production (${productionBecause}); it is for tests`,
      );
    }
    if (!/^https?:\/\/[^/]+\/?$/.test(platformBaseUrl)) {
      throw new ConfigError(
        `PROOF_FETCH_PLATFORM_BASE_URL: "${platformBaseUrl}" is not an origin like http://127.0.0.1:4000`,
      );
    }
  }
  return {
    timeoutMs: whole('PROOF_FETCH_TIMEOUT_MS', 5000, 60_000) || 5000,
    maxBytes: whole('PROOF_FETCH_MAX_BYTES', 512 * 1024, 10 * 1024 * 1024) || 512 * 1024,
    maxRedirects: whole('PROOF_FETCH_MAX_REDIRECTS', 3, 10),
    platformBaseUrl,
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: `loopback` unless set; a hop count (1–9) or a comma-separated list. */
export function parseTrustProxy(raw: string | undefined): number | string[] {
  const text = raw?.trim() || 'loopback';
  if (/^\d$/.test(text) && text !== '0') return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const known =
      PROXY_NAMES.has(entry) ||
      (isIP(address) !== 0 &&
        extra === undefined &&
        (bits === undefined ||
          (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128))));
    if (!known) {
      throw new ConfigError(
        `TRUST_PROXY: "${entry}" is not a hop count (1–9), an address, a CIDR range, loopback, linklocal or uniquelocal`,
      );
    }
  }
  return entries;
}
