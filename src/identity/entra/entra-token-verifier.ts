import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, KeyObject } from 'node:crypto';
import { decode } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { UnauthenticatedError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app.config';
import { APP_CONFIG } from '../../config/config.module';
import { IdentityClaims } from '../authenticated-user';
import { TokenVerifier } from '../token-verifier';
import { acceptedIssuers, discoveryUrl, readDiscovery } from './entra-discovery';
import { IdentityErrorReason } from '../identity.errors';

const KEY_CACHE_MAX_AGE_MS = 10 * 60 * 1000;
const JWKS_REQUESTS_PER_MINUTE = 10;
const NETWORK_TIMEOUT_MS = 5000;
const RETRY_DISCOVERY_MS = 10_000;

interface Tenant {
  /** The two issuers this tenant's tokens may carry: v2 (from its discovery document) and v1. */
  issuers: string[];
  keys: JwksClient;
}

/**
 * Microsoft Entra ID access tokens. Each allowed tenant's discovery document is read once; its
 * JWKS keys are cached by `kid`, and an unknown `kid` (a key rotation) triggers a rate-limited
 * refetch. A token whose tenant is not allowed never causes a network request.
 */
@Injectable()
export class EntraTokenVerifier implements TokenVerifier {
  readonly audiences: string[];
  private readonly allowedTenants: Set<string>;
  /** Resolved tenants, read synchronously after the signature check. */
  private readonly tenants = new Map<string, Tenant>();
  /** In-flight or settled discovery per tenant; a failure is forgotten so the next request retries. */
  private readonly discoveries = new Map<string, Promise<Tenant>>();
  /** Parsed keys by tenant and kid, kept as long as jwks-rsa keeps the JWKS entry. */
  private readonly parsedKeys = new Map<string, { key: KeyObject; until: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.audiences = config.entra.audiences;
    this.allowedTenants = new Set(config.entra.tenantIds);
  }

  async signingKeyFor(rawToken: string): Promise<KeyObject> {
    const decoded = decode(rawToken, { complete: true });
    if (!decoded || typeof decoded.payload !== 'object') throw refused('not a JWT');
    const { alg, kid } = decoded.header;
    if (alg !== 'RS256') throw refused('only RS256 tokens are accepted');
    if (!kid) throw refused('the token names no signing key (kid)');
    const tid = tenantOf(decoded.payload);
    if (!tid || !this.allowedTenants.has(tid)) throw refused('tenant not allowed');
    const cacheKey = `${tid}:${kid}`;
    const cached = this.parsedKeys.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.key;
    const tenant = await this.tenant(tid);
    try {
      const key = createPublicKey((await tenant.keys.getSigningKey(kid)).getPublicKey());
      this.parsedKeys.set(cacheKey, { key, until: Date.now() + KEY_CACHE_MAX_AGE_MS });
      return key;
    } catch {
      throw refused('signing key not found for this tenant');
    }
  }

  checkClaims(payload: Record<string, unknown>): IdentityClaims {
    const tid = tenantOf(payload);
    const tenant = tid ? this.tenants.get(tid) : undefined;
    // the signature was checked with this tenant's keys, so `tid` is known here
    if (!tid || !tenant) throw refused('tenant not allowed');
    if (typeof payload.iss !== 'string' || !tenant.issuers.includes(payload.iss)) {
      throw refused("the issuer is not this tenant's");
    }
    if (typeof payload.exp !== 'number') throw refused('the token has no expiry');
    if (typeof payload.oid !== 'string' || !payload.oid) throw refused('the token has no oid');
    // an app-only token (client credentials) is no person, whatever roles it carries
    if (payload.idtyp === 'app' || typeof payload.scp !== 'string' || !payload.scp.trim()) {
      throw new UnauthenticatedError(
        IdentityErrorReason.APP_ONLY_TOKEN,
        'Sign in first: an application token is not a person (a delegated token with scp is needed)',
      );
    }
    if (!payload.scp.split(' ').includes(this.config.entra.requiredScope)) {
      throw new UnauthenticatedError(
        IdentityErrorReason.SCOPE_MISSING,
        `Sign in first: the token lacks the scope ${this.config.entra.requiredScope}`,
      );
    }
    return {
      tid,
      oid: payload.oid,
      name: stringClaim(payload.name),
      preferred_username: stringClaim(payload.preferred_username),
      upn: stringClaim(payload.upn) ?? stringClaim(payload.unique_name),
      roles: Array.isArray(payload.roles)
        ? payload.roles.filter((r): r is string => typeof r === 'string')
        : [],
      ...(typeof payload.iat === 'number' ? { iat: payload.iat } : {}),
    };
  }

  private tenant(tid: string): Promise<Tenant> {
    let pending = this.discoveries.get(tid);
    if (!pending) {
      pending = this.discover(tid);
      this.discoveries.set(tid, pending);
      // an unreachable issuer is asked again after a pause, not on every request meanwhile
      pending.catch(() =>
        setTimeout(() => this.discoveries.delete(tid), RETRY_DISCOVERY_MS).unref(),
      );
    }
    return pending;
  }

  private async discover(tid: string): Promise<Tenant> {
    let document: { issuer: string; jwksUri: string };
    try {
      const res = await fetch(discoveryUrl(this.config.entra.authority, tid), {
        signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      document = readDiscovery(await res.json());
    } catch {
      throw refused('the tenant’s signing keys cannot be found just now');
    }
    const tenant: Tenant = {
      issuers: acceptedIssuers(document.issuer, tid),
      keys: new JwksClient({
        jwksUri: document.jwksUri,
        cache: true,
        cacheMaxAge: KEY_CACHE_MAX_AGE_MS,
        rateLimit: true,
        jwksRequestsPerMinute: JWKS_REQUESTS_PER_MINUTE,
        timeout: NETWORK_TIMEOUT_MS,
      }),
    };
    this.tenants.set(tid, tenant);
    return tenant;
  }
}

function tenantOf(payload: unknown): string | undefined {
  const tid = (payload as { tid?: unknown } | null)?.tid;
  return typeof tid === 'string' ? tid.toLowerCase() : undefined;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function refused(reason: string) {
  return new UnauthenticatedError(IdentityErrorReason.SIGN_IN_REQUIRED, `Sign in first: ${reason}`);
}
