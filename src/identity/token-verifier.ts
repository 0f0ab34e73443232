import type { KeyObject } from 'node:crypto';
import type { IdentityClaims } from './authenticated-user';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/**
 * What the bearer-token strategy needs from a sign-in mode: which issuers and audiences to
 * accept, the public key for a given token, and any check on the claims beyond the signature.
 */
export interface TokenVerifier {
  /** Issuers checked by the strategy; left out when `checkClaims` binds the issuer to the tenant. */
  readonly issuers?: string[];
  readonly audiences: string[];
  /**
   * The public key that must have signed this (still unverified) token, as a KeyObject:
   * parsing a PEM on every request costs more than verifying the signature.
   */
  signingKeyFor(rawToken: string): Promise<KeyObject>;
  /** Throws with a reason when the verified claims are not acceptable. */
  checkClaims(payload: Record<string, unknown>): IdentityClaims;
}
