import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { parseId } from '../common/graphql/id';
import { NotFoundError } from '../common/errors/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app.config';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { CurrentUser } from '../identity/auth.decorators';
import { csvUpload } from './csv-upload';
import { ImportReport, ImportSummary } from './metric-imports.service';
import { MetricsErrorReason } from './metrics.errors';
import { MetricsService } from './metrics.service';

/** CSV imports of metric snapshots (docs/metrics.md). */
@Controller('api/imports/metrics')
export class MetricImportsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async import(@CurrentUser() user: AuthenticatedUser, @Req() req: Request): Promise<ImportReport> {
    // the admin check comes before a byte of the body is read
    this.metrics.assertMayImport(user);
    return this.metrics.importCsv(user, await csvUpload(req, this.config.importMaxBytes));
  }

  /** The importer's organisation's last imports (the national team's for a national admin). */
  @Get()
  @Header('Cache-Control', 'no-store')
  async recent(@CurrentUser() user: AuthenticatedUser): Promise<{ imports: ImportSummary[] }> {
    return { imports: await this.metrics.recentImports(user) };
  }

  @Get(':importId')
  @Header('Cache-Control', 'no-store')
  report(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId') raw: string,
  ): Promise<ImportReport> {
    const id = parseId(raw);
    if (id === undefined) {
      throw new NotFoundError(MetricsErrorReason.IMPORT_NOT_FOUND, 'No such import', 'importId');
    }
    return this.metrics.report(user, id);
  }
}
