import { Injectable } from '@nestjs/common';
import { generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { UnauthenticatedError } from '../../common/errors/domain-error';
import { NATIONAL_ADMIN_ROLE } from '../admin-scope';
import { COMMS_ADMIN_ROLE, IdentityClaims } from '../authenticated-user';
import { TokenVerifier } from '../token-verifier';
import { IdentityErrorReason } from '../identity.errors';

export const DEV_ISSUER = 'urn:staff-voices:dev-sign-in';
export const DEV_AUDIENCE = 'urn:staff-voices:api';
/** The tenant id development identities live in (all zeros: never a real Entra tenant). */
export const DEV_TENANT_ID = '00000000-0000-0000-0000-000000000000';
/** The delegated scope development tokens carry. */
export const DEV_SCOPE = 'access_as_user';
const TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * Development sign-in: a key pair made at start signs short-lived tokens for a chosen person,
 * and they go through the same strategy and guard as Entra ID tokens. Never built in production.
 */
@Injectable()
export class DevTokenService implements TokenVerifier {
  readonly issuers = [DEV_ISSUER];
  readonly audiences = [DEV_AUDIENCE];
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly keyId = randomUUID();

  issue(person: {
    objectId: string;
    displayName: string;
    userName: string | null;
    isCommsAdmin: boolean;
    isNationalAdmin?: boolean;
  }) {
    const claims: IdentityClaims = {
      tid: DEV_TENANT_ID,
      oid: person.objectId,
      name: person.displayName,
      ...(person.userName ? { preferred_username: person.userName } : {}),
      roles: [
        ...(person.isCommsAdmin ? [COMMS_ADMIN_ROLE] : []),
        ...(person.isNationalAdmin ? [NATIONAL_ADMIN_ROLE] : []),
      ],
      // a delegated token, as Entra issues for a person signed in to the web client
      scp: DEV_SCOPE,
    };
    const accessToken = sign({ ...claims, ver: '2.0' }, this.keys.privateKey, {
      algorithm: 'RS256',
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      expiresIn: TOKEN_LIFETIME_SECONDS,
      keyid: this.keyId,
    });
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  async signingKeyFor(): Promise<KeyObject> {
    return this.keys.publicKey;
  }

  checkClaims(payload: Record<string, unknown>): IdentityClaims {
    if (payload.tid !== DEV_TENANT_ID || typeof payload.oid !== 'string') {
      throw new UnauthenticatedError(
        IdentityErrorReason.SIGN_IN_REQUIRED,
        'not a development sign-in token',
      );
    }
    return payload as unknown as IdentityClaims;
  }
}
