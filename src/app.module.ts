import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggingModule } from './common/logging/logging.module';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainErrorFilter } from './common/errors/domain-error.filter';
import { AppGraphQLModule } from './app-graphql.module';
import { LoadersModule } from './common/loaders/loaders.module';
import { QueryLimitsModule } from './common/graphql/query-limits.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { httpLoggerOptions } from './common/logging/http-logger';
import { AppConfig } from './config/app.config';
import { ClockModule } from './common/clock/clock';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { SocialAccountsModule } from './social-accounts/social-accounts.module';
import { StaffModule } from './staff/staff.module';
import { CommunitiesModule } from './communities/communities.module';
import { LeadersModule } from './leaders/leaders.module';
import { FollowsModule } from './follows/follows.module';
import { GuidanceModule } from './guidance/guidance.module';
import { DirectoryModule } from './directory/directory.module';
import { VerificationModule } from './verification/verification.module';
import { MetricsModule } from './metrics/metrics.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { AuditModule } from './audit/audit.module';
import { PrivacyModule } from './privacy/privacy.module';
import { LeaderboardModule } from './leaderboard/leaderboard.module';
import { DashboardModule } from './dashboard/dashboard.module';

const SERVER_PATHS = ['/graphql', '/api/{*path}', '/scim/{*path}', '/health', '/health/{*path}'];

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    const webRoot = resolve(config.webRoot);
    const serveWeb = existsSync(resolve(webRoot, 'index.html'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggingModule.forRoot(httpLoggerOptions(config)),
        DatabaseModule,
        LoadersModule,
        AppGraphQLModule,
        QueryLimitsModule,
        RateLimitModule,
        IdentityModule.register(config),
        HealthModule,
        OrganisationsModule,
        StaffModule,
        SocialAccountsModule,
        CommunitiesModule,
        LeadersModule,
        FollowsModule,
        GuidanceModule,
        DirectoryModule,
        VerificationModule,
        MetricsModule,
        CampaignsModule,
        AuditModule,
        PrivacyModule,
        LeaderboardModule,
        DashboardModule,
        ...(serveWeb
          ? [ServeStaticModule.forRoot({ rootPath: webRoot, exclude: SERVER_PATHS })]
          : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
