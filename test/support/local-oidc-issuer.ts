import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
  publicJwk: JWK;
}

export interface MintOptions {
  /** Claims to add or override (pass `undefined` to leave one out, e.g. `oid: undefined`). */
  claims?: Record<string, unknown>;
  /** `v2` (default): issuer `${authority}/{tid}/v2.0`; `v1`: `https://sts.windows.net/{tid}/`. */
  version?: 'v1' | 'v2';
  /** Sign with this key instead of the current one (e.g. a key the issuer never published). */
  key?: SigningKey;
  /** Put this `kid` in the header instead of the signing key's. */
  kid?: string;
  /** Seconds from now; negative for the past. */
  expiresIn?: number;
  notBefore?: number;
}

/** A client registered for the sign-in flow: its redirect URIs, and the API its scope is for. */
export interface ClientRegistration {
  clientId: string;
  redirectUris: string[];
  /** `api://staff-voices/access_as_user` → the access token's `aud` is `api://staff-voices`. */
  apiScope: string;
}

/** Who is "at the keyboard" when the browser reaches the authorize endpoint. */
export interface SignInUser {
  oid: string;
  name: string;
  preferredUsername: string;
  roles?: string[];
}

interface PendingCode {
  tid: string;
  client: ClientRegistration;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  scope: string;
  user: SignInUser;
}

/**
 * A stand-in for Microsoft Entra ID: a real HTTP server on 127.0.0.1 serving, for any tenant,
 * `/{tid}/v2.0/.well-known/openid-configuration` and `/{tid}/discovery/v2.0/keys`, and minting
 * access tokens signed with `jose`. `rotate()` publishes a new key, as Entra does. For browser
 * tests it also runs the authorisation code flow with PKCE (`/{tid}/oauth2/v2.0/authorize` and
 * `/token`) for registered clients, signing in whoever `signInAs()` names.
 */
export class LocalOidcIssuer {
  readonly published: SigningKey[] = [];
  /** Discovery and JWKS requests seen, to prove keys are cached. */
  readonly requests: string[] = [];
  private server?: Server;
  authority = '';
  private readonly clients = new Map<string, ClientRegistration>();
  private readonly codes = new Map<string, PendingCode>();
  private user?: SignInUser;

  static async start(): Promise<LocalOidcIssuer> {
    const issuer = new LocalOidcIssuer();
    await issuer.rotate();
    await issuer.listen();
    return issuer;
  }

