import { Controller, Get, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app.config';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { APP_CONFIG } from '../config/config.module';
import { Public } from './auth.decorators';

/** What the web client needs to know before anyone signs in. Nothing secret. */
@Public()
// every page load asks, before sign-in, from addresses many people may share: only the
// per-address budget applies
@RateLimit(null)
@Controller('api/client-config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  get() {
    const { authMode, entra } = this.config;
    return {
      authMode,
      ...(authMode === 'entra'
        ? {
            entra: {
              authority: `${entra.authority}/${entra.tenantIds.length === 1 ? entra.tenantIds[0] : 'organizations'}`,
              clientId: entra.clientId ?? null,
              apiScope: entra.apiScope ?? null,
            },
          }
        : {}),
    };
  }
}
