import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { PrivacyService } from './privacy.service';

/**
 * Runs the privacy sweep in the server every LEAVER_SWEEP_INTERVAL_MINUTES (0: never; the
 * CLI `npm run privacy:sweep` does the same once). Several servers may sweep at once: each
 * erasure is its own transaction, and a person already erased is skipped.
 */
@Injectable()
export class LeaverSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LeaverSweep.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly privacy: PrivacyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.privacy.sweepIntervalMinutes;
    if (minutes === 0) return;
    this.timer = setInterval(() => this.runOnce(), minutes * 60 * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): void {
    if (this.running) return;
    this.running = this.privacy
      .sweep()
      .catch((error: unknown) =>
        this.logger.error(`Privacy sweep failed: ${error instanceof Error ? error.name : 'error'}`),
      )
      .finally(() => (this.running = null));
  }
}