  static async newKey(): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    return { kid, privateKey, publicKey, publicJwk };
  }

  get currentKey(): SigningKey {
    return this.published[this.published.length - 1];
  }

  /** Publishes a new signing key (kept beside the old ones) and signs with it from now on. */
  async rotate(): Promise<SigningKey> {
    const key = await LocalOidcIssuer.newKey();
    this.published.push(key);
    return key;
  }

  v2Issuer(tid: string) {
    return `${this.authority}/${tid}/v2.0`;
  }

  v1Issuer(tid: string) {
    return `https://sts.windows.net/${tid}/`;
  }

  async publicKeyPem(key = this.currentKey): Promise<string> {
    return exportSPKI(key.publicKey);
  }

  /** An access token as Entra would issue it for `tid` and `aud`, with `claims` on top. */
  async mint(tid: string, aud: string, options: MintOptions = {}): Promise<string> {
    const key = options.key ?? this.currentKey;
    const now = Math.floor(Date.now() / 1000);
    const version = options.version ?? 'v2';
    const claims: Record<string, unknown> = {
      iss: version === 'v2' ? this.v2Issuer(tid) : this.v1Issuer(tid),
      aud,
      tid,
      oid: randomUUID(),
      name: 'Test Person',
      // a person's delegated token for the API (app-only tokens have no scp)
      scp: 'access_as_user',
      ver: version === 'v2' ? '2.0' : '1.0',
      iat: now,
      nbf: now + (options.notBefore ?? 0),
      exp: now + (options.expiresIn ?? 3600),
      ...(version === 'v2' ? { preferred_username: 'test.person@example.nhs.uk' } : {}),
      ...(version === 'v1' ? { upn: 'test.person@example.nhs.uk' } : {}),
      ...options.claims,
    };
    for (const name of Object.keys(claims)) if (claims[name] === undefined) delete claims[name];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? key.kid })
      .sign(key.privateKey);
  }

  registerClient(client: ClientRegistration): void {
    this.clients.set(client.clientId, client);
  }

  /** The person who signs in at the next visit to the authorize endpoint. */
  signInAs(user: SignInUser): void {
    this.user = user;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.authority = `http://127.0.0.1:${port}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    // browsers reach the sign-in endpoints through an https name the test routes here
    const base = (req.headers['x-public-authority'] as string | undefined) ?? this.authority;
    const url = new URL(req.url ?? '/', this.authority);
    this.requests.push(url.pathname);
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader(
        'Access-Control-Allow-Headers',
        req.headers['access-control-request-headers'] ?? '*',
      );
      return res.writeHead(204).end();
    }
    const discovery = url.pathname.match(/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/);
    if (discovery) {
      const tid = discovery[1];
      return json(res, 200, {
        // as seen from where the request came (MSAL checks the issuer is on its authority's host)
        issuer: `${base}/${tid}/v2.0`,
        authorization_endpoint: `${base}/${tid}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/${tid}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/${tid}/oauth2/v2.0/logout`,
        jwks_uri: `${this.authority}/${tid}/discovery/v2.0/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        response_modes_supported: ['query', 'fragment', 'form_post'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        subject_types_supported: ['pairwise'],
      });
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(url.pathname)) {
      return json(res, 200, { keys: this.published.map((key) => key.publicJwk) });
    }
    const authorize = url.pathname.match(/^\/([^/]+)\/oauth2\/v2\.0\/authorize$/);
    if (authorize && req.method === 'GET') return this.authorize(authorize[1], url, res);
    const token = url.pathname.match(/^\/([^/]+)\/oauth2\/v2\.0\/token$/);
    if (token && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.token(token[1], new URLSearchParams(body), base).then(
          (answer) => json(res, answer.status, answer.body),
          (error: unknown) =>
            json(res, 500, { error: 'server_error', error_description: String(error) }),
        );
      });
      return;
    }
    res.writeHead(404).end();
  }

  /** Authorisation code flow, step 1: checks the request and sends the browser back with a code. */
  private authorize(tid: string, url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const client = this.clients.get(q.get('client_id') ?? '');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!client || !client.redirectUris.includes(redirectUri)) {
      // never redirect to an unregistered address
      return json(res, 400, {
        error: 'invalid_request',
        error_description: 'unknown client or redirect_uri',
      });
    }
    const back = (params: Record<string, string>) => {
      const mode = q.get('response_mode') ?? 'fragment';
      const encoded = new URLSearchParams({ ...params, state: q.get('state') ?? '' }).toString();
      const target = mode === 'query' ? `${redirectUri}?${encoded}` : `${redirectUri}#${encoded}`;
      res.writeHead(302, { Location: target }).end();
    };
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      return back({ error: 'invalid_request', error_description: 'PKCE with S256 is required' });
    }
    if (!this.user) return back({ error: 'access_denied', error_description: 'nobody signs in' });
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      tid,
      client,
      redirectUri,
      codeChallenge: q.get('code_challenge')!,
      nonce: q.get('nonce') ?? undefined,
      scope: q.get('scope') ?? '',
      user: this.user,
    });
    back({ code, client_info: clientInfo(this.user.oid, tid) });
  }

  /** Step 2: the code and its PKCE verifier for an ID token and an access token for the API. */
  private async token(
    tid: string,
    form: URLSearchParams,
    base: string,
  ): Promise<{ status: number; body: object }> {
    const refuse = (error: string, description: string) => ({
      status: 400,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== 'authorization_code') {
      return refuse('unsupported_grant_type', 'only authorization_code');
    }
    const pending = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? ''); // a code is used once
    if (!pending || pending.tid !== tid) return refuse('invalid_grant', 'unknown or used code');
    if (form.get('client_id') !== pending.client.clientId)
      return refuse('invalid_client', 'wrong client');
    if (form.get('redirect_uri') !== pending.redirectUri)
      return refuse('invalid_grant', 'redirect_uri differs');
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.codeChallenge) {
      return refuse('invalid_grant', 'PKCE verification failed');
    }
    const { user, client } = pending;
    const audience = client.apiScope.slice(0, client.apiScope.lastIndexOf('/'));
    const scopeName = client.apiScope.slice(client.apiScope.lastIndexOf('/') + 1);
    const accessToken = await this.mint(tid, audience, {
      claims: {
        oid: user.oid,
        sub: user.oid,
        name: user.name,
        preferred_username: user.preferredUsername,
        roles: user.roles,
        scp: scopeName,
        azp: client.clientId,
      },
    });
    const idToken = await this.mint(tid, client.clientId, {
      claims: {
        oid: user.oid,
        sub: user.oid,
        name: user.name,
        preferred_username: user.preferredUsername,
        nonce: pending.nonce,
        // the ID token is the browser's, from the authority it knows
        iss: `${base}/${tid}/v2.0`,
      },
    });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: `${client.apiScope} openid profile`,
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: accessToken,
        id_token: idToken,
        client_info: clientInfo(user.oid, tid),
      },
    };
  }
}

/** MSAL identifies accounts by Entra's `client_info`: base64url of `{ uid, utid }`. */
function clientInfo(oid: string, tid: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
