import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Public } from '../identity/auth.decorators';
import { Organisation } from '../organisations/organisation.entity';
import { pollutedPrototypeKeys } from './process-integrity';

@Public()
@RateLimit(null) // orchestrators probe often; an abuser must not make us look dead
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
}
