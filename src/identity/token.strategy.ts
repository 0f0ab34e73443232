import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from './authenticated-user';
import { IdentityService } from './identity.service';
import { TOKEN_VERIFIER, TokenVerifier } from './token-verifier';

/** Validates the bearer token (RS256 only, issuer, audience, expiry with 5 minutes of skew). */
@Injectable()
export class TokenStrategy extends PassportStrategy(Strategy, 'bearer-token') {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly identity: IdentityService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      algorithms: ['RS256'],
      ...(verifier.issuers ? { issuer: verifier.issuers as [string, ...string[]] } : {}),
      audience: verifier.audiences as [string, ...string[]],
      jsonWebTokenOptions: { clockTolerance: 300 },
      ignoreExpiration: false,
      secretOrKeyProvider: (
        _req: unknown,
        rawToken: string,
        done: (e: unknown, key?: string) => void,
      ) => {
        verifier.signingKeyFor(rawToken).then(
          // jsonwebtoken takes a KeyObject too; passport-jwt's types only say string | Buffer
          (key) => done(null, key as unknown as string),
          (error) => done(error),
        );
      },
    });
  }

  async validate(payload: Record<string, unknown>): Promise<AuthenticatedUser> {
    const claims = this.verifier.checkClaims(payload);
    return this.identity.signIn(claims);
  }
}
