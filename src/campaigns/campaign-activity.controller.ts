import { Controller, Header, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { parseId } from '../common/graphql/id';
import { NotFoundError } from '../common/errors/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app.config';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { CurrentUser } from '../identity/auth.decorators';
import { csvUpload } from '../metrics/csv-upload';
import type { ImportReport } from '../metrics/metric-imports.service';
import { CampaignErrorReason } from './campaign.errors';
import { CampaignsService } from './campaigns.service';

/** CSV imports of a campaign's activity (docs/metrics.md); reports at GET /api/imports/metrics/{id}. */
@Controller('api/imports/campaign-activity')
export class CampaignActivityController {
  constructor(
    private readonly campaigns: CampaignsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async import(
    @CurrentUser() user: AuthenticatedUser,
    @Query('campaignId') raw: string,
    @Req() req: Request,
  ): Promise<ImportReport> {
    const id = parseId(raw);
    if (id === undefined) {
      throw new NotFoundError(
        CampaignErrorReason.CAMPAIGN_NOT_FOUND,
        'No such campaign',
        'campaignId',
      );
    }
    const campaign = await this.campaigns.assertMayImport(user, id);
    return this.campaigns.importActivity(
      user,
      campaign,
      await csvUpload(req, this.config.importMaxBytes),
    );
  }
}
