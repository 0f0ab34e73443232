import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { RateLimitGuard } from '../common/rate-limit/rate-limit.guard';
import { RedisModule } from '../common/redis/redis.module';
import { AppConfig } from '../config/app.config';
import { Organisation } from '../organisations/organisation.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { ScimModule } from '../scim/scim.module';
import { StaffModule } from '../staff/staff.module';
import { AuthGuard } from './auth.guard';
import { ClientConfigController } from './client-config.controller';
import { DevSignInController } from './dev/dev-sign-in.controller';
import { DevTokenService } from './dev/dev-token.service';
import { EntraTokenVerifier } from './entra/entra-token-verifier';
import { ErasedIdentity } from './erased-identity.entity';
import { IdentityPersonalData } from './identity.personal-data';
import { IdentityService } from './identity.service';
import { SignedInCache } from './signed-in-cache';
import { MyOrganisationResolver } from './my-organisation.resolver';
import { MyOrganisationService } from './my-organisation.service';
import { OrganisationClaim } from './organisation-claims/organisation-claim.entity';
import { OrganisationClaimsRepository } from './organisation-claims/organisation-claims.repository';
import {
  OrganisationClaimsResolver,
  StaffOrganisationClaimResolver,
} from './organisation-claims/organisation-claims.resolver';
import { OrganisationClaimsService } from './organisation-claims/organisation-claims.service';
import { TOKEN_VERIFIER } from './token-verifier';
import { OrganisationClaimsPersonalData } from './organisation-claims/organisation-claims.personal-data';
import { TokenStrategy } from './token.strategy';

@Module({})
export class IdentityModule {
  static register(config: AppConfig): DynamicModule {
    const dev = config.authMode === 'dev';
    const modeProviders: Provider[] = dev
      ? [DevTokenService, { provide: TOKEN_VERIFIER, useExisting: DevTokenService }]
      : [EntraTokenVerifier, { provide: TOKEN_VERIFIER, useExisting: EntraTokenVerifier }];
    return {
      module: IdentityModule,
      imports: [
        PassportModule,
        TypeOrmModule.forFeature([StaffMember, Organisation, OrganisationClaim, ErasedIdentity]),
        StaffModule,
        ScimModule,
        AuditModule,
        RedisModule,
      ],
      controllers: [ClientConfigController, ...(dev ? [DevSignInController] : [])],
      providers: [
        OrganisationClaimsPersonalData,
        ...modeProviders,
        IdentityService,
        IdentityPersonalData,
        MyOrganisationService,
        MyOrganisationResolver,
        OrganisationClaimsRepository,
        OrganisationClaimsService,
        OrganisationClaimsResolver,
        StaffOrganisationClaimResolver,
        TokenStrategy,
        SignedInCache,
        // global guards run in this order: sign in, then count the request against that person
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [IdentityService, ...(dev ? [DevTokenService] : [])],
    };
  }
}
