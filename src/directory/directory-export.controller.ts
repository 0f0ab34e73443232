import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Id } from '../common/graphql/id';
import { CommsAdminOnly, CurrentUser } from '../identity/auth.decorators';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { DirectoryExportService } from './directory-export.service';

export class DirectoryExportQuery {
  @Id({ of: 'organisation', optional: true })
  organisationId?: number;
}

@Controller('api/exports')
export class DirectoryExportController {
  constructor(private readonly exports: DirectoryExportService) {}

  /** The directory as CSV for the communications team (Comms.Admin: their organisation). */
  @Get('directory')
  @CommsAdminOnly()
  async directory(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DirectoryExportQuery,
    @Res() res: Response,
  ) {
    const organisationId = this.exports.scopeFor(user, query.organisationId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="staff-voices-directory-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    try {
      await this.exports.write(user, organisationId, res);
    } catch (error) {
      // the headers are gone: a cut-off download is the only honest answer left
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
