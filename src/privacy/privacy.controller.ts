import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentStaff } from '../identity/auth.decorators';
import type { StaffMember } from '../staff/staff-member.entity';
import { PrivacyService } from './privacy.service';

@Controller('api/me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything held about the signed-in person, as a JSON file to keep. */
  @Get('export')
  @Header('Cache-Control', 'no-store')
  async export(@CurrentStaff() me: StaffMember, @Res({ passthrough: true }) res: Response) {
    const now = new Date();
    const data = await this.privacy.exportFor(me.id, now);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="staff-voices-my-data-${now.toISOString().slice(0, 10)}.json"`,
    );
    return data;
  }
}
