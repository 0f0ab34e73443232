import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { CurrentUser } from '../identity/auth.decorators';
import { FollowPackCsvQuery } from './dto/follow-pack.args';
import { FollowPacksService } from './follow-packs.service';

@Controller('api/follow-packs')
export class FollowPacksController {
  constructor(private readonly packs: FollowPacksService) {}

  /** Mastodon's follow-import CSV for a follow pack (Preferences → Import and export). */
  @Get('mastodon.csv')
  @Header('Cache-Control', 'no-store')
  async mastodonCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: FollowPackCsvQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { filename, csv, truncated } = await this.packs.mastodonCsv(user, {
      source: query.source,
      id: query.id,
      include: query.include ?? null,
      exclude: query.exclude ?? null,
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    if (truncated) res.setHeader('X-Follow-Pack-Truncated', 'true');
    return csv;
  }
}
