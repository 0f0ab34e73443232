import { Controller, Get, Header, Query } from '@nestjs/common';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Public } from '../identity/auth.decorators';
import { PublicCheckQuery } from './dto/public-check.query';
import { PublicCheckService } from './public-check.service';

/** The public check: no sign-in, readable from any web page (CORS), briefly cacheable. */
@Public()
@Controller('api/verify')
export class VerifyController {
  constructor(private readonly checks: PublicCheckService) {}

  @Get()
  @RateLimit('publicVerify')
  // the same for everyone (nothing depends on who asks): shared caches may keep it a minute
  @Header('Cache-Control', 'public, max-age=60')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Access-Control-Allow-Methods', 'GET')
  check(@Query() query: PublicCheckQuery) {
    return this.checks.check(query.url, query.platform);
  }
}
