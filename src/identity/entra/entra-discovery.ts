/** The OpenID discovery document of one Entra tenant (v2 endpoint). */
export function discoveryUrl(authority: string, tenantId: string): string {
  return `${authority}/${tenantId}/v2.0/.well-known/openid-configuration`;
}

/** The fields we use from a discovery document; anything else is ignored. */
export function readDiscovery(document: unknown): { issuer: string; jwksUri: string } {
  const { issuer, jwks_uri: jwksUri } = (document ?? {}) as Record<string, unknown>;
  if (typeof issuer !== 'string' || typeof jwksUri !== 'string') {
    throw new Error('discovery document without issuer and jwks_uri');
  }
  return { issuer, jwksUri };
}

/**
 * A tenant's tokens carry its v2 issuer (the discovery document's, where a multi-tenant document
 * says `{tenantid}`) or its v1 issuer. Never another tenant's: each is bound to its own `tid`.
 */
export function acceptedIssuers(discoveryIssuer: string, tenantId: string): string[] {
  return [
    discoveryIssuer.replace(/\{tenantid\}/gi, tenantId),
    `https://sts.windows.net/${tenantId}/`,
  ];
}
