import { Controller, Get, Query, Res } from '@nestjs/common';
import { IsEnum, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { Id } from '../common/graphql/id';
import { CommsAdminOnly, CurrentUser } from '../identity/auth.decorators';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { LeaderboardWindow } from '../leaderboard/windows';
import { AdvocatesExportService } from './advocates-export.service';
import { DashboardService } from './dashboard.service';

/** The rolling windows only: a campaign's board is on its own page. */
export enum AdvocatesWindow {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  ALL_TIME = 'ALL_TIME',
}

export class AdvocatesExportQuery {
  @Id({ of: 'organisation', optional: true })
  organisationId?: number;

  @IsOptional()
  @IsEnum(AdvocatesWindow, { message: 'window must be one of WEEK, MONTH, QUARTER, ALL_TIME' })
  window?: AdvocatesWindow;
}

@Controller('api/exports')
export class AdvocatesExportController {
  constructor(
    private readonly exports: AdvocatesExportService,
    private readonly dashboards: DashboardService,
  ) {}

  /** The advocates (leaderboard order) as CSV for the communications team. */
  @Get('advocates')
  @CommsAdminOnly()
  async advocates(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AdvocatesExportQuery,
    @Res() res: Response,
  ) {
    const organisationId = this.dashboards.scopeFor(user, query.organisationId);
    const window = (query.window ?? AdvocatesWindow.MONTH) as string as LeaderboardWindow;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="staff-voices-advocates-${this.dashboards.today()}.csv"`,
    );
    try {
      await this.exports.write(user, organisationId, window, res);
    } catch (error) {
      // the headers are gone: a cut-off download is the only honest answer left
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
