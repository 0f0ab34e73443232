import { Controller, Get, Query, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { once } from 'node:events';
import { AuthenticatedUser } from '../identity/authenticated-user';
import { CurrentUser } from '../identity/auth.decorators';
import { FollowPackCsvQuery } from './dto/follow-pack.args';
import { FollowPacksService } from './follow-packs.service';
import { MASTODON_CSV_HEADER } from './mastodon-csv';

// known only once the file is written: sent after it, as an HTTP trailer
const TRUNCATED = 'X-Follow-Pack-Truncated';

@Controller('api/follow-packs')
export class FollowPacksController {
  constructor(private readonly packs: FollowPacksService) {}

  /**
   * Mastodon's follow-import CSV for a follow pack (Preferences → Import and export), streamed
   * a chunk at a time as the connection drains. Whether Mastodon's row limit cut it short is the
   * trailer `X-Follow-Pack-Truncated: true|false`.
   */
  @Get('mastodon.csv')
  async mastodonCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: FollowPackCsvQuery,
    @Res() res: Response,
  ) {
    const { filename, rows, truncated } = await this.packs.mastodonCsv(user, {
      source: query.source,
      id: query.id,
      include: query.include ?? null,
      exclude: query.exclude ?? null,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Trailer', TRUNCATED);
    const csv = stringify({ header: true, columns: [...MASTODON_CSV_HEADER] });
    csv.pipe(res, { end: false });
    const ended = once(csv, 'end');
    try {
      for await (const row of rows) {
        if (!csv.write(row)) await once(csv, 'drain');
      }
      csv.end();
      await ended;
      res.addTrailers({ [TRUNCATED]: String(truncated()) });
      res.end();
    } catch (error) {
      // the headers are gone: a cut-off download is the only honest answer left
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
