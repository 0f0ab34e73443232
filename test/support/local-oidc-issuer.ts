import { randomUUID } from 'node:crypto';
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

/**
 * A stand-in for Microsoft Entra ID: a real HTTP server on 127.0.0.1 serving, for any tenant,
 * `/{tid}/v2.0/.well-known/openid-configuration` and `/{tid}/discovery/v2.0/keys`, and minting
 * access tokens signed with `jose`. `rotate()` publishes a new key, as Entra does.
 */
export class LocalOidcIssuer {
  readonly published: SigningKey[] = [];
  /** Discovery and JWKS requests seen, to prove keys are cached. */
  readonly requests: string[] = [];
  private server?: Server;
  authority = '';

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
    const url = new URL(req.url ?? '/', this.authority);
    this.requests.push(url.pathname);
    const discovery = url.pathname.match(/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/);
    if (discovery) {
      const tid = discovery[1];
      return json(res, {
        issuer: this.v2Issuer(tid),
        authorization_endpoint: `${this.authority}/${tid}/oauth2/v2.0/authorize`,
        token_endpoint: `${this.authority}/${tid}/oauth2/v2.0/token`,
        jwks_uri: `${this.authority}/${tid}/discovery/v2.0/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        subject_types_supported: ['pairwise'],
      });
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(url.pathname)) {
      return json(res, { keys: this.published.map((key) => key.publicJwk) });
    }
    res.writeHead(404).end();
  }
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
