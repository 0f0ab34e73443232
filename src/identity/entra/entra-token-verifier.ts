import { Inject, Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app.config';
import { APP_CONFIG } from '../../config/config.module';
import { IdentityClaims } from '../authenticated-user';
import { TokenVerifier } from '../token-verifier';

/** Microsoft Entra ID access tokens. (Key discovery and rotation: see the identity issue.) */
@Injectable()
export class EntraTokenVerifier implements TokenVerifier {
  readonly issuers: string[];
  readonly audiences: string[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.issuers = config.entra.tenantIds.flatMap((tid) => [
      `${config.entra.authority}/${tid}/v2.0`,
      `https://sts.windows.net/${tid}/`,
    ]);
    this.audiences = config.entra.audiences;
  }

  async signingKeyFor(): Promise<string> {
    throw new UnauthenticatedError('Entra ID sign-in is not available yet');
  }

  checkClaims(payload: Record<string, unknown>): IdentityClaims {
    return payload as unknown as IdentityClaims;
  }
}
