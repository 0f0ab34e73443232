import { Controller, Get, Query, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrorReason, InvalidInputError } from '../common/errors/domain-error';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Public } from '../identity/auth.decorators';
import { Organisation } from '../organisations/organisation.entity';
import { EventLoopDelay } from './event-loop-delay';
import { pollutedPrototypeKeys } from './process-integrity';

@Public()
@RateLimit(null) // orchestrators probe often; an abuser must not make us look dead
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly eventLoop: EventLoopDelay,
  ) {}

  /** Liveness: the process is serving, and is not beyond repair (a polluted Object.prototype). */
  @Get()
  live() {
    const polluted = pollutedPrototypeKeys();
    if (polluted.length) {
      throw new ServiceUnavailableException({ status: 'unavailable', process: 'polluted' });
    }
    return { status: 'ok' };
  }

  /**
   * Readiness: a lookup through the ORM as a request makes one (entity metadata, query builder,
   * driver), on an untouched Object.prototype.
   */
  @Get('ready')
  async ready() {
    if (pollutedPrototypeKeys().length) {
      throw new ServiceUnavailableException({ status: 'unavailable', process: 'polluted' });
    }
    try {
      await this.dataSource.getRepository(Organisation).find({ where: { id: 1 }, take: 1 });
      return { status: 'ok', database: 'up' };
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', database: 'down' });
    }
  }

  /**
   * How long this process's event loop was held: the longest delay and the worst second's p99,
   * in ms, over the last minute, or over the seconds after `since` (epoch ms, at most five
   * minutes back). Figures only, nothing about anyone: public like the rest of /health.
   */
  @Get('event-loop')
  eventLoopDelay(@Query('since') since?: string) {
    if (since === undefined) return this.eventLoop.summary();
    if (!/^\d{1,15}$/.test(since)) {
      throw new InvalidInputError(
        CommonErrorReason.INVALID_INPUT,
        'since must be a time in milliseconds since 1970, e.g. 1764547200000',
        'since',
      );
    }
    return this.eventLoop.summary(Number(since));
  }
}
